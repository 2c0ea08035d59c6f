import type { z } from 'zod';
import { canonicalJson, foldLww, parseOpId, splitEntity, type Op } from '../sync';
import { sameKey } from './ids';
import { normalizeRoles, type Role } from './roles';
import { DEVICE_KIND, MEMBER_KIND, deviceOps, memberOps } from './roster-ops';
import type { TeamRoot } from './team-file';
import { cutsOf, isCutting, rolesAsOf, type Context, type Cut, type PassOutcome, type PassState, type RosterOp, type Parsed } from './roster-pass';
import { applyOp, judge } from './roster-judge';
import type { DeviceStatus, PublicKeyOf, Roster, RosterDevice, RosterMember } from './roster-types';

export type { DeviceStatus, JoinRequest, PublicKeyOf, Roster, RosterDevice, RosterMember } from './roster-types';

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
