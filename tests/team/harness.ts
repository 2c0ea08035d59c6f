import { createSyncState, type Op } from '../../shared/sync';
import {
  createTeamOps,
  createTrustFilter,
  foldRoster,
  rosterCapabilities,
  touchesRoster,
  trustPlugin,
  type OpDraft,
  type RevocationPoint,
  type Roster,
  type TeamRoot,
  type TrustFilter,
} from '../../shared/team';
import { MONDAY_9AM, TestDevice } from '../sync/devices';
import { handover, prizeRequest } from './example-capabilities';

/** Devices (26 base32 characters); ROOT created the team. */
export const ROOT = 'rrrrrrrrrrrrrrrrrrrrrrrrrr';
export const BOB = 'bbbbbbbbbbbbbbbbbbbbbbbbbb';
export const CAROL = 'cccccccccccccccccccccccccc';
export const DAN = 'dddddddddddddddddddddddddd';
export const ERIN = 'eeeeeeeeeeeeeeeeeeeeeeeeee';
export const MALLORY = 'xxxxxxxxxxxxxxxxxxxxxxxxxx';

/** Member ids, minted like device ids. */
export const memberIdOf = (name: string) => `m${name.toLowerCase().replace(/[^a-z]/g, '')}`.padEnd(26, 'q').slice(0, 26);

export const keyOf = (deviceId: string, variant = '') =>
  `-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA${deviceId}${variant}\n-----END PUBLIC KEY-----\n`;

export const TEAM: TeamRoot = { rootDeviceId: ROOT, rootPublicKey: keyOf(ROOT) };

export const capabilities = [...rosterCapabilities, handover, prizeRequest];

const MINUTE = 60_000;

/**
 * The team's shared folder as a list of ops, with each device's device.json key. Devices write
 * one minute apart; by default a device has seen every op before it writes (a synced folder).
 */
export class World {
  readonly ops: Op[] = [];
  /** device.json per device: what the storage service verifies segments with. */
  readonly deviceJson = new Map<string, string>();
  private readonly devices = new Map<string, TestDevice>();
  private wall = MONDAY_9AM;

  constructor(readonly team: TeamRoot = TEAM) {
    this.deviceJson.set(team.rootDeviceId, team.rootPublicKey);
  }

  /** The creator's device writes the team's first ops. */
  static created(options: { name?: string; roles?: Parameters<typeof createTeamOps>[0]['roles'] } = {}): World {
    const world = new World();
    for (const draft of createTeamOps({
      memberId: memberIdOf('root'),
      deviceId: ROOT,
      publicKey: TEAM.rootPublicKey,
      memberName: options.name ?? '王芳',
      roles: options.roles ?? ['lead', 'editor'],
    })) {
      world.write(ROOT, draft);
    }
    return world;
  }

  device(deviceId: string): TestDevice {
    let device = this.devices.get(deviceId);
    if (!device) {
      device = new TestDevice(deviceId);
      this.devices.set(deviceId, device);
      if (!this.deviceJson.has(deviceId)) this.deviceJson.set(deviceId, keyOf(deviceId));
    }
    return device;
  }

  /**
   * `at`: minutes from now (negative: a clock behind, or a forged timestamp). `synced: false`:
   * the device writes without having seen what others wrote since it last synced.
   */
  write(deviceId: string, draft: OpDraft, options: { at?: number; synced?: boolean } = {}): Op {
    this.wall += MINUTE;
    const device = this.device(deviceId);
    if (options.synced !== false) device.receive(this.ops, this.wall);
    const op = device.op(this.wall + (options.at ?? 0) * MINUTE, draft.type, draft.entity, draft.data);
    this.ops.push(op);
    return op;
  }

  publicKeyOf = (deviceId: string): string | undefined => this.deviceJson.get(deviceId);

  roster(ops: readonly Op[] = this.ops): Roster {
    return foldRoster(ops, this.team, this.publicKeyOf);
  }

  filter(ops: readonly Op[] = this.ops): TrustFilter {
    return createTrustFilter(this.roster(ops), this.team);
  }

  /** What this device has read of another: its last op's counter (one op per segment here). */
  lastSeen(deviceId: string, ops: readonly Op[] = this.ops): RevocationPoint {
    const counters = ops.filter((op) => op.id.startsWith(`${deviceId}:`)).map((op) => Number(op.id.split(':')[1]));
    if (counters.length === 0) return { lastSegmentSeq: null, lastOpCounter: null };
    const last = Math.max(...counters);
    return { lastSegmentSeq: counters.length, lastOpCounter: last };
  }
}

/** A replica the way the storage service runs one: apply each batch, refilter after roster changes. */
export function syncReplica(world: World, batches: ReadonlyArray<readonly Op[]> = []) {
  const plugin = trustPlugin(world.team, world.publicKeyOf);
  const state = createSyncState(capabilities, { accept: createTrustFilter(foldRoster([], world.team, world.publicKeyOf), world.team) });
  const replica = {
    state,
    plugin,
    filter: plugin.filterFor(state),
    receive(batch: readonly Op[]): void {
      state.apply(batch);
      if (touchesRoster(batch)) {
        replica.filter = plugin.filterFor(state);
        state.refilter(replica.filter);
      }
    },
  };
  for (const batch of batches) replica.receive(batch);
  return replica;
}

/** The verdict on one op, as a replica holding all of `world`'s ops would give it. */
export function verdictOn(world: World, op: Op): true | string {
  return world.filter()(op) as true | string;
}
