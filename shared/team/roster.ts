import type { z } from 'zod';
import { canonicalJson, foldLww, parseOpId, splitEntity, type LwwField, type LwwSet, type Op } from '../sync';
import { sameKey } from './ids';
import { permissionFor, ruleAllows } from './permissions';
import type { TrustReason, Verdict } from './reasons';
import { normalizeRoles, type Role } from './roles';
import { DEVICE_KIND, MEMBER_KIND, deviceOps, memberOps, type RevocationPoint } from './roster-ops';
import type { TeamRoot } from './team-file';

/**
 * The roster: who is in the team, with which roles, on which devices. It decides which ops count,
 * so it cannot be folded through the trust filter it feeds: `foldRoster` folds the roster ops
 * itself, in (hlc, op id) order, each counting only if, at that point, its author's device was
 * approved, not revoked, held the key the op was verified with, and its member had a role allowed
 * to write it. team.json's root device is an admin from the start, unless removed or revoked.
 *
 * A revocation reaches back: its device's ops after the revocation point do not count, whatever
 * their timestamp. When a revocation turns out to cut roster ops already folded (an approval a
 * stolen computer back-dated, say), the fold starts again with that cut in force from the start
 * ("pinned"); the root device's revocations are pinned from the outset, so that when it and
 * another admin revoke each other the root of trust wins. A pinned revocation that does not count
 * once its cut is in force (it cut the very ops that made its author an admin) is void. Each
 * revocation is pinned or voided at most once, so the fold ends; it depends only on the set of ops.
 */

/** Which key a device's segments were verified with (device.json's); undefined: the roster's own. */
export type PublicKeyOf = (deviceId: string) => string | undefined;

export type DeviceStatus = 'pending' | 'declined' | 'approved' | 'revoked';

export interface RosterDevice {
  readonly deviceId: string;
  /** Approved: its member. Pending or declined: the member its latest request names. Null: the root device before its own approval. */
  readonly memberId: string | null;
  readonly publicKey: string;
  readonly status: DeviceStatus;
  /** The hlc of its approval ('' for the root device, approved by team.json); null if never approved. */
  readonly approvedAt: string | null;
  /** The revocation in force (the lowest point), by the op that set it. */
  readonly revoked: (RevocationPoint & { readonly by: string }) | null;
  /** Its member was removed at this hlc: its ops stamped later do not count. */
  readonly removedAt: string | null;
  /** Whether the key its segments were verified with is the roster's. False: every op of it is 'bad-key'. */
  readonly keyMatches: boolean;
  readonly isRoot: boolean;
}

export interface RosterMember {
  readonly memberId: string;
  /** Their profile's name, else the name their approved join request gave, else ''. */
  readonly displayName: string;
  readonly nameField: LwwField<string> | null;
  /** Current roles; for the member owning an active root device, always with admin. */
  readonly roles: readonly Role[];
  /** The roles field as last written (with conflicts), for `setRolesOp`. */
  readonly rolesField: LwwField<Role[]> | null;
  /** Every roles write that counted, oldest first: an op is judged by the roles of its time. */
  readonly rolesHistory: ReadonlyArray<{ readonly hlc: string; readonly roles: readonly Role[] }>;
  readonly joinedAt: string;
  readonly removed: { readonly by: string; readonly hlc: string } | null;
  /** Devices approved for the member, in order of approval. */
  readonly deviceIds: readonly string[];
  readonly isRoot: boolean;
}

export interface JoinRequest {
  /** The request op's id: what an approval or a decline names. */
  readonly id: string;
  readonly hlc: string;
  readonly entity: string;
  readonly memberId: string;
  readonly memberName: string;
  readonly deviceId: string;
  readonly publicKey: string;
  readonly decision: { readonly kind: 'approved' | 'declined'; readonly by: string; readonly hlc: string } | null;
}

export interface Roster {
  readonly rootDeviceId: string;
  readonly rootPublicKey: string;
  readonly devices: ReadonlyMap<string, RosterDevice>;
  readonly members: ReadonlyMap<string, RosterMember>;
  /** Join requests that counted, oldest first. */
  readonly requests: readonly JoinRequest[];
  /** Every roster op held, by id: true if it counts, else why not. */
  readonly verdicts: ReadonlyMap<string, Verdict>;
}

