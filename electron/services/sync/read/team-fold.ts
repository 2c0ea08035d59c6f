import { createHash } from 'node:crypto';
import type { AnyCapability } from '../../../../shared/sync/capability';
import { canonicalJson } from '../../../../shared/sync/canonical';
import type { SyncCrypto } from '../../../../shared/sync/crypto';
import { createSyncState, snapshotOps } from '../../../../shared/sync/fold';
import type { Op } from '../../../../shared/sync/op';
import type { ApplyResult, DormantEntity, HeldCounters, HeldEntity, OpFilter, SetAsideOp, SyncState } from '../../../../shared/sync/sync-state';
import type { DeviceFile } from '../../../../shared/sync/team-files';
import type { TrustPlug } from '../../../../shared/sync/trust-plug';
import type { Pace } from '../pace';

/**
 * The folded state of one team, with the trust plug kept in step: the service and `baton doctor`
 * both fold through this, so that they compute the same state (and `stateHash`) from the same files.
 */
export interface FoldChange {
  readonly touchedKinds: readonly string[];
  readonly results: readonly ApplyResult[];
}

/** Roster ops can admit the devices that wrote other roster ops: refilter until nothing moves. */
const MAX_REFILTER_ROUNDS = 8;

/** Ops folded between two looks at the clock in the sliced loops (a few milliseconds' work). */
const OPS_PER_STEP = 2000;

/** Bumped when what a filter makes of the same roster ops changes (permission rules, the roster's fold). */
const TRUST_KEY_VERSION = 'trust-key@1';

const kindOf = (entity: string) => entity.slice(0, entity.indexOf(':'));

export class TeamFold {
  readonly state: SyncState;
  private deviceKeys: ReadonlyMap<string, string> = new Map();
  private contextKey = '';
  private version = 0;
  private hashed: { version: number; hash: string } | null = null;

  constructor(
    capabilities: readonly AnyCapability[],
    private readonly trust?: TrustPlug,
  ) {
    this.state = createSyncState(capabilities);
    if (trust) this.state.refilter(this.filter(trust));
  }

