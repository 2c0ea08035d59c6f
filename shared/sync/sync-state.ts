import type { AnyCapability } from './capability';
import type { SyncCrypto } from './crypto';
import type { Op } from './op';

/**
 * What the fold offers the app. State is a pure function of the set of ops held and of the trust
 * filter: every device holding the same ops shows the same state, whatever the order they came in.
 */

/**
 * The trust layer's say on an op: true counts it; false or a reason keeps it aside. `trustKey`:
 * a string such that two filters with the same key judge every op alike (a hash of everything
 * the filter is made from); only under a filter with a key are entities' summaries stored or
 * taken from the local base's index (`SyncState.summaries`).
 */
export type OpFilter = ((op: Op) => boolean | string) & { readonly trustKey?: string };

export interface SetAsideOp {
  readonly op: Op;
  readonly reason: string;
}

/**
 * Two different ops under one id: a copied profile (two computers with one device id) or a
 * forgery. The same one is kept on every device, whatever arrived first.
 */
export interface OpClash {
  readonly id: string;
  readonly kept: Op;
  readonly dropped: Op;
}

export interface ReduceFailure {
  readonly entity: string;
  readonly message: string;
}

export interface ApplyResult {
  /** Entities re-folded, sorted; their state may or may not differ. */
  readonly touched: readonly string[];
  /** Ops new in this call whose data broke their schema: kept, ignored. */
  readonly invalid: readonly SetAsideOp[];
  /** Ops the trust filter turned down in this call: kept, in case a roster change admits them. */
  readonly refused: readonly SetAsideOp[];
  readonly clashes: readonly OpClash[];
  /** A reducer threw: the entity has no state until its ops change. A bug, never the data's fault. */
  readonly failures: readonly ReduceFailure[];
}

export interface EntityEntry<S> {
  readonly entity: string;
  readonly id: string;
  readonly state: S;
}

/** What this version's schemas made of an op: counted (as zod returned its data), unknown, or broken. */
export type OpVerdict =
  | { readonly status: 'valid'; readonly typedData?: unknown }
  | { readonly status: 'unknown' }
  | { readonly status: 'invalid'; readonly reason: string };

/** One entity with every op held on it, in fold order (hlc, then op id). */
export interface HeldEntity {
  readonly entity: string;
  readonly ops: readonly Op[];
  /**
   * By index in `ops`, the verdicts of ops that do not simply count as written (rare): a start
   * from a snapshot of 300k ops allocates nothing per op beyond the op.
   */
  readonly verdicts?: Readonly<Record<number, OpVerdict>>;
}

/**
 * An entity held but not parsed nor folded yet (a restart from this computer's local state): its
 * ops are read from `load()` the first time anything asks about it. `closed`: when its state was
 * written, its capability called it closed (`Capability.closed`) and every op of it counted, so a
 * `list(kind, { live: true })` may leave it out. `lastHlc`: the hlc of its latest op held
 * (counted or not; the last in fold order), so a `list(kind, { changedSince })` can leave it
 * asleep when it is older.
 */
export interface DormantEntity {
  readonly entity: string;
  readonly opCount: number;
  readonly closed: boolean;
  readonly lastHlc: string;
  /** Its capability's `summary` of its state when the line was written, and the `trustKey` of the filter it was folded under. */
  readonly summary?: StoredSummary;
  load(): HeldEntity;
}

export interface StoredSummary {
  readonly value: unknown;
  readonly trust: string;
}

export interface EntitySummary<T = unknown> {
  readonly entity: string;
  readonly id: string;
  readonly summary: T;
}

/** The summaries to store with a base: per entity, under the filter of key `trust`. */
export interface SummariesToStore {
  readonly trust: string;
  readonly summaries: Readonly<Record<string, unknown>>;
}

/** Per device, the runs `[first, last]` of op counters held (in dormant entities or not). */
export type HeldCounters = Readonly<Record<string, ReadonlyArray<readonly [number, number]>>>;

export const SNAPSHOT_FORMAT = 'baton/fold-snapshot@1';

export interface FoldSnapshot {
  readonly format: typeof SNAPSHOT_FORMAT;
  readonly ops: readonly Op[];
}

