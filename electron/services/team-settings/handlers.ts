import type { Handlers } from '../dispatch';
import type { TeamSettingsService } from './team-settings-service';

/** The bridge's team-settings operations, each a thin call into the service. */
export function teamSettingsHandlers(service: TeamSettingsService): Pick<Handlers, 'getTeamSettings' | 'setTeamSettings'> {
  return {
    getTeamSettings: async () => service.get(),
    setTeamSettings: async ({ changes }) => service.set(changes),
  };
}