  /**
   * The plug's filter, with a key when it is made from held roster ops and device keys alone
   * (`judgesHeldOps`): a hash of those, so that entities' summaries stored under one filter are
   * taken only under a filter that judges every op alike (`OpFilter.trustKey`).
   */
  private filter(trust: TrustPlug): OpFilter {
    const filter = trust.filterFor(this.state, this.deviceKeys);
    if (!trust.judgesHeldOps || filter.trustKey !== undefined) return filter;
    const ops = trust.rosterKinds.flatMap((kind) => this.state.heldOps(kind)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const hash = createHash('sha256').update(TRUST_KEY_VERSION).update('\n').update(this.contextKey).update('\n');
    for (const op of ops) hash.update(canonicalJson(op)).update('\n');
    return Object.assign(filter, { trustKey: hash.digest('hex') });
  }

  /** The readable device.json files; a new device or key re-asks the trust plug. */
  setDevices(devices: Iterable<DeviceFile>): FoldChange {
    const keys = new Map([...devices].map((device) => [device.deviceId, device.publicKey] as const));
    const key = [...keys].map(([id, publicKey]) => `${id}=${publicKey}`).sort().join('|');
    if (key === this.contextKey) return { touchedKinds: [], results: [] };
    this.contextKey = key;
    this.deviceKeys = keys;
    return this.refilter([]);
  }

  /**
   * Roster ops first, then the filter they make, then the rest: at start-up the first batch holds
   * the whole history, and asking a filter without the roster about every op, then asking again
   * with it, cost two passes over a quarter of a million ops and folded nothing in the first.
   */
  apply(ops: readonly Op[]): FoldChange {
    if (ops.length === 0) return { touchedKinds: [], results: [] };
    const roster = this.trust ? ops.filter((op) => this.isRoster(kindOf(op.entity))) : [];
    if (roster.length === 0) return change([this.applied(ops)]);
    const rest = ops.filter((op) => !this.isRoster(kindOf(op.entity)));
    const results = this.refilter([this.applied(roster)]).results;
    return change([...results, this.applied(rest)]);
  }

  private applied(ops: readonly Op[]): ApplyResult {
    this.version += 1;
    return this.state.apply(ops);
  }

  /** Adds a snapshot's ops (the local cache); throws if it is not one. */
  restore(snapshot: unknown): FoldChange {
    return this.apply(snapshotOps(snapshot));
  }

  /**
   * Fills an empty fold from a folded snapshot's entities (snapshot-codec): the roster is folded
   * from the installed ops, then every op is asked about once and every entity folded once.
   * Throws if the fold is not empty or the entities are malformed. Dormant entities are parsed and
   * folded when first asked about (`counters`: the op counters they hold).
   */
  install(held: Iterable<HeldEntity | DormantEntity>, counters?: HeldCounters): FoldChange {
    const invalid = this.state.install(held, counters);
    this.version += 1;
    const first: ApplyResult = { touched: [], invalid, refused: [], clashes: [], failures: [] };
    if (this.trust) return this.refilter([first]);
    return change([first, this.state.refilter()]);
  }

  /**
   * `install`, taken in slices with a pause between them (an open answers meanwhile): the same
   * entities installed, then the same single round of the trust filter over every op, asked and
   * folded entity by entity. A plug whose filter reads the folded roster (not `judgesHeldOps`)
   * gets the whole `install` refilter, unsliced. `progress(ops)`: ops installed, then ops asked.
   * The entities may arrive as they are read, in batches (a team snapshot parsed while the rest of
   * it is read: one await per batch, not per entity).
   */
  async installInSlices(held: Iterable<HeldEntity | DormantEntity> | AsyncIterable<ReadonlyArray<HeldEntity | DormantEntity>>, pace: Pace, progress: (ops: number) => void = () => {}, stepOps = OPS_PER_STEP): Promise<FoldChange> {
    const invalid: SetAsideOp[] = [];
    const names: string[] = [];
    const opCounts: number[] = [];
    let slice: Array<HeldEntity | DormantEntity> = [];
    let installed = 0;
    let continuing = false;
    const installSlice = () => {
      for (const setAside of this.state.install(slice, undefined, continuing)) invalid.push(setAside);
      continuing = true;
      slice = [];
    };
    const batches = Symbol.asyncIterator in held ? held : [held];
    for await (const batch of batches) {
      for (const entity of batch) {
        slice.push(entity);
        names.push(entity.entity);
        opCounts.push('ops' in entity ? entity.ops.length : 0);
        installed += opCounts[opCounts.length - 1]!;
        if (!pace.due()) continue;
        installSlice();
        progress(installed);
        await pace.pause();
      }
    }
    installSlice();
    progress(installed);
    this.version += 1;
    const results: ApplyResult[] = [{ touched: [], invalid, refused: [], clashes: [], failures: [] }];
    if (this.trust && !this.trust.judgesHeldOps) {
      const whole = this.refilter(results);
      progress(2 * installed);
      return whole;
    }
    const filter = this.trust && this.filter(this.trust);
    let asked = 0;
    let from = 0;
    let sliceOps = 0;
    for (let index = 0; index < names.length; index += 1) {
      sliceOps += opCounts[index]!;
      if (index + 1 < names.length && sliceOps < stepOps) continue;
      results.push(this.state.refilter(filter, names.slice(from, index + 1)));
      this.version += 1;
      asked += sliceOps;
      from = index + 1;
      sliceOps = 0;
      if (!pace.due()) continue;
      progress(installed + asked);
      await pace.pause();
    }
    // An empty install asks nothing, as `install`'s refilter over no ops.
    if (names.length === 0) results.push(this.state.refilter(filter, []));
    progress(installed + asked);
    return change(results);
  }

  /**
   * `apply`, in slices with a pause between them: the roster ops first (and the filter they make),
   * in one batch as `apply` does, then the rest, whole entities per step so that each is folded
   * about once. The fold ends as one `apply` of the same ops leaves it (it folds ops in any order,
   * in any batches). `progress(ops)`: ops applied so far.
   */
  async applyInSlices(ops: readonly Op[], pace: Pace, progress: (ops: number) => void = () => {}, stepOps = OPS_PER_STEP): Promise<FoldChange> {
    const roster = this.trust ? ops.filter((op) => this.isRoster(kindOf(op.entity))) : [];
    const results = roster.length > 0 ? [...this.refilter([this.applied(roster)]).results] : [];
    const byEntity = new Map<string, Op[]>();
    for (let index = 0; index < ops.length; index += 1) {
      const op = ops[index]!;
      if (index % stepOps === 0 && pace.due()) await pace.pause();
      if (roster.length > 0 && this.isRoster(kindOf(op.entity))) continue;
      const same = byEntity.get(op.entity);
      if (same) same.push(op);
      else byEntity.set(op.entity, [op]);
    }
    let done = roster.length;
    let step: Op[] = [];
    const applyStep = () => {
      results.push(this.applied(step));
      done += step.length;
      step = [];
    };
    for (const same of byEntity.values()) {
      for (const op of same) step.push(op);
      if (step.length < stepOps) continue;
      applyStep();
      if (!pace.due()) continue;
      progress(done);
      await pace.pause();
    }
    if (step.length > 0) applyStep();
    progress(done);
    return change(results);
  }

  /** Every op held, by entity, for a folded snapshot. */
  held(): HeldEntity[] {
    return this.state.held();
  }

  get opsCount(): number {
    return this.state.opsCount;
  }

  /** Memoized: hashing a large state takes long, and most status reads happen between changes. */
  stateHash(crypto: SyncCrypto): string {
    if (this.hashed?.version !== this.version) this.hashed = { version: this.version, hash: this.state.stateHash(crypto) };
    return this.hashed.hash;
  }

  /** The hash if it is still current, else null (without computing it). */
  cachedStateHash(): string | null {
    return this.hashed?.version === this.version ? this.hashed.hash : null;
  }

  private refilter(results: ApplyResult[]): FoldChange {
    if (!this.trust) return change(results);
    for (let round = 0; round < MAX_REFILTER_ROUNDS; round += 1) {
      const result = this.state.refilter(this.filter(this.trust));
      this.version += 1;
      results.push(result);
      if (this.trust.judgesHeldOps || !result.touched.some((entity) => this.isRoster(kindOf(entity)))) break;
    }
    return change(results);
  }

  private isRoster(kind: string): boolean {
    return this.trust?.rosterKinds.includes(kind) ?? false;
  }
}

function change(results: ApplyResult[]): FoldChange {
  const kinds = new Set<string>();
  for (const result of results) for (const entity of result.touched) kinds.add(kindOf(entity));
  return { touchedKinds: [...kinds].sort(), results };
}
