import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSyncState, type HeldEntity, type Op } from '../../shared/sync';
import { defineCapability } from '../../shared/sync/capability';
import { HeldIndexBuilder } from '../../shared/sync/held-index';
import type { DormantEntity } from '../../shared/sync/sync-state';
import { ALICE, BOB, CAROL, MONDAY_9AM, TestDevice } from './devices';
import { note, prizeRequest } from './example-capabilities';
import { nodeCrypto } from './node-crypto';
import { restartedFrom } from './restarted';
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


describe('dormant entities (a restart from the local state)', () => {
  it('give the state of a fold of everything, whatever arrives after, without being parsed before they are asked about', () => {
    fc.assert(
      fc.property(historyArb, deliveryArb, fc.boolean(), (ops, plan, listFirst) => {
        const reference = createSyncState(capabilities);
        reference.apply(ops);
        const batches = deliver(ops, plan);
        const source = createSyncState(capabilities, { accept: carolNotYet });
        for (const batch of batches.slice(0, batches.length >> 1)) source.apply(batch);

        const { state, woken } = restartedFrom(source, capabilities, carolNotYet);
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

        const { state, woken } = restartedFrom(source, capabilities, carolNotYet);
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
    const { state, woken } = restartedFrom(source, capabilities);
    // The closed note stays on disk for a live list, and is read for a full one.
    expect(state.list('note', { live: true }).map(({ entity }) => entity)).toEqual(['note:n2']);
    expect(woken).toEqual(['note:n2']);
    expect(state.list('note').map(({ entity }) => entity)).toEqual(['note:n1', 'note:n2']);

    const again = restartedFrom(source, capabilities);
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

  it('closed entities put back to disk once written answer as before, whatever arrives after', () => {
    fc.assert(
      fc.property(historyArb, deliveryArb, fc.boolean(), (ops, plan, changeFirst) => {
        const reference = createSyncState(capabilities);
        reference.apply(ops);
        const batches = deliver(ops, plan);
        const state = createSyncState(capabilities, { accept: carolNotYet });
        for (const batch of batches.slice(0, batches.length >> 1)) state.apply(batch);
        // What a written local state holds: every entity's line, with the mark it was written at.
        const written = restartedFrom(state, capabilities, carolNotYet);
        const held = new Map(state.held().map((entity) => [entity.entity, JSON.parse(JSON.stringify(entity)) as HeldEntity]));
        const mark = state.changeMark();
        const before = { hash: state.stateHash(nodeCrypto), notes: state.list('note'), ops: state.opsCount };
        const later = batches.slice(batches.length >> 1);
        // An entity changed after the mark keeps its ops in the heap: its line is out of date.
        if (changeFirst && later[0]) state.apply(later.shift()!);
        const index = new HeldIndexBuilder();
        for (const entity of held.values()) index.add(entity);
        const closed = index.build((entity) => written.state.isClosed(entity));
        const dormant: DormantEntity[] = [...held.values()].map((entity) => ({ entity: entity.entity, opCount: entity.ops.length, closed: closed.entities[entity.entity]![1] === 1, lastHlc: closed.entities[entity.entity]![2], load: () => held.get(entity.entity)! }));
        const slept = state.sleep(dormant, closed.counters, mark);
        const closedCount = [...held.keys()].filter((entity) => written.state.isClosed(entity)).length;
        if (changeFirst) expect(slept).toBeLessThanOrEqual(closedCount);
        else expect(slept).toBe(closedCount);
        if (!changeFirst) {
          expect(state.opsCount).toBe(before.ops);
          expect(state.list('note')).toEqual(before.notes);
          expect(state.stateHash(nodeCrypto)).toBe(before.hash);
        }
        for (const batch of later) state.apply(batch);
        state.refilter(() => true);
        expect(state.stateHash(nodeCrypto)).toBe(reference.stateHash(nodeCrypto));
        expect(state.opsCount).toBe(reference.opsCount);
        expect(state.list('note')).toEqual(reference.list('note'));
      }),
      { numRuns: 150 },
    );
  });

  it('go back to disk only while nothing is dormant, and only when closed and unchanged', () => {
    const alice = new TestDevice(ALICE);
    const ops = [
      alice.op(MONDAY_9AM, 'note.set', 'note:n1', { set: { title: 'a' }, seen: {} }),
      alice.op(MONDAY_9AM + 1, 'note.deleted', 'note:n1', { seen: [] }),
      alice.op(MONDAY_9AM + 2, 'note.set', 'note:n2', { set: { title: 'b' }, seen: {} }),
    ];
    const state = createSyncState(capabilities);
    state.apply(ops);
    const mark = state.changeMark();
    const lines = state.held();
    let reads = 0;
    const dormant = lines.map((entity): DormantEntity => ({ entity: entity.entity, opCount: entity.ops.length, closed: state.isClosed(entity.entity), lastHlc: entity.ops.at(-1)!.hlc, load: () => (reads += 1, entity) }));
    expect(state.sleep(dormant, {}, mark)).toBe(1);
    expect(state.list('note', { live: true }).map(({ entity }) => entity)).toEqual(['note:n2']);
    expect(reads).toBe(0);
    expect(state.sleep(dormant, {}, mark)).toBe(0);
    expect(state.list('note').map(({ entity }) => entity)).toEqual(['note:n1', 'note:n2']);
    expect(reads).toBe(1);
    // Read for a full list, unchanged: it can rest again, and is read again when asked.
    const hash = state.stateHash(nodeCrypto);
    expect(state.rest()).toBe(1);
    expect(state.rest()).toBe(0);
    expect(state.stateHash(nodeCrypto)).toBe(hash);
    expect(reads).toBe(2);
    state.apply([alice.op(MONDAY_9AM + 3, 'note.restored', 'note:n1', { seen: state.heads('note:n1') })]);
    expect(state.sleep(dormant, {}, mark)).toBe(0);
    expect(state.rest()).toBe(0);
  });

  it("ask closed(state, asOf) with the wall time of the kind's newest op held, the same after a restart", () => {
    fc.assert(
      fc.property(historyArb, deliveryArb, (ops, plan) => {
        const asked: number[] = [];
        const recording = defineCapability({ ...note, closed: (_state: ReturnType<typeof note.reduce>, asOf: number) => (asked.push(asOf), false) });
        const batches = deliver(ops, plan);
        const source = createSyncState([recording, prizeRequest]);
        for (const batch of batches.slice(0, batches.length >> 1)) source.apply(batch);
        const newest = (held: readonly Op[]) => Math.max(...held.filter((op) => op.entity.startsWith('note:')).map((op) => Number(op.hlc.slice(0, 15))));
        const expected = newest(batches.slice(0, batches.length >> 1).flat());
        // Those whose every op counts are asked.
        const first = source.list('note').find(({ entity }) => {
          asked.length = 0;
          source.isClosed(entity);
          return asked.length > 0;
        });
        expect(asked.every((asOf) => asOf === expected)).toBe(true);

        // Restarted, dormant: a woken note is asked with the same asOf (dormant ones count with their latest op).
        const { state } = restartedFrom(source, [recording, prizeRequest]);
        if (first) {
          asked.length = 0;
          state.get(first.entity);
          state.isClosed(first.entity);
          expect(asked).toEqual([expected]);
        }
      }),
      { numRuns: 100 },
    );
  });
});
