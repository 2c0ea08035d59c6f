import type { z } from 'zod';
import type { LwwSet, Op } from '../sync';
import type { Verdict } from './reasons';
import { normalizeRoles, type Role } from './roles';
import type { deviceOps, memberOps} from './roster-ops';
import { type RevocationPoint } from './roster-ops';
import type { TeamRoot } from './team-file';
import type { JoinRequest, PublicKeyOf } from './roster-types';

/** The state of one pass of the roster fold, and the revocation cuts it meets (see roster.ts). */

export type MemberOps = typeof memberOps;
export type DeviceOps = typeof deviceOps;
export type Parsed =
  | { [T in keyof MemberOps]: { readonly type: T; readonly data: z.output<MemberOps[T]> } }[keyof MemberOps]
  | { readonly type: 'device.revoked'; readonly data: z.output<DeviceOps['device.revoked']> };

export interface RosterOp {
  readonly op: Op;
  readonly author: string;
  readonly counter: number;
  readonly entityId: string;
  readonly parsed: Parsed;
}

export interface Cut {
  readonly deviceId: string;
  readonly counter: number;
  readonly point: RevocationPoint;
}

export interface DeviceState {
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

export interface MemberState {
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
export interface RequestState extends Omit<JoinRequest, 'decision'> {
  decision: JoinRequest['decision'];
}

export interface PassState {
  readonly devices: Map<string, DeviceState>;
  readonly members: Map<string, MemberState>;
  readonly requests: Map<string, RequestState>;
  readonly verdicts: Map<string, Verdict>;
}

export type PassOutcome =
  | { readonly kind: 'done'; readonly state: PassState }
  | { readonly kind: 'pin'; readonly id: string; readonly cuts: readonly Cut[] }
  | { readonly kind: 'void'; readonly id: string };

export interface Context {
  readonly state: PassState;
  readonly team: TeamRoot;
  readonly publicKeyOf: PublicKeyOf;
  readonly pinned: ReadonlyMap<string, readonly Cut[]>;
}

export function isCutting(parsed: Parsed): boolean {
  return parsed.type === 'device.revoked' || parsed.type === 'member.removed';
}

export function cutsOf(parsed: Parsed): Cut[] {
  if (parsed.type === 'device.revoked') return [cutFrom(parsed.data.deviceId, parsed.data)];
  if (parsed.type === 'member.removed') return parsed.data.devices.map((device) => cutFrom(device.deviceId, device));
  return [];
}

export function cutFrom(deviceId: string, point: RevocationPoint): Cut {
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
export function isCut(context: Context, rop: RosterOp): boolean {
  let limit = context.state.devices.get(rop.author)?.cut?.counter ?? Infinity;
  for (const [id, cuts] of context.pinned) {
    if (id === rop.op.id) continue;
    for (const cut of cuts) if (cut.deviceId === rop.author) limit = Math.min(limit, cut.counter);
  }
  return rop.counter > limit;
}

export function newDevice(deviceId: string, publicKey: string): DeviceState {
  return { deviceId, memberId: null, publicKey, approvedAt: null, latestRequest: null, cut: null, removedAt: null, maxCounted: -1 };
}

export function applyCut(device: DeviceState, cut: Cut, by: string): void {
  if (device.cut === null || cut.counter < device.cut.counter) device.cut = { counter: cut.counter, point: cut.point, by };
}

/**
 * The roles a device's op written at `hlc` is judged by: its member's roles before the op (a roles
 * write does not judge itself), or as of the device's approval if written before it (a pending
 * device's work counts once approved). The root device is an admin besides. The trust filter
 * asks this for every op: no closures or sets on this path.
 */
export function rolesAsOf(
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
