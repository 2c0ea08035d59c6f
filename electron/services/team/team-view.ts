import type { TeamView } from '../../../shared/api/team-schemas';
import type { SyncStatus } from '../../../shared/sync/status';
import { adminCount, membersWithRoles, pendingRequests, type Roster } from '../../../shared/team';
import { setAsideOps } from './set-aside-ops';
import type { TrustView } from './trust-tap';

export interface ViewParts {
  readonly status: SyncStatus;
  readonly trust: TrustView | null;
  readonly trustActive: boolean;
  readonly ownMemberId: string | null;
  /** The team code of a team.json's root key (team-code-check.ts). */
  readonly codeOf: (team: TrustView['team']) => string;
}

/** The Team screen's data: the roster as the service's own trust filter folded it. */
export function teamView({ status, trust, trustActive, ownMemberId, codeOf }: ViewParts): TeamView {
  const roster = trust?.roster ?? null;
  const seen = new Map(status.devices.map((device) => [device.deviceId, device.lastSeenAt]));
  const me = myPlace(roster, status.deviceId, ownMemberId);
  return {
    available: roster !== null,
    opening: status.opening !== null,
    trustActive,
    teamId: status.teamId,
    teamName: status.teamName,
    // Admins give it to newcomers; it is the code of the team.json this computer pinned, never of
    // whatever the folder holds now (a replaced one must not be read out as the real team's).
    teamCode: trust && me.isAdmin ? codeOf(trust.team) : null,
    me,
    members: roster
      ? membersWithRoles(roster).map((member) => ({
          memberId: member.memberId,
          displayName: member.displayName,
          roles: [...member.roles],
          isRoot: member.isRoot,
          isMe: member.memberId === me.memberId,
          rolesConflict: member.rolesConflict,
          joinedAt: member.joinedAt,
          devices: member.devices.map((device) => ({
            deviceId: device.deviceId,
            status: device.status,
            lastSeenAt: seen.get(device.deviceId) ?? null,
            isThisDevice: device.deviceId === status.deviceId,
          })),
        }))
      : [],
    pending: roster
      ? pendingRequests(roster).map(({ id, hlc, memberId, memberName, deviceId, existingMember, keyMatches }) => ({
          id, hlc, memberId, memberName, deviceId, existingMember, keyMatches,
        }))
      : [],
    adminCount: roster ? adminCount(roster) : 0,
    setAside: setAsideOps(trust),
  };
}

function myPlace(roster: Roster | null, deviceId: string, ownMemberId: string | null): TeamView['me'] {
  const device = roster?.devices.get(deviceId);
  const memberId = device?.memberId ?? ownMemberId;
  const member = memberId ? roster?.members.get(memberId) : undefined;
  const approved = device?.status === 'approved';
  const roles = approved && member ? [...member.roles] : [];
  // The root device before its own approval op is an admin by team.json alone.
  const isAdmin = approved && (roles.includes('admin') || (device.isRoot && device.memberId === null));
  return {
    deviceId,
    memberId: memberId ?? null,
    status: device?.status ?? 'unknown',
    roles,
    // Before approval, the name this device asked to join with.
    displayName: member?.displayName ?? roster?.requests.findLast((request) => request.deviceId === deviceId)?.memberName ?? '',
    isAdmin,
  };
}
