import type { Role } from './roles';
import type { DeviceStatus, Roster, RosterDevice } from './roster';
import type { RevocationPoint } from './roster-ops';

/**
 * Facts about the roster for the Team screen and its warnings. Pure, and ordered the same on
 * every device.
 */

/**
 * Members who can act as admins now: holding admin (the root device's member always does while
 * that device is active) and having at least one approved device that is not revoked. The Team
 * screen warns when this is 1 (one lost computer away from nobody being able to add anyone) or 0.
 */
export function adminCount(roster: Roster): number {
  let count = 0;
  for (const member of roster.members.values()) {
    if (member.removed || !member.roles.includes('admin')) continue;
    if (member.deviceIds.some((deviceId) => roster.devices.get(deviceId)?.status === 'approved')) count += 1;
  }
  // The root device before its own approval op: an admin without a member yet.
  const root = roster.devices.get(roster.rootDeviceId);
  if (root?.memberId === null && root.status === 'approved') count += 1;
  return count;
}

export interface PendingRequest {
  /** The request op's id, for `approveOp` / `declineOp`. */
  readonly id: string;
  readonly hlc: string;
  readonly memberId: string;
  readonly memberName: string;
  readonly deviceId: string;
  readonly publicKey: string;
  /** The request names a member already in the team: a new device of theirs. */
  readonly existingMember: boolean;
  /** False: the key the device's files were verified with is not the one it asks with. Do not approve. */
  readonly keyMatches: boolean;
}

/** Devices waiting for a decision, each with its latest request, oldest first. */
export function pendingRequests(roster: Roster): PendingRequest[] {
  const latest = new Map<string, Roster['requests'][number]>();
  for (const request of roster.requests) latest.set(request.deviceId, request);
  const pending: PendingRequest[] = [];
  for (const request of latest.values()) {
    if (request.decision !== null || roster.devices.get(request.deviceId)?.status !== 'pending') continue;
    const member = roster.members.get(request.memberId);
    pending.push({
      id: request.id,
      hlc: request.hlc,
      memberId: request.memberId,
      memberName: request.memberName,
      deviceId: request.deviceId,
      publicKey: request.publicKey,
      existingMember: member !== undefined && member.removed === null,
      keyMatches: roster.devices.get(request.deviceId)?.keyMatches ?? false,
    });
  }
  return pending.sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0));
}

export interface MemberSummary {
  readonly memberId: string;
  readonly displayName: string;
  readonly roles: readonly Role[];
  readonly isRoot: boolean;
  readonly joinedAt: string;
  readonly devices: ReadonlyArray<{ readonly deviceId: string; readonly status: DeviceStatus }>;
  /** Two admins set different roles without seeing each other's: a person should decide. */
  readonly rolesConflict: boolean;
}

/** Members in the team (not removed), in order of joining. */
export function membersWithRoles(roster: Roster): MemberSummary[] {
  return [...roster.members.values()]
    .filter((member) => member.removed === null)
    .sort((a, b) => (a.joinedAt < b.joinedAt ? -1 : a.joinedAt > b.joinedAt ? 1 : 0))
    .map((member) => ({
      memberId: member.memberId,
      displayName: member.displayName,
      roles: member.roles,
      isRoot: member.isRoot,
      joinedAt: member.joinedAt,
      devices: member.deviceIds.map((deviceId) => ({ deviceId, status: roster.devices.get(deviceId)!.status })),
      rolesConflict: (member.rolesField?.conflicts.length ?? 0) > 0,
    }));
}

/** Members holding a role now (e.g. the approvers a prize request can go to), in order of joining. */
export function membersHolding(roster: Roster, role: Role): MemberSummary[] {
  return membersWithRoles(roster).filter((member) => member.roles.includes(role));
}

export interface DeviceRevocation {
  readonly deviceId: string;
  /**
   * Where its trust ends: segments with a seq above `lastSegmentSeq` (every segment when null)
   * can be set aside unread. Null for a removed member's device the removal did not list: only
   * `removedAt` applies to it, and a seq says nothing about timestamps.
   */
  readonly point: RevocationPoint | null;
  /** Set when the device's member was removed: its ops stamped later do not count. */
  readonly removedAt: string | null;
}

/** Revoked devices (and those of removed members), for the storage service. Sorted by device id. */
export function revokedDevices(roster: Roster): DeviceRevocation[] {
  const revoked: DeviceRevocation[] = [];
  for (const device of [...roster.devices.values()].sort(byDeviceId)) {
    if (device.status !== 'revoked') continue;
    revoked.push({
      deviceId: device.deviceId,
      point: device.revoked
        ? { lastSegmentSeq: device.revoked.lastSegmentSeq, lastOpCounter: device.revoked.lastOpCounter }
        : null,
      removedAt: device.removedAt,
    });
  }
  return revoked;
}

/** Devices whose device.json key differs from the roster's: a copied or forged device.json. */
export function devicesWithForeignKeys(roster: Roster): string[] {
  return [...roster.devices.values()].filter((device) => !device.keyMatches).map((device) => device.deviceId).sort();
}

function byDeviceId(a: RosterDevice, b: RosterDevice): number {
  return a.deviceId < b.deviceId ? -1 : a.deviceId > b.deviceId ? 1 : 0;
}