type MemberOps = typeof memberOps;
type DeviceOps = typeof deviceOps;
type Parsed =
  | { [T in keyof MemberOps]: { readonly type: T; readonly data: z.output<MemberOps[T]> } }[keyof MemberOps]
  | { readonly type: 'device.revoked'; readonly data: z.output<DeviceOps['device.revoked']> };

interface RosterOp {
  readonly op: Op;
  readonly author: string;
  readonly counter: number;
  readonly entityId: string;
  readonly parsed: Parsed;
}

interface Cut {
  readonly deviceId: string;
  readonly counter: number;
  readonly point: RevocationPoint;
}

interface DeviceState {
  readonly deviceId: string;
  memberId: string | null;
  readonly publicKey: string;
  approvedAt: string | null;
  latestRequest: RequestState | null;
  cut: { counter: number; point: RevocationPoint; by: string } | null;
  removedAt: string | null;
  /** The highest counter of its roster ops counted so far in this pass. */
  maxCounted: number;
}

interface MemberState {
  readonly memberId: string;
  readonly joinedAt: string;
  readonly roleWrites: Array<{ hlc: string; data: LwwSet<{ roles: Role[] }> }>;
  /** The writes that set roles, normalized: what ops are judged by. */
  readonly rolesHistory: Array<{ hlc: string; roles: readonly Role[] }>;
  readonly nameWrites: Array<{ hlc: string; data: LwwSet<{ displayName: string }> }>;
  readonly requestedName: string | null;
  removed: { by: string; hlc: string } | null;
  readonly deviceIds: string[];
}

/** A join request while the roster is folded: its decision is filled in as decisions are met. */
interface RequestState extends Omit<JoinRequest, 'decision'> {
  decision: JoinRequest['decision'];
}

interface PassState {
  readonly devices: Map<string, DeviceState>;
  readonly members: Map<string, MemberState>;
  readonly requests: Map<string, RequestState>;
  readonly verdicts: Map<string, Verdict>;
}

type PassOutcome =
  | { readonly kind: 'done'; readonly state: PassState }
  | { readonly kind: 'pin'; readonly id: string; readonly cuts: readonly Cut[] }
  | { readonly kind: 'void'; readonly id: string };

/**
 * Folds the roster from ops (any order, duplicates welcome, other kinds ignored). `publicKeyOf`:
 * per device, the key its segments were verified with.
 */
export function foldRoster(ops: Iterable<Op>, team: TeamRoot, publicKeyOf: PublicKeyOf): Roster {
  const { sorted, skipped } = prepare(ops);
  const pinned = new Map<string, readonly Cut[]>();
  const voided = new Set<string>();
  // The root device's revocations are in force from the start: when it and another admin revoke
  // each other, the root of trust wins, whatever the timestamps (a stolen computer can back-date).
  for (const rop of sorted) if (rop.author === team.rootDeviceId && isCutting(rop.parsed)) pinned.set(rop.op.id, cutsOf(rop.parsed));
  // Each revocation is pinned at most once and voided at most once.
  for (;;) {
    const outcome = foldPass(sorted, team, publicKeyOf, pinned, voided);
    if (outcome.kind === 'done') return buildRoster(outcome.state, team, publicKeyOf, skipped);
    if (outcome.kind === 'pin') {
      pinned.set(outcome.id, outcome.cuts);
    } else {
      pinned.delete(outcome.id);
      voided.add(outcome.id);
    }
  }
}

export function isRosterKind(kind: string): boolean {
  return kind === MEMBER_KIND || kind === DEVICE_KIND;
}

/** isRosterKind of an entity's kind, without cutting the kind out (asked about every op). */
export function isRosterEntity(entity: string): boolean {
  return entity.startsWith(`${MEMBER_KIND}:`) || entity.startsWith(`${DEVICE_KIND}:`);
}

