import { membersWithRoles, type Roster } from '../team';
import type { Role } from '../team/roles';

/**
 * What the SOP rules need to know about the team, from the roster the trust layer folded: whose
 * device signed an op (identity comes from the op id, never from a name in its data), how many
 * leads there are, and who holds which roles now. Null when the app folds without a trust layer
 * (tests, a folder without a team): the rules about identity are then not checked.
 */
export interface SopTeam {
  memberOfDevice(deviceId: string): string | null;
  readonly leadCount: number;
  readonly members: ReadonlyArray<{ readonly memberId: string; readonly name: string; readonly roles: readonly Role[] }>;
}

export function sopTeamOf(roster: Roster): SopTeam {
  const members = membersWithRoles(roster).map((member) => ({ memberId: member.memberId, name: member.displayName, roles: member.roles }));
  return {
    memberOfDevice: (deviceId) => roster.devices.get(deviceId)?.memberId ?? null,
    leadCount: members.filter((member) => member.roles.includes('lead')).length,
    members,
  };
}
