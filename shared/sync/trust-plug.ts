import type { OpFilter, SyncState } from './sync-state';
import type { TeamFile } from './team-files';

/** What other services may do with the fold: read it, never `apply`. */
export type ReadonlySyncState = Pick<SyncState, 'get' | 'list' | 'summaries' | 'heads' | 'opsCount'>;

/**
 * The trust layer's plug into the storage service (implemented in shared/team). The service
 * verifies that each segment is signed by the key `publicKeyFor` gives (falling back to the
 * device's own device.json); this plug decides which of the signed ops count.
 *
 * - `rosterKinds`: entity kinds whose ops change who may do what. After every batch holding an op
 *   of one of them (the batch, not `touched`: refused ops are not touched), whenever a device.json
 *   appears or changes, and once after the start-up restore, the service calls
 *   `state.refilter(plug.filterFor(state, devices))`, repeating while the refilter changes roster
 *   entities (at most a few rounds).
 * - `filterFor(state, devices)`: `devices` maps each device id to the public key in its
 *   device.json. Must depend only on its arguments, so that every device holding the same files
 *   ends with the same filter and the same `stateHash` (`baton doctor` folds the same way).
 * - `publicKeyFor`: a key the trust layer vouches for; it wins over device.json.
 */
export interface TrustPlug {
  readonly rosterKinds: readonly string[];
  /**
   * True when `filterFor` reads only `state.heldOps` (ops held, counted or not) and `devices`: a
   * refilter changes neither, so one round reaches the fixed point and the second, a pass over
   * every op, is skipped.
   */
  readonly judgesHeldOps?: boolean;
  filterFor(state: SyncState, devices: ReadonlyMap<string, string>): OpFilter;
  publicKeyFor?(deviceId: string): string | undefined;
}

/** A plug for the team found in the folder: team.json names the root of trust. */
export type TrustSource = (team: TeamFile) => TrustPlug;
