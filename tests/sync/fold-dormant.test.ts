import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSyncState, type HeldEntity, type Op } from '../../shared/sync';
import { defineCapability } from '../../shared/sync/capability';
import { HeldIndexBuilder } from '../../shared/sync/held-index';
import type { DormantEntity, SyncState } from '../../shared/sync/sync-state';
import { ALICE, BOB, CAROL, MONDAY_9AM, TestDevice } from './devices';
import { note, prizeRequest } from './example-capabilities';
import { nodeCrypto } from './node-crypto';
import { deliver, deliveryArb, historyArb } from './scenario';

/**
 * A restart from the local state leaves entities dormant (parsed when first asked about). Whatever
 * arrives after, in whatever order, duplicated or clashing with an op of a dormant entity, the
 * state must be the one a fold of everything computes.
 */

/** A note is closed once deleted: `list(kind, { live: true })` may leave it out. */
const closingNote = defineCapability({ ...note, closed: (state: ReturnType<typeof note.reduce>) => state.tombstone.deleted });
const capabilities = [closingNote, prizeRequest];
const carolNotYet = (op: Op) => !op.id.startsWith(CAROL) || 'not yet';

/** Every entity of `source` dormant in a new state (through JSON, as the file does), with the index a restart reads. */
function dormantFrom(source: SyncState, accept?: (op: Op) => boolean | string) {
  const held = JSON.parse(JSON.stringify(source.held())) as HeldEntity[];
  const builder = new HeldIndexBuilder();
  for (const entity of held) builder.add(entity);
  const index = builder.build((entity) => source.isClosed(entity));
  const woken: string[] = [];
  const dormant: DormantEntity[] = held.map((entity) => ({
    entity: entity.entity,
    opCount: index.entities[entity.entity]![0],
    closed: index.entities[entity.entity]![1] === 1,
    lastHlc: index.entities[entity.entity]![2],
    load: () => {
      woken.push(entity.entity);
      return entity;
    },
  }));
  const state = createSyncState(capabilities, accept ? { accept } : {});
  state.install(dormant, index.counters);
  state.refilter();
  return { state, woken };
}

describe('dormant entities (a restart from the local state)', () => {
  it('give the state of a fold of everything, whatever arrives after, without being parsed before they are asked about', () => {
    fc.assert(
      fc.property(historyArb, deliveryArb, fc.boolean(), (ops, plan, listFirst) => {
        const reference = createSyncState(capabilities);
        reference.apply(ops);
        const batches = deliver(ops, plan);
        const source = createSyncState(capabilities, { accept: carolNotYet });
        for (const batch of batches.slice(0, batches.length >> 1)) source.apply(batch);

        const { state, woken } = dormantFrom(source, carolNotYet);
        expect(woken).toEqual([]);
        expect(state.opsCount).toBe(source.opsCount);
        if (listFirst) expect(state.list('note', { live: true }).every(({ entity }) => !source.isClosed(entity))).toBe(true);
        for (const batch of batches.slice(batches.length >> 1)) state.apply(batch);
        expect(state.opsCount).toBe(new Set(ops.map((op) => op.id)).size);
        state.refilter(() => true);
        expect(state.stateHash(nodeCrypto)).toBe(reference.stateHash(nodeCrypto));
        expect(state.list('note')).toEqual(reference.list('note'));
      }),
      { numRuns: 150 },
    );
  });

  it('answer list(kind, { changedSince }) as a fully parsed state does, waking none changed before', () => {
    const wallOf = (hlc: string) => Number(hlc.slice(0, 15));
    fc.assert(
      fc.property(historyArb, deliveryArb, fc.nat(), fc.integer({ min: -2, max: 2 }), (ops, plan, pick, offset) => {
        const batches = deliver(ops, plan);
        const source = createSyncState(capabilities, { accept: carolNotYet });
        for (const batch of batches.slice(0, batches.length >> 1)) source.apply(batch);
        // At, just before or just after some op's wall time: the bound is "at or after".
        const changedSince = wallOf(ops[pick % ops.length]!.hlc) + offset;
        const latest = new Map<string, string>();
        for (const entity of source.held()) latest.set(entity.entity, entity.ops.at(-1)?.hlc ?? '');

        const { state, woken } = dormantFrom(source, carolNotYet);
        for (const kind of ['note', 'prizeRequest']) {
          const listed = state.list(kind, { changedSince });
          expect(listed).toEqual(source.list(kind, { changedSince }));
          expect(listed).toEqual(source.list(kind).filter(({ entity }) => wallOf(latest.get(entity)!) >= changedSince));
        }
        // Nothing last changed before the bound was read from disk.
        expect(woken.filter((entity) => wallOf(latest.get(entity)!) < changedSince)).toEqual([]);

        // Later ops wake what they touch; awake or asleep, the answers stay the same.
        for (const batch of batches.slice(batches.length >> 1)) {
          state.apply(batch);
          source.apply(batch);
        }
        for (const kind of ['note', 'prizeRequest']) {
          expect(state.list(kind, { changedSince })).toEqual(source.list(kind, { changedSince }));
          expect(state.list(kind, { changedSince, live: true }).every((entry) => source.list(kind, { changedSince }).some((other) => other.entity === entry.entity))).toBe(true);
        }
        expect(state.list('note', { changedSince: -1 })).toEqual(source.list('note'));
      }),
      { numRuns: 200 },
    );
  });

  it('wake only what is asked about; an op clashing with one held dormant elsewhere is decided as with all awake', () => {
    const alice = new TestDevice(ALICE);
    const bob = new TestDevice(BOB);
    const ops = [
      alice.op(MONDAY_9AM, 'note.set', 'note:n1', { set: { title: 'a' }, seen: {} }),
      alice.op(MONDAY_9AM + 1, 'note.deleted', 'note:n1', { seen: [] }),
      bob.op(MONDAY_9AM + 2, 'note.set', 'note:n2', { set: { title: 'b' }, seen: {} }),
    ];
    const source = createSyncState(capabilities);
    source.apply(ops);
    const { state, woken } = dormantFrom(source);
    // The closed note stays on disk for a live list, and is read for a full one.
    expect(state.list('note', { live: true }).map(({ entity }) => entity)).toEqual(['note:n2']);
    expect(woken).toEqual(['note:n2']);
    expect(state.list('note').map(({ entity }) => entity)).toEqual(['note:n1', 'note:n2']);

    const again = dormantFrom(source);
    // A new op of Bob's: nothing else is woken. A forged op under Alice's first id, on n2: n1 is woken to decide.
    const later = bob.op(MONDAY_9AM + 3, 'note.set', 'note:n2', { set: { title: 'c' }, seen: {} });
    again.state.apply([later]);
    expect(again.woken).toEqual(['note:n2']);
    const forged: Op = { ...ops[0]!, entity: 'note:n2', data: { set: { title: 'forged' }, seen: {} } };
    const result = again.state.apply([forged]);
    const expected = createSyncState(capabilities);
    expected.apply([...ops, later]);
    const clash = expected.apply([forged]).clashes;
    expect(result.clashes).toEqual(clash);
    expect(again.state.stateHash(nodeCrypto)).toBe(expected.stateHash(nodeCrypto));
  });
});