/** Roster ops that parse, deduplicated and sorted; the ids of the others (they have no say). */
function prepare(ops: Iterable<Op>): { sorted: RosterOp[]; skipped: string[] } {
  const byId = new Map<string, Op>();
  for (const op of ops) {
    if (!isRosterEntity(op.entity)) continue;
    const existing = byId.get(op.id);
    // Two different ops under one id: keep the one the fold engine keeps.
    if (!existing || canonicalJson(op) < canonicalJson(existing)) byId.set(op.id, op);
  }
  const sorted: RosterOp[] = [];
  const skipped: string[] = [];
  for (const op of byId.values()) {
    const parsed = parseRosterOp(op);
    const id = parseOpId(op.id);
    if (parsed && id) sorted.push({ op, author: id.deviceId, counter: id.counter, entityId: splitEntity(op.entity).id, parsed });
    else skipped.push(op.id);
  }
  sorted.sort((a, b) => compare(a.op.hlc, b.op.hlc) || compare(a.op.id, b.op.id));
  return { sorted, skipped };
}

/** Null for a type this version does not know, a type of the other kind, or data that breaks its schema. */
function parseRosterOp(op: Op): Parsed | null {
  const kind = splitEntity(op.entity).kind;
  const schemas: Record<string, z.ZodType> = kind === MEMBER_KIND ? memberOps : deviceOps;
  if (!Object.hasOwn(schemas, op.type)) return null;
  const result = schemas[op.type]!.safeParse(op.data);
  return result.success ? ({ type: op.type, data: result.data } as Parsed) : null;
}

function foldPass(
  sorted: readonly RosterOp[],
  team: TeamRoot,
  publicKeyOf: PublicKeyOf,
  pinned: ReadonlyMap<string, readonly Cut[]>,
  voided: ReadonlySet<string>,
): PassOutcome {
  const state: PassState = { devices: new Map(), members: new Map(), requests: new Map(), verdicts: new Map() };
  state.devices.set(team.rootDeviceId, {
    deviceId: team.rootDeviceId,
    memberId: null,
    publicKey: team.rootPublicKey,
    approvedAt: '',
    latestRequest: null,
    cut: null,
    removedAt: null,
    maxCounted: -1,
  });
  const context: Context = { state, team, publicKeyOf, pinned };

  for (const rop of sorted) {
    const verdict = judge(context, rop);
    const id = rop.op.id;
    if (voided.has(id)) {
      state.verdicts.set(id, verdict === true ? 'revokes-own-authority' : verdict);
      continue;
    }
    const cutting = isCutting(rop.parsed);
    if (cutting && pinned.has(id) && verdict !== true) return { kind: 'void', id };
    if (verdict !== true) {
      state.verdicts.set(id, verdict);
      continue;
    }
    if (cutting && !pinned.has(id)) {
      const cuts = cutsOf(rop.parsed);
      // It cuts roster ops this pass already counted: fold again with the cut in force throughout.
      if (cuts.some((cut) => (state.devices.get(cut.deviceId)?.maxCounted ?? -1) > cut.counter)) {
        return { kind: 'pin', id, cuts };
      }
    }
    applyOp(context, rop);
    const author = state.devices.get(rop.author);
    if (author) author.maxCounted = Math.max(author.maxCounted, rop.counter);
    state.verdicts.set(id, true);
  }
  return { kind: 'done', state };
}

interface Context {
  readonly state: PassState;
  readonly team: TeamRoot;
  readonly publicKeyOf: PublicKeyOf;
  readonly pinned: ReadonlyMap<string, readonly Cut[]>;
}

function isCutting(parsed: Parsed): boolean {
  return parsed.type === 'device.revoked' || parsed.type === 'member.removed';
}

function cutsOf(parsed: Parsed): Cut[] {
  if (parsed.type === 'device.revoked') return [cutFrom(parsed.data.deviceId, parsed.data)];
  if (parsed.type === 'member.removed') return parsed.data.devices.map((device) => cutFrom(device.deviceId, device));
  return [];
}

function cutFrom(deviceId: string, point: RevocationPoint): Cut {
  return {
    deviceId,
    counter: point.lastOpCounter ?? -1,
    point: { lastSegmentSeq: point.lastSegmentSeq, lastOpCounter: point.lastOpCounter },
  };
}

