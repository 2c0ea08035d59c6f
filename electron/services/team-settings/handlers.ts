import type { teamSettingsOperations } from '../../../shared/api/team-settings-contract';
import type { HandlersOf } from '../dispatch';
import type { TeamSettingsService } from './team-settings-service';

/** The bridge's team-settings operations, each a thin call into the service. */
export function teamSettingsHandlers(service: TeamSettingsService): HandlersOf<typeof teamSettingsOperations> {
  return {
    getTeamSettings: async () => service.get(),
    setTeamSettings: async ({ changes }) => service.set(changes),
  };
}
