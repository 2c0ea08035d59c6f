import type { sampleTeamOperations } from '../../../shared/api/sample-team-contract';
import type { HandlersOf } from '../dispatch';
import type { SampleTeamService } from './sample-team-service';

export function sampleTeamHandlers(service: SampleTeamService): HandlersOf<typeof sampleTeamOperations> {
  return {
    openSampleTeam: async ({ language }) => service.open({ language }),
    leaveSampleTeam: async () => service.leave(),
  };
}