/**
 * Whether a device's op is past a revocation in force: pinned, or folded so far in this pass. A
 * revocation does not cut itself (a device may revoke itself as of its last op before this one).
 */
function isCut(context: Context, rop: RosterOp): boolean {
  let limit = context.state.devices.get(rop.author)?.cut?.counter ?? Infinity;
  for (const [id, cuts] of context.pinned) {
    if (id === rop.op.id) continue;
    for (const cut of cuts) if (cut.deviceId === rop.author) limit = Math.min(limit, cut.counter);
  }
  return rop.counter > limit;
}

function judge(context: Context, rop: RosterOp): Verdict {
  const { parsed } = rop;
  switch (parsed.type) {
    case 'member.joinRequested':
      return judgeRequest(context, rop, parsed.data);
    case 'member.approved':
      return judgeAuthor(context, rop) ?? judgeApproval(context, rop, parsed.data);
    case 'member.declined':
      return judgeAuthor(context, rop) ?? judgeDecline(context, rop, parsed.data);
    case 'member.rolesSet':
    case 'member.profileSet':
      return judgeAuthor(context, rop) ?? judgeMemberTarget(context, rop.entityId);
    case 'member.removed':
      return judgeAuthor(context, rop) ?? judgeRemoval(context, rop, parsed.data);
    case 'device.revoked':
      return judgeAuthor(context, rop) ?? judgeRevocation(context, rop, parsed.data);
  }
}

