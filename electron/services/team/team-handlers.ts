import type { teamOperations } from '../../../shared/api/team-schemas';
import type { HandlersOf } from '../dispatch';
import type { TeamService } from './team-service';

/** The bridge's team operations (shared/api/team-schemas.ts), answered by the team service. */
export function teamHandlers(team: TeamService): HandlersOf<typeof teamOperations> {
  return {
    getTeam: async () => team.view(),
    inspectFolder: async ({ path }) => team.inspectFolder(path),
    createTeam: async (input) => team.createTeam(input),
    joinTeam: async (input) => team.joinTeam(input),
    approveJoin: async (input) => team.approve(input),
    declineJoin: async (input) => team.decline(input),
    setMemberRoles: async (input) => team.setRoles(input),
    removeMember: async (input) => team.removeMember(input),
    revokeDevice: async (input) => team.revokeDevice(input),
    setMyDisplayName: async (input) => team.setMyDisplayName(input),
  };
}
