import { z } from 'zod';
import { MAX_SEEN, entityGraph } from './causal';
import type { AnyCapability, OpSchemas, TypedOp } from './capability';
import { canonicalJson } from './canonical';
import { opProblem, parseOpId, splitEntity, type Op } from './op';
import { createRegistry } from './registry';
import {
  SNAPSHOT_FORMAT,
  type ApplyResult,
  type DormantEntity,
  type EntityEntry,
  type EntitySummary,
  type HeldCounters,
  type HeldEntity,
  type ListOptions,
  type SummariesOptions,
  type OpClash,
  type OpFilter,
  type ReduceFailure,
  type SetAsideOp,
  type SyncState,
} from './sync-state';
import { countersHold } from './held-index';
import { hlcFloor } from './hlc';
import { VALID, compareEntries, compareStrings, countedOps, counts, heldEntityOf, sameOp, type EntityRecord, type Entry } from './fold-entries';

/**
 * The fold engine. Ops are kept per entity in (hlc, op id) order, each checked once against its
 * capability's schema and the trust filter; a batch re-folds only the entities it touched.
 */

const snapshotSchema = z.strictObject({ format: z.literal(SNAPSHOT_FORMAT), ops: z.array(z.unknown()) });

/** The refusal of installed entries until the first refilter asks the trust filter about them. */
const NOT_ASKED = 'not asked yet';

const encoder = new TextEncoder();

/** Without a trust layer every op counts: always the same filter. */
const ACCEPT_ALL: OpFilter = Object.assign(() => true, { trustKey: 'accept-all' });