/** Null if the author may write this op here and now; else why not. */
function judgeAuthor(context: Context, rop: RosterOp): TrustReason | null {
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

function judgeRequest(context: Context, rop: RosterOp, data: z.output<MemberOps['member.joinRequested']>): Verdict {
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

function judgeApproval(context: Context, rop: RosterOp, data: z.output<MemberOps['member.approved']>): Verdict {
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

function judgeDecline(context: Context, rop: RosterOp, data: z.output<MemberOps['member.declined']>): Verdict {
  const request = context.state.requests.get(data.request);
  if (!request) return 'unknown-request';
  if (rop.op.entity !== request.entity) return 'wrong-entity';
  if (data.deviceId !== request.deviceId) return 'request-mismatch';
  if (request.decision || (context.state.devices.get(request.deviceId)?.approvedAt ?? null) !== null) return 'already-decided';
  return true;
}

function judgeMemberTarget(context: Context, memberId: string): Verdict {
  const member = context.state.members.get(memberId);
  if (!member) return 'unknown-target';
  return member.removed ? 'member-removed' : true;
}

function judgeRemoval(context: Context, rop: RosterOp, data: z.output<MemberOps['member.removed']>): Verdict {
  const target = judgeMemberTarget(context, rop.entityId);
  if (target !== true) return target;
  if (context.state.devices.get(rop.author)?.memberId === rop.entityId) return 'self-removal';
  for (const { deviceId } of data.devices) {
    const device = context.state.devices.get(deviceId);
    if (device?.memberId !== rop.entityId || device.approvedAt === null) return 'device-not-of-member';
  }
  return true;
}

function judgeRevocation(context: Context, rop: RosterOp, data: z.output<DeviceOps['device.revoked']>): Verdict {
  if (rop.entityId !== data.deviceId) return 'wrong-entity';
  return context.state.devices.has(data.deviceId) ? true : 'unknown-target';
}

function applyOp(context: Context, rop: RosterOp): void {
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

function newDevice(deviceId: string, publicKey: string): DeviceState {
  return { deviceId, memberId: null, publicKey, approvedAt: null, latestRequest: null, cut: null, removedAt: null, maxCounted: -1 };
}

function applyCut(device: DeviceState, cut: Cut, by: string): void {
  if (device.cut === null || cut.counter < device.cut.counter) device.cut = { counter: cut.counter, point: cut.point, by };
}

/**
 * The roles a device's op written at `hlc` is judged by: its member's roles before the op (a roles
 * write does not judge itself), or as of the device's approval if written before it (a pending
 * device's work counts once approved). The root device is an admin besides. The trust filter
 * asks this for every op: no closures or sets on this path.
 */
function rolesAsOf(
  device: { readonly deviceId: string; readonly memberId: string | null; readonly approvedAt: string | null },
  hlc: string,
  rootDeviceId: string,
  history: ReadonlyArray<{ readonly hlc: string; readonly roles: readonly Role[] }>,
): readonly Role[] {
  let held: readonly Role[] = [];
  if (device.memberId !== null && device.approvedAt !== null) {
    const beforeApproval = device.approvedAt >= hlc;
    const asOf = beforeApproval ? device.approvedAt : hlc;
    for (let index = history.length - 1; index >= 0; index -= 1) {
      const write = history[index]!;
      if (write.hlc < asOf || (beforeApproval && write.hlc === asOf)) {
        held = write.roles;
        break;
      }
    }
  }
  if (device.deviceId !== rootDeviceId || held.includes('admin')) return held;
  return normalizeRoles([...held, 'admin']);
}

/** The roles an op by `deviceId` stamped `hlc` is judged by, per the folded roster. */
export function rolesForOp(roster: Roster, deviceId: string, hlc: string): readonly Role[] {
  const device = roster.devices.get(deviceId);
  if (!device) return [];
  const history = device.memberId === null ? undefined : roster.members.get(device.memberId)?.rolesHistory;
  return rolesAsOf(device, hlc, roster.rootDeviceId, history ?? []);
}

function buildRoster(state: PassState, team: TeamRoot, publicKeyOf: PublicKeyOf, skipped: readonly string[]): Roster {
  const devices = new Map<string, RosterDevice>();
  for (const device of state.devices.values()) {
    const key = publicKeyOf(device.deviceId);
    const revoked = device.cut !== null || device.removedAt !== null;
    const status: DeviceStatus = revoked
      ? 'revoked'
      : device.approvedAt !== null
        ? 'approved'
        : device.latestRequest?.decision?.kind === 'declined'
          ? 'declined'
          : 'pending';
    devices.set(device.deviceId, {
      deviceId: device.deviceId,
      memberId: device.memberId,
      publicKey: device.publicKey,
      status,
      approvedAt: device.approvedAt,
      revoked: device.cut ? { ...device.cut.point, by: device.cut.by } : null,
      removedAt: device.removedAt,
      keyMatches: key === undefined || sameKey(key, device.publicKey),
      isRoot: device.deviceId === team.rootDeviceId,
    });
  }
  const root = devices.get(team.rootDeviceId)!;
  const members = new Map<string, RosterMember>();
  for (const member of state.members.values()) {
    const nameField = foldLww(member.nameWrites).displayName ?? null;
    const rolesWritten = foldLww(member.roleWrites).roles;
    const rolesField = rolesWritten
      ? {
          ...rolesWritten,
          value: normalizeRoles(rolesWritten.value),
          conflicts: rolesWritten.conflicts.map((conflict) => ({ ...conflict, value: normalizeRoles(conflict.value) })),
        }
      : null;
    const isRoot = root.memberId === member.memberId;
    const roles = new Set<Role>(rolesField?.value ?? []);
    if (isRoot && root.status === 'approved') roles.add('admin');
    members.set(member.memberId, {
      memberId: member.memberId,
      displayName: nameField?.value ?? member.requestedName ?? '',
      nameField,
      roles: normalizeRoles(roles),
      rolesField,
      rolesHistory: [...member.rolesHistory],
      joinedAt: member.joinedAt,
      removed: member.removed,
      deviceIds: [...member.deviceIds],
      isRoot,
    });
  }
  const verdicts = new Map(state.verdicts);
  // Unreadable as a roster op (another version's type, or data that breaks its schema): the schemas
  // set it aside as invalid when its device may write; a device without that right is named as
  // the reason, like for any other op of it, so that nothing is dropped without a trace.
  for (const id of skipped) {
    const device = devices.get(parseOpId(id)?.deviceId ?? '');
    verdicts.set(id, !device ? 'unknown-device' : device.approvedAt !== null ? true : device.status === 'declined' ? 'device-declined' : 'device-not-approved');
  }
  return {
    rootDeviceId: team.rootDeviceId,
    rootPublicKey: team.rootPublicKey,
    devices,
    members,
    requests: [...state.requests.values()].map((request) => ({ ...request })),
    verdicts,
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
