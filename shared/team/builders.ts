import { lwwSetData, opDraft, type OpDraft } from '../sync';
import { normalizeRoles, type Role } from './roles';
import type { Roster } from './roster';
import { device as deviceCapability, member as memberCapability, type RevocationPoint } from './roster-ops';

/**
 * The ops of the join flow, as drafts: the device's writer gives each its id and hlc. Every
 * builder checks its data against the op's schema (`opDraft`) and throws on bad input, so a draft
 * that leaves here folds as written.
 */
export type { OpDraft };

export interface DeviceIdentity {
  readonly memberId: string;
  readonly deviceId: string;
  readonly publicKey: string;
}

/**
 * Creating a team: the root device (team.json's) approves itself as a member with `roles`
 * (admin is always among them) and sets its name, so the creator is in the roster like anyone.
 * Fits the storage service's `createTeam({ firstOps: (device) => createTeamOps(device) })`.
 */
const creatorRoles: readonly Role[] = ['admin', 'lead', 'approver', 'editor'];

export function createTeamOps(creator: DeviceIdentity & { readonly memberName: string; readonly roles?: readonly Role[] }): OpDraft[] {
  return [
    // The creator starts as the whole team: a team of one must be able to write, publish and approve.
    approveDeviceOp({ ...creator, roles: [...creatorRoles, ...(creator.roles ?? [])] }),
    opDraft(memberCapability, 'member.profileSet', creator.memberId, { set: { displayName: creator.memberName.trim() }, seen: {} }),
  ];
}

/**
 * A new device asks to join: as a new member (a fresh member id) or, naming an existing member's
 * id, as that member's new device. Written by the asking device itself.
 */
export function joinRequestOp(request: DeviceIdentity & { readonly memberName: string }): OpDraft {
  return opDraft(memberCapability, 'member.joinRequested', request.memberId, {
    memberId: request.memberId,
    memberName: request.memberName,
    deviceId: request.deviceId,
    publicKey: request.publicKey,
  });
}

export interface RequestRef {
  readonly id: string;
  readonly memberId: string;
  readonly deviceId: string;
  readonly publicKey: string;
}

/**
 * An admin approves a join request (from `pendingRequests`). `memberId` files the device under
 * another member than the request named (it is their second computer). For an existing member
 * the roles are ignored (they keep theirs): pass their current roles.
 */
export function approveOp(request: RequestRef, options: { readonly roles: readonly Role[]; readonly memberId?: string }): OpDraft {
  const memberId = options.memberId ?? request.memberId;
  return opDraft(memberCapability, 'member.approved', memberId, {
    memberId,
    deviceId: request.deviceId,
    publicKey: request.publicKey,
    roles: normalizeRoles(options.roles),
    request: request.id,
  });
}

/** An admin approves a device that did not ask (its device.json is at hand), and the root device itself. */
export function approveDeviceOp(device: DeviceIdentity & { readonly roles: readonly Role[] }): OpDraft {
  return opDraft(memberCapability, 'member.approved', device.memberId, {
    memberId: device.memberId,
    deviceId: device.deviceId,
    publicKey: device.publicKey,
    roles: normalizeRoles(device.roles),
  });
}

/** An admin declines a join request; the device may ask again. */
export function declineOp(request: Pick<RequestRef, 'id' | 'memberId' | 'deviceId'>): OpDraft {
  return opDraft(memberCapability, 'member.declined', request.memberId, { request: request.id, deviceId: request.deviceId });
}

/**
 * An admin revokes a device: its ops after `point` (the last segment of it this device has read,
 * and the counter of the last op in it) stop counting. A device does not revoke itself this way:
 * its own revocation op would come after the point.
 */
export function revokeDeviceOp(deviceId: string, point: RevocationPoint): OpDraft {
  return opDraft(deviceCapability, 'device.revoked', deviceId, {
    deviceId,
    lastSegmentSeq: point.lastSegmentSeq,
    lastOpCounter: point.lastOpCounter,
  });
}

/**
 * An admin removes a member, and with them every device of theirs: `lastSeen` gives, per device,
 * the revocation point this device has read up to ({ lastSegmentSeq: null, lastOpCounter: null }
 * when it has read nothing of it).
 */
export function removeMemberOp(roster: Roster, memberId: string, lastSeen: (deviceId: string) => RevocationPoint): OpDraft {
  const member = memberOf(roster, memberId);
  const devices = member.deviceIds.map((deviceId) => {
    const point = lastSeen(deviceId);
    return { deviceId, lastSegmentSeq: point.lastSegmentSeq, lastOpCounter: point.lastOpCounter };
  });
  return opDraft(memberCapability, 'member.removed', memberId, { devices });
}

/** An admin sets a member's roles, having seen what the roster shows (resolving a conflict). */
export function setRolesOp(roster: Roster, memberId: string, roles: readonly Role[]): OpDraft {
  const member = memberOf(roster, memberId);
  const rolesField = member.rolesField ?? undefined;
  return opDraft(memberCapability, 'member.rolesSet', memberId, {
    ...lwwSetData(rolesField && { roles: rolesField }, { roles: normalizeRoles(roles) }),
  });
}

/** A member sets their own display name. */
export function setDisplayNameOp(roster: Roster, memberId: string, displayName: string): OpDraft {
  const member = memberOf(roster, memberId);
  const nameField = member.nameField ?? undefined;
  return opDraft(memberCapability, 'member.profileSet', memberId, {
    ...lwwSetData(nameField && { displayName: nameField }, { displayName: displayName.trim() }),
  });
}

function memberOf(roster: Roster, memberId: string) {
  const member = roster.members.get(memberId);
  if (!member) throw new RangeError(`not a member of the team: ${memberId}`);
  return member;
}
