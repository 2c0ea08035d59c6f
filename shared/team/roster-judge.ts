import type { z } from 'zod';
import { sameKey } from './ids';
import { permissionFor, ruleAllows } from './permissions';
import type { TrustReason, Verdict } from './reasons';
import { normalizeRoles, rolesContradict } from './roles';
import { applyCut, cutsOf, isCut, newDevice, rolesAsOf, type Context, type RosterOp, type MemberOps, type DeviceOps, type RequestState } from './roster-pass';

/** Whether each roster op counts where the fold meets it, and what it changes when it does (see roster.ts). */

export function judge(context: Context, rop: RosterOp): Verdict {
  const { parsed } = rop;
  switch (parsed.type) {
    case 'member.joinRequested':
      return judgeRequest(context, rop, parsed.data);
    case 'member.approved':
      return judgeAuthor(context, rop) ?? judgeNewRoles(context, parsed.data) ?? judgeApproval(context, rop, parsed.data);
    case 'member.declined':
      return judgeAuthor(context, rop) ?? judgeDecline(context, rop, parsed.data);
    case 'member.rolesSet':
      return judgeAuthor(context, rop) ?? (rolesContradict(parsed.data.set.roles ?? []) ? 'contradictory-roles' : judgeMemberTarget(context, rop.entityId));
    case 'member.profileSet':
      return judgeAuthor(context, rop) ?? judgeMemberTarget(context, rop.entityId);
    case 'member.removed':
      return judgeAuthor(context, rop) ?? judgeRemoval(context, rop, parsed.data);
    case 'device.revoked':
      return judgeAuthor(context, rop) ?? judgeRevocation(context, rop, parsed.data);
  }
}

/** A new member's first roles must not contradict each other; an existing member keeps theirs (the op's are ignored). */
function judgeNewRoles(context: Context, data: z.output<MemberOps['member.approved']>): TrustReason | null {
  return !context.state.members.has(data.memberId) && rolesContradict(data.roles) ? 'contradictory-roles' : null;
}

/** Null if the author may write this op here and now; else why not. */
export function judgeAuthor(context: Context, rop: RosterOp): TrustReason | null {
  const device = context.state.devices.get(rop.author);
  if (!device) return 'unknown-device';
  const key = context.publicKeyOf(rop.author);
  if (key !== undefined && !sameKey(key, device.publicKey)) return 'bad-key';
  if (isCut(context, rop) || (device.removedAt !== null && rop.op.hlc > device.removedAt)) {
    return 'device-revoked';
  }
  if (device.approvedAt === null) {
    return device.latestRequest?.decision?.kind === 'declined' ? 'device-declined' : 'device-not-approved';
  }
  const rule = permissionFor(rop.op.type);
  if (!rule) return 'no-permission-rule';
  if (rule.allowed === 'self') return device.memberId === rop.entityId ? null : 'role-not-allowed';
  const history = device.memberId === null ? undefined : context.state.members.get(device.memberId)?.rolesHistory;
  const roles = rolesAsOf(device, rop.op.hlc, context.team.rootDeviceId, history ?? []);
  return ruleAllows(rule, roles) ? null : 'role-not-allowed';
}

export function judgeRequest(context: Context, rop: RosterOp, data: z.output<MemberOps['member.joinRequested']>): Verdict {
  if (data.deviceId !== rop.author) return 'not-own-device';
  if (rop.entityId !== data.memberId) return 'wrong-entity';
  const device = context.state.devices.get(rop.author);
  // A device's key never changes: asking again with another one means one of them is forged. A
  // request whose key is not the one its segment was verified with still counts (it is only an
  // ask); the device is then flagged (`keyMatches`) and every other op of it is 'bad-key'.
  if (device && !sameKey(device.publicKey, data.publicKey)) return 'bad-key';
  const removedAt = device?.removedAt ?? null;
  if (isCut(context, rop) || (removedAt !== null && rop.op.hlc > removedAt)) return 'device-revoked';
  if ((device?.approvedAt ?? null) !== null) return 'already-decided';
  if (context.state.members.get(data.memberId)?.removed) return 'member-removed';
  return true;
}

export function judgeApproval(context: Context, rop: RosterOp, data: z.output<MemberOps['member.approved']>): Verdict {
  if (rop.entityId !== data.memberId) return 'wrong-entity';
  if (data.request !== undefined) {
    const request = context.state.requests.get(data.request);
    if (!request) return 'unknown-request';
    if (request.deviceId !== data.deviceId || !sameKey(request.publicKey, data.publicKey)) return 'request-mismatch';
    if (request.decision) return 'already-decided';
  }
  if (context.state.members.get(data.memberId)?.removed) return 'member-removed';
  const target = context.state.devices.get(data.deviceId);
  if (target) {
    if (target.cut !== null || target.removedAt !== null) return 'target-revoked';
    if (!sameKey(target.publicKey, data.publicKey)) return 'device-taken';
    if (target.approvedAt !== null && target.memberId !== null && target.memberId !== data.memberId) return 'device-taken';
  }
  return true;
}

