import { type Op, type OpFilter, type SyncState } from '../sync';
import { sameKey } from './ids';
import { permissionFor, ruleAllows, type PermissionRule } from './permissions';
import type { TrustReason } from './reasons';
import { foldRoster, isRosterEntity, rolesForOp, type PublicKeyOf, type Roster, type RosterDevice } from './roster';
import { ROSTER_KINDS } from './roster-ops';
import type { TeamRoot } from './team-file';

/** The engine's filter, with the roster it was made from (for the Team screen). */
export type TrustFilter = OpFilter & { readonly roster: Roster };

/**
 * Which ops count, given the folded roster. Roster ops: as `foldRoster` judged them. Any other op
 * counts only if its device is in the roster with the key its segment was verified with, is
 * approved, the op is not past the device's revocation, and its member's roles at the op's time
 * (at the device's approval, for ops written while it waited) allow the op's type.
 */
export function createTrustFilter(roster: Roster, team: TeamRoot): TrustFilter {
  if (roster.rootDeviceId !== team.rootDeviceId || !sameKey(roster.rootPublicKey, team.rootPublicKey)) {
    throw new Error('the roster was folded for another team.json');
  }
  const rules = new Map<string, PermissionRule | undefined>();
  const ruleFor = (type: string) => {
    if (!rules.has(type)) rules.set(type, permissionFor(type));
    return rules.get(type);
  };
  // Asked about every op at start-up and after every roster change: kept free of regexes and, on
  // the common path, of allocations (ops reaching it have passed opSchema, so the id's counter is
  // a safe integer; it is read only for a revoked device).
  let lastDevice: RosterDevice | undefined;
  const deviceOf = (id: string, colon: number): RosterDevice | undefined => {
    if (lastDevice && colon === lastDevice.deviceId.length && id.startsWith(lastDevice.deviceId)) return lastDevice;
    const device = roster.devices.get(id.slice(0, colon));
    if (device) lastDevice = device;
    return device;
  };
  const filter = (op: Op): true | TrustReason => {
    if (isRosterEntity(op.entity)) return roster.verdicts.get(op.id) ?? 'roster-pending';
    const colon = op.id.indexOf(':');
    const device = colon > 0 ? deviceOf(op.id, colon) : undefined;
    if (!device) return 'unknown-device';
    if (!device.keyMatches) return 'bad-key';
    if (
      (device.revoked !== null && Number(op.id.slice(colon + 1)) > (device.revoked.lastOpCounter ?? -1)) ||
      (device.removedAt !== null && op.hlc > device.removedAt)
    ) {
      return 'device-revoked';
    }
    if (device.approvedAt === null) return device.status === 'declined' ? 'device-declined' : 'device-not-approved';
    const rule = ruleFor(op.type);
    if (!rule) return 'no-permission-rule';
    return ruleAllows(rule, rolesForOp(roster, device.deviceId, op.hlc)) ? true : 'role-not-allowed';
  };
  return Object.assign(filter, { roster });
}

/** Per device, the public key its device.json holds: a map (as the storage service passes it), or a function. */
export type DeviceKeys = ReadonlyMap<string, string> | PublicKeyOf;

/**
 * The trust layer's plug into the storage service (its `TrustPlug`, shared/sync/trust-plug.ts).
 * After every batch holding an op of a roster kind (`touchesRoster(batch)`: the batch, not
 * `touched`, which leaves refused ops out), whenever a device.json appears or changes, and once
 * after start-up, the service calls `state.refilter(plug.filterFor(state, devices))`. One call
 * reaches the fixed point: the roster is folded whole each time.
 */
export interface TrustPlugin {
  readonly rosterKinds: readonly string[];
  /** Always true: `filterFor` reads only held ops and device keys (see TrustPlug). */
  readonly judgesHeldOps: true;
  /**
   * Folds the roster from every roster op the state holds (counted or not: `heldOps`) and
   * returns the filter made from it. `devices`: per device, its device.json key; a device whose
   * key differs from the roster's has every op refused as 'bad-key'.
   */
  filterFor(state: SyncState, devices?: DeviceKeys): TrustFilter;
  /**
   * The key the roster holds for a device (team.json's for the root device), as of the last
   * `filterFor`. The service verifies segments with it before device.json, so that a forged
   * device.json's segments are set aside at the door.
   */
  publicKeyFor(deviceId: string): string | undefined;
}

/**
 * The plug for a team. `publicKeyOf` serves when `filterFor` is called without `devices`. For
 * the service: `trust: (team) => trustPlugin(team)` (a `TrustSource`).
 */
export function trustPlugin(team: TeamRoot, publicKeyOf: PublicKeyOf = () => undefined): TrustPlugin {
  let roster: Roster | null = null;
  return {
    rosterKinds: ROSTER_KINDS,
    judgesHeldOps: true,
    filterFor(state, devices) {
      const keyOf = devices === undefined ? publicKeyOf : typeof devices === 'function' ? devices : (id: string) => devices.get(id);
      const rosterOps = ROSTER_KINDS.flatMap((kind) => state.heldOps(kind));
      roster = foldRoster(rosterOps, team, keyOf);
      return createTrustFilter(roster, team);
    },
    publicKeyFor(deviceId) {
      if (deviceId === team.rootDeviceId) return team.rootPublicKey;
      return roster?.devices.get(deviceId)?.publicKey;
    },
  };
}

/** Whether a batch holds roster ops, so that the filter must be made again. */
export function touchesRoster(ops: Iterable<{ readonly entity: string }>): boolean {
  for (const op of ops) if (isRosterEntity(op.entity)) return true;
  return false;
}