export interface SyncState {
  /**
   * Adds ops, in any order, duplicates welcome; ops must be valid `Op`s (as decodeSegment returns).
   * Re-folds every entity the batch touched, whole: at start-up, apply everything in one batch.
   */
  apply(ops: readonly Op[]): ApplyResult;
  /**
   * Re-asks the trust filter (optionally a new one) about every op, e.g. after a roster change;
   * `only`: about the ops of these entities alone (an install asks entity by entity, in slices).
   */
  refilter(accept?: OpFilter, only?: Iterable<string>): ApplyResult;
  /** States are shared, not copied: treat them as read-only. */
  get(entity: string): unknown;
  get<S>(capability: AnyCapability<S>, id: string): S | undefined;
  /**
   * Every entity of a kind with a state, sorted by entity; `options` narrow it (see `ListOptions`).
   */
  list(kind: string, options?: ListOptions): ReadonlyArray<EntityEntry<unknown>>;
  list<S>(capability: AnyCapability<S>, options?: ListOptions): ReadonlyArray<EntityEntry<S>>;
  /**
   * Every entity of a kind with a state, sorted by entity, with its capability's `summary` of
   * that state (the kind's capability must declare one): for a dormant entity whose stored
   * summary was made under a filter with the current filter's `trustKey`, the stored one (its
   * line is not read); for any other, computed from its state (waking it). Always what
   * `summary(get(entity))` gives. `live`: without the entities left on disk as closed (as `list`'s
   * `live`), so that a kind's closed entities are never woken for want of a stored summary (an
   * index written by another build holds none). `changedSince`: only those whose latest op held
   * is at or after it, exactly as `list`'s (a dormant one older is passed over unread), so that
   * an index without stored summaries wakes no more than the `list` it replaces would.
   */
  summaries(kind: string, options?: SummariesOptions): ReadonlyArray<EntitySummary>;
  summaries(capability: AnyCapability, options?: SummariesOptions): ReadonlyArray<EntitySummary>;
  /**
   * For a base written when the change mark was `mark`: the summary of each entity of a kind with
   * one whose ops have not changed since (computed if awake, carried over if dormant and made
   * under the current filter), with the current filter's key; null when the filter has none.
   */
  summariesToStore(mark: number): SummariesToStore | null;
  /** The timestamps a new op on `entity` should list as `seen` (workflow events, deletes). */
  heads(entity: string): string[];
  /** The ops held on entities of `kind`, counted or not (the trust layer folds the roster from them). */
  heldOps(kind: string): Op[];
  /** Every distinct op held: folded, unknown, invalid and refused alike. */
  readonly opsCount: number;
  /** sha256 of the canonical JSON of `{ [entity]: state }`, for comparing replicas. */
  stateHash(crypto: SyncCrypto): string;
  /** The raw ops held, for a local cache. Plain JSON. */
  snapshot(): FoldSnapshot;
  /** Adds the ops of a snapshot. Throws if `snapshot` is not one (a damaged cache: rebuild it). */
  restore(snapshot: unknown): ApplyResult;
  /** Every op held, by entity, with its verdict: what a folded snapshot stores (snapshot-codec). */
  held(): HeldEntity[];
  /**
   * Fills an empty state with another state's `held()`, taking its verdicts instead of asking the
   * schemas again (the caller vouches that the same schemas gave them). Folds nothing: the next
   * `refilter` asks the trust filter about every op and folds every entity once. Throws on ops out
   * of order, twice, or under another entity; returns the invalid ops, to be reported. Dormant
   * entities are woken (parsed, asked about and folded) when first asked about; `counters` are
   * the op counters held, so that an op arriving later is known to be new without waking them all.
   * `continuing`: more of the same install (taken in slices), into a state only installed into so far.
   */
  install(held: Iterable<HeldEntity | DormantEntity>, counters?: HeldCounters, continuing?: boolean): SetAsideOp[];
  /** Whether an entity is closed (its capability says so of its state, and every op of it counts). */
  isClosed(entity: string): boolean;
  /** A mark that grows with every change to an entity's ops: `sleep` leaves alone what changed after it. */
  changeMark(): number;
  /**
   * Puts closed entities back on disk (dormant) once a local state holding them is written:
   * each of `dormant` whose entity is closed and has not changed since `mark` (so its ops are
   * those the written line holds). Only while nothing is dormant (`counters`, the op counters the
   * written state holds, replace the ones kept). Changes no state and no answer; returns how many
   * went back.
   */
  sleep(dormant: Iterable<DormantEntity>, counters: HeldCounters, mark: number): number;
  /**
   * Puts back to disk the closed entities read from the local state since (a search index built,
   * a history list opened) whose ops have not changed. Changes no state and no answer; returns
   * how many went back.
   */
  rest(): number;
}

/** What `summaries` leaves out: as `list`'s options of the same names (see `ListOptions`). */
export type SummariesOptions = Pick<ListOptions, 'live' | 'changedSince'>;

export interface ListOptions {
  /**
   * Entities that were closed when this computer last wrote its local state, and have not changed
   * since, may be left out (not read from disk): for the briefing and first screens, which show
   * open things only. "May": an awake closed entity is still listed.
   */
  readonly live?: boolean;
  /**
   * Epoch ms: only entities whose latest op held (counted or not, refused and invalid ones too) has
   * an hlc wall time at or after it (`hlcFloor`). Exact, whether an entity is awake or dormant: a
   * dormant one older than that is neither listed nor read from disk. The hlc is the writing
   * device's clock (never behind an op it had seen), not a time in the data: a caller asking for
   * data times (a note's `at`) leaves a margin for clock skew, and a caller that needs the newest
   * entity of some sort before that time asks again without it.
   */
  readonly changedSince?: number;
}