export function createSyncState(
  capabilities: readonly AnyCapability[],
  options: { readonly accept?: OpFilter } = {},
): SyncState {
  const registry = createRegistry(capabilities);
  let accept: OpFilter = options.accept ?? ACCEPT_ALL;
  const byId = new Map<string, Entry>();
  const entities = new Map<string, EntityRecord>();
  const byKind = new Map<string, Map<string, EntityRecord>>();
  /** Every entity held, folded or not, by kind. */
  const heldByKind = new Map<string, EntityRecord[]>();
  /** Ops in dormant entities, and how many of those are left. */
  let dormantOps = 0;
  let dormantLeft = 0;
  let counters: HeldCounters = {};
  /** Grows with every change to an entity's ops (see `changeMark`). */
  let mark = 0;
  /** Failures of folding an entity woken outside a batch: reported with the next one. */
  let wokenFailures: ReduceFailure[] = [];
  /** Per kind, the hlc of the newest op held (counted or not, awake or dormant): `Capability.closed`'s `asOf`. */
  const newestByKind = new Map<string, string>();

  function heldAt(kind: string, hlc: string): void {
    const known = newestByKind.get(kind);
    if (known === undefined || hlc > known) newestByKind.set(kind, hlc);
  }

  function refusalOf(op: Op): string | null {
    let verdict: boolean | string;
    try {
      verdict = accept(op);
    } catch (error) {
      // Thrown mid-batch, it would leave ops indexed but never folded.
      return `the trust filter failed: ${error instanceof Error ? error.message : String(error)}`;
    }
    if (verdict === true) return null;
    return verdict === false ? 'not accepted' : verdict;
  }

  function recordFor(entity: string): EntityRecord {
    let record = entities.get(entity);
    if (!record) {
      const { kind, id } = splitEntity(entity);
      record = { entity, kind, id, entries: [], state: undefined, dormant: null, changed: 0, line: null };
      entities.set(entity, record);
      const held = heldByKind.get(kind);
      if (held) held.push(record);
      else heldByKind.set(kind, [record]);
    }
    return record;
  }

  /** Parses a dormant entity's ops, asks the trust filter about them and folds it. */
  function wake(record: EntityRecord): void {
    const dormant = record.dormant;
    if (!dormant) return;
    // Before anything changes: a line that cannot be read leaves the entity dormant, not half woken.
    const held = dormant.load();
    record.dormant = null;
    dormantOps -= dormant.opCount;
    dormantLeft -= 1;
    if (held.entity !== record.entity || held.ops.length !== dormant.opCount) throw new Error(`the local state's ${record.entity} does not hold what its index says`);
    installEntity(held, (op) => refusalOf(op));
    record.line = dormant;
    refold([record], wokenFailures);
  }

  function wakeAll(): void {
    if (dormantLeft === 0) return;
    for (const record of entities.values()) wake(record);
  }

  /** Wakes the dormant entities of a kind a list needs: not those closed (`live`) nor those last changed before `floor`. */
  function wakeKind(kind: string, live: boolean, floor = ''): void {
    if (dormantLeft === 0) return;
    for (const record of heldByKind.get(kind) ?? []) {
      const dormant = record.dormant;
      if (dormant && !(live && dormant.closed) && dormant.lastHlc >= floor) wake(record);
    }
  }

  function installEntity({ entity, ops, verdicts }: HeldEntity, refusal: (op: Op) => string | null): SetAsideOp[] {
    const record = recordFor(entity);
    const invalid: SetAsideOp[] = [];
    for (let index = 0; index < ops.length; index += 1) {
      const op = ops[index]!;
      const verdict = verdicts?.[index] ?? VALID;
      if (op.entity !== entity) throw new Error(`op ${op.id} is filed under ${entity}, not its own ${op.entity}`);
      if (byId.has(op.id)) throw new Error(`op ${op.id} is held twice`);
      const entry: Entry = {
        op,
        typed: verdict.status !== 'valid' ? null : verdict.typedData === undefined ? (op as TypedOp<OpSchemas>) : ({ ...op, data: verdict.typedData } as TypedOp<OpSchemas>),
        invalid: verdict.status === 'invalid' ? verdict.reason : null,
        refusal: refusal(op),
      };
      if (entry.invalid !== null) invalid.push({ op, reason: entry.invalid });
      byId.set(op.id, entry);
      const last = record.entries[record.entries.length - 1];
      record.entries.push(entry);
      if (last && compareEntries(last, entry) > 0) throw new Error(`the ops of ${entity} are out of order`);
    }
    record.changed = ++mark;
    const last = record.entries[record.entries.length - 1];
    if (last) heldAt(record.kind, last.op.hlc);
    return invalid;
  }

  /** A closed entity whose ops are still those of its line goes back to disk. */
  function putBack(record: EntityRecord): boolean {
    const line = record.line;
    if (!line || record.dormant || !isClosed(record)) return false;
    for (const entry of record.entries) byId.delete(entry.op.id);
    byKind.get(record.kind)?.delete(record.entity);
    record.entries = [];
    record.state = undefined;
    record.dormant = line;
    dormantOps += line.opCount;
    dormantLeft += 1;
    return true;
  }

  function isClosed(record: EntityRecord): boolean {
    const closed = registry.capabilityOf(record.kind)?.closed;
    if (record.state === undefined || closed === undefined || !record.entries.every(counts)) return false;
    // The wall time of the kind's newest op held: the same on every computer holding the same ops.
    return closed(record.state as never, Number(newestByKind.get(record.kind)!.slice(0, 15)));
  }

  function refold(records: Iterable<EntityRecord>, failures: ReduceFailure[]): string[] {
    const touched: string[] = [];
    for (const record of records) {
      touched.push(record.entity);
      const counted = countedOps(record);
      const capability = registry.capabilityOf(record.kind);
      record.state = undefined;
      if (capability && counted.length > 0) {
        try {
          // The registry checked every op against the capability's own schemas.
          record.state = capability.reduce(counted as never, { entity: record.entity, id: record.id });
        } catch (error) {
          failures.push({ entity: record.entity, message: error instanceof Error ? error.message : String(error) });
        }
      }
      const ofKind = byKind.get(record.kind) ?? new Map<string, EntityRecord>();
      byKind.set(record.kind, ofKind);
      if (record.state === undefined) ofKind.delete(record.entity);
      else ofKind.set(record.entity, record);
    }
    return touched.sort();
  }

  function apply(ops: readonly Op[]): ApplyResult {
    const touched = new Set<EntityRecord>();
    const unsorted = new Set<EntityRecord>();
    const invalid: SetAsideOp[] = [];
    const refused: SetAsideOp[] = [];
    const clashes: OpClash[] = [];
    for (const op of ops) {
      const dormant = dormantLeft > 0 ? entities.get(op.entity) : undefined;
      if (dormant?.dormant) wake(dormant);
      // An op held under another, dormant entity: a clash, decided as it would be with all awake.
      if (dormantLeft > 0 && !byId.has(op.id) && countersHold(counters, parseOpId(op.id))) wakeAll();
      const existing = byId.get(op.id);
      if (existing) {
        if (sameOp(existing.op, op)) continue;
        const keepNew = canonicalJson(op) < canonicalJson(existing.op);
        clashes.push({ id: op.id, kept: keepNew ? op : existing.op, dropped: keepNew ? existing.op : op });
        if (!keepNew) continue;
        const previous = entities.get(existing.op.entity)!;
        previous.entries = previous.entries.filter((entry) => entry !== existing);
        previous.changed = ++mark;
        previous.line = null;
        if (counts(existing)) touched.add(previous);
      }
      const record = recordFor(op.entity);
      const classification = registry.classify(op, record.kind);
      const entry: Entry = {
        op,
        typed: classification.status === 'valid' ? classification.typed : null,
        invalid: classification.status === 'invalid' ? classification.reason : null,
        refusal: refusalOf(op),
      };
      if (classification.status === 'invalid') invalid.push({ op, reason: classification.reason });
      if (entry.refusal !== null) refused.push({ op, reason: entry.refusal });
      byId.set(op.id, entry);
      const last = record.entries[record.entries.length - 1];
      if (last && compareEntries(last, entry) > 0) unsorted.add(record);
      record.entries.push(entry);
      record.changed = ++mark;
      record.line = null;
      heldAt(record.kind, op.hlc);
      if (counts(entry)) touched.add(record);
    }
    // TimSort: cheap for a list that was sorted before a few late ops were appended.
    for (const record of unsorted) record.entries.sort(compareEntries);
    const failures = takeWokenFailures();
    return { touched: refold(touched, failures), invalid, refused, clashes, failures };
  }

  function install(held: Iterable<HeldEntity | DormantEntity>, heldCounters: HeldCounters = {}, continuing = false): SetAsideOp[] {
    if (!continuing && (byId.size > 0 || entities.size > 0)) throw new Error('only an empty state can be installed into');
    const invalid: SetAsideOp[] = [];
    for (const item of held) {
      if ('load' in item) {
        const record = recordFor(item.entity);
        if (record.dormant || record.entries.length > 0) throw new Error(`${item.entity} is held twice`);
        record.dormant = item;
        heldAt(record.kind, item.lastHlc);
        dormantOps += item.opCount;
        dormantLeft += 1;
      } else {
        for (const setAside of installEntity(item, () => NOT_ASKED)) invalid.push(setAside);
      }
    }
    counters = heldCounters;
    return invalid;
  }

  function takeWokenFailures(): ReduceFailure[] {
    const failures = wokenFailures;
    wokenFailures = [];
    return failures;
  }

  function* entriesOf(only: Iterable<string>): Generator<Entry> {
    for (const entity of only) yield* entities.get(entity)?.entries ?? [];
  }

  function refilter(newAccept?: OpFilter, only?: Iterable<string>): ApplyResult {
    if (newAccept) accept = newAccept;
    const touched = new Set<EntityRecord>();
    const refused: SetAsideOp[] = [];
    for (const entry of only ? entriesOf(only) : byId.values()) {
      const refusal = refusalOf(entry.op);
      if (refusal === entry.refusal) continue;
      entry.refusal = refusal;
      if (refusal !== null) refused.push({ op: entry.op, reason: refusal });
      if (entry.typed) touched.add(entities.get(entry.op.entity)!);
    }
    const failures = takeWokenFailures();
    return { touched: refold(touched, failures), invalid: [], refused, clashes: [], failures };
  }

  return {
    apply,
    refilter,
    get(entityOrCapability: string | AnyCapability, id?: string): unknown {
      const entity = typeof entityOrCapability === 'string' ? entityOrCapability : `${entityOrCapability.kind}:${id}`;
      const record = entities.get(entity);
      if (record?.dormant) wake(record);
      return record?.state;
    },
    summaries(kindOrCapability: string | AnyCapability, options?: SummariesOptions): ReadonlyArray<EntitySummary> {
      const kind = typeof kindOrCapability === 'string' ? kindOrCapability : kindOrCapability.kind;
      const capability = registry.capabilityOf(kind);
      // A kind no capability folds has no state: nothing to list, as `list`.
      if (!capability) return [];
      const summary = capability.summary;
      if (!summary) throw new Error(`${kind} declares no summary`);
      const trust = accept.trustKey;
      const floor = options?.changedSince === undefined ? '' : hlcFloor(options.changedSince);
      const found: EntitySummary[] = [];
      for (const record of heldByKind.get(kind) ?? []) {
        if (options?.live && record.dormant?.closed) continue;
        // As `list`'s `changedSince`: the latest op held, dormant or awake, without reading a line.
        if (floor !== '' && (record.dormant ? record.dormant.lastHlc : (record.entries[record.entries.length - 1]?.op.hlc ?? '')) < floor) continue;
        const stored = record.dormant?.summary;
        // Folded under a filter that judges every op alike, from the same ops: what waking would give.
        if (stored && trust !== undefined && stored.trust === trust) {
          found.push({ entity: record.entity, id: record.id, summary: stored.value });
          continue;
        }
        if (record.dormant) wake(record);
        if (record.state !== undefined) found.push({ entity: record.entity, id: record.id, summary: summary(record.state as never) });
      }
      return found.sort((a, b) => compareStrings(a.entity, b.entity));
    },
    summariesToStore(since) {
      const trust = accept.trustKey;
      if (trust === undefined) return null;
      const summaries: Record<string, unknown> = {};
      for (const [kind, records] of heldByKind) {
        const summary = registry.capabilityOf(kind)?.summary;
        if (!summary) continue;
        for (const record of records) {
          if (record.dormant) {
            if (record.dormant.summary?.trust === trust) summaries[record.entity] = record.dormant.summary.value;
          } else if (record.changed <= since && record.state !== undefined) {
            summaries[record.entity] = summary(record.state as never);
          }
        }
      }
      return { trust, summaries };
    },
    list(kindOrCapability: string | AnyCapability, options?: ListOptions): ReadonlyArray<EntityEntry<unknown>> {
      const kind = typeof kindOrCapability === 'string' ? kindOrCapability : kindOrCapability.kind;
      const floor = options?.changedSince === undefined ? '' : hlcFloor(options.changedSince);
      wakeKind(kind, options?.live === true, floor);
      const listed = [...(byKind.get(kind)?.values() ?? [])];
      // Awake records hold their entries in fold order: the last one is the latest op.
      return (floor === '' ? listed : listed.filter((record) => record.entries[record.entries.length - 1]!.op.hlc >= floor))
        .sort((a, b) => compareStrings(a.entity, b.entity))
        .map(({ entity, id, state }) => ({ entity, id, state }));
    },
    heads(entity) {
      const record = entities.get(entity);
      if (!record) return [];
      wake(record);
      // A longer list would break seenSchema; leaving the oldest out errs on the side of "concurrent".
      return entityGraph(countedOps(record)).heads().slice(-MAX_SEEN);
    },
    heldOps(kind) {
      wakeKind(kind, false);
      const ops: Op[] = [];
      for (const record of heldByKind.get(kind) ?? []) for (const entry of record.entries) ops.push(entry.op);
      return ops;
    },
    get opsCount() {
      return byId.size + dormantOps;
    },
    stateHash(crypto) {
      wakeAll();
      const folded = [...entities.values()]
        .filter((record) => record.state !== undefined)
        .sort((a, b) => compareStrings(a.entity, b.entity));
      const text = `{${folded.map((record) => `${JSON.stringify(record.entity)}:${canonicalJson(record.state)}`).join(',')}}`;
      return crypto.sha256Hex(encoder.encode(text));
    },
    snapshot() {
      wakeAll();
      return { format: SNAPSHOT_FORMAT, ops: [...byId.values()].map((entry) => entry.op) };
    },
    held() {
      wakeAll();
      return [...entities.values()].map(heldEntityOf);
    },
    install,
    isClosed(entity) {
      const record = entities.get(entity);
      if (!record) return false;
      return record.dormant ? record.dormant.closed : isClosed(record);
    },
    restore(snapshot) {
      return apply(snapshotOps(snapshot));
    },
    changeMark: () => mark,
    sleep(dormant, heldCounters, since) {
      if (dormantLeft > 0) return 0;
      // The lines of an earlier local state are not where they were.
      for (const record of entities.values()) record.line = null;
      let slept = 0;
      for (const item of dormant) {
        const record = entities.get(item.entity);
        if (!record || record.dormant || record.changed > since || record.entries.length !== item.opCount) continue;
        record.line = item;
        if (putBack(record)) slept += 1;
      }
      counters = heldCounters;
      return slept;
    },
    rest() {
      let rested = 0;
      for (const record of entities.values()) if (putBack(record)) rested += 1;
      return rested;
    },
  };
}

/** A snapshot's ops, each checked; throws if it is not one (a damaged cache: rebuild it). */
export function snapshotOps(snapshot: unknown): Op[] {
  const ops = snapshotSchema.parse(snapshot).ops;
  for (const [index, op] of ops.entries()) {
    const problem = opProblem(op);
    if (problem !== null) throw new Error(`snapshot op ${index}: ${problem}`);
  }
  return ops as Op[];
}