export function judgeDecline(context: Context, rop: RosterOp, data: z.output<MemberOps['member.declined']>): Verdict {
  const request = context.state.requests.get(data.request);
  if (!request) return 'unknown-request';
  if (rop.op.entity !== request.entity) return 'wrong-entity';
  if (data.deviceId !== request.deviceId) return 'request-mismatch';
  if (request.decision || (context.state.devices.get(request.deviceId)?.approvedAt ?? null) !== null) return 'already-decided';
  return true;
}

export function judgeMemberTarget(context: Context, memberId: string): Verdict {
  const member = context.state.members.get(memberId);
  if (!member) return 'unknown-target';
  return member.removed ? 'member-removed' : true;
}

export function judgeRemoval(context: Context, rop: RosterOp, data: z.output<MemberOps['member.removed']>): Verdict {
  const target = judgeMemberTarget(context, rop.entityId);
  if (target !== true) return target;
  if (context.state.devices.get(rop.author)?.memberId === rop.entityId) return 'self-removal';
  for (const { deviceId } of data.devices) {
    const device = context.state.devices.get(deviceId);
    if (device?.memberId !== rop.entityId || device.approvedAt === null) return 'device-not-of-member';
  }
  return true;
}

export function judgeRevocation(context: Context, rop: RosterOp, data: z.output<DeviceOps['device.revoked']>): Verdict {
  if (rop.entityId !== data.deviceId) return 'wrong-entity';
  return context.state.devices.has(data.deviceId) ? true : 'unknown-target';
}

export function applyOp(context: Context, rop: RosterOp): void {
  const { devices, members, requests } = context.state;
  const { op, parsed } = rop;
  switch (parsed.type) {
    case 'member.joinRequested': {
      const { data } = parsed;
      const request: RequestState = { id: op.id, hlc: op.hlc, entity: op.entity, ...data, decision: null };
      requests.set(op.id, request);
      const device = devices.get(data.deviceId) ?? newDevice(data.deviceId, data.publicKey);
      devices.set(data.deviceId, device);
      device.latestRequest = request;
      device.memberId = data.memberId;
      return;
    }
    case 'member.approved': {
      const { data } = parsed;
      const request = data.request === undefined ? undefined : requests.get(data.request);
      const device = devices.get(data.deviceId) ?? newDevice(data.deviceId, data.publicKey);
      devices.set(data.deviceId, device);
      let member = members.get(data.memberId);
      if (!member) {
        member = {
          memberId: data.memberId,
          joinedAt: op.hlc,
          roleWrites: [{ hlc: op.hlc, data: { set: { roles: data.roles }, seen: {} } }],
          rolesHistory: [{ hlc: op.hlc, roles: normalizeRoles(data.roles) }],
          nameWrites: [],
          requestedName: request?.memberName ?? device.latestRequest?.memberName ?? null,
          removed: null,
          deviceIds: [],
        };
        members.set(data.memberId, member);
      }
      device.approvedAt ??= op.hlc;
      device.memberId = data.memberId;
      if (!member.deviceIds.includes(data.deviceId)) member.deviceIds.push(data.deviceId);
      if (request) request.decision = { kind: 'approved', by: op.id, hlc: op.hlc };
      return;
    }
    case 'member.declined': {
      requests.get(parsed.data.request)!.decision = { kind: 'declined', by: op.id, hlc: op.hlc };
      return;
    }
    case 'member.rolesSet': {
      const member = members.get(rop.entityId)!;
      member.roleWrites.push({ hlc: op.hlc, data: parsed.data });
      if (parsed.data.set.roles !== undefined) member.rolesHistory.push({ hlc: op.hlc, roles: normalizeRoles(parsed.data.set.roles) });
      return;
    }
    case 'member.profileSet':
      members.get(rop.entityId)!.nameWrites.push({ hlc: op.hlc, data: parsed.data });
      return;
    case 'member.removed': {
      const member = members.get(rop.entityId)!;
      member.removed = { by: op.id, hlc: op.hlc };
      for (const deviceId of member.deviceIds) devices.get(deviceId)!.removedAt ??= op.hlc;
      for (const cut of cutsOf(parsed)) applyCut(devices.get(cut.deviceId)!, cut, op.id);
      return;
    }
    case 'device.revoked':
      applyCut(devices.get(parsed.data.deviceId)!, cutsOf(parsed)[0]!, op.id);
      return;
  }
}
