import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { MAX_SEEN, createSyncState, defineCapability, type Op } from '../../shared/sync';
import { ALICE, BOB, CAROL, MONDAY_9AM, TestDevice } from './devices';
import { note, prizeRequest } from './example-capabilities';
import { nodeCrypto } from './node-crypto';
import { editNote, replica } from './note-harness';

function someOps(): Op[] {
  const alice = new TestDevice(ALICE);
  const bob = new TestDevice(BOB);
  return [
    editNote(alice, replica(), MONDAY_9AM, 'n1', { title: 'one' }),
    editNote(bob, replica(), MONDAY_9AM + 1, 'n2', { title: 'two' }),
    bob.op(MONDAY_9AM + 2, 'prize.requested', 'prizeRequest:p1', { amount: 5, seen: [] }),
  ];
}

describe('createSyncState', () => {
  it('is idempotent: applying an op twice changes nothing', () => {
    const ops = someOps();
    const state = replica(ops);
    const hash = state.stateHash(nodeCrypto);
    const again = state.apply([...ops, ops[0]!]);
    expect(again).toEqual({ touched: [], invalid: [], refused: [], clashes: [], failures: [] });
    expect(state.opsCount).toBe(3);
    expect(state.stateHash(nodeCrypto)).toBe(hash);
  });

  it('re-folds only the entities a batch touched', () => {
    const state = replica(someOps());
    const bob = new TestDevice(BOB);
    bob.receive(someOps(), MONDAY_9AM);
    const result = state.apply([editNote(bob, state, MONDAY_9AM + 50, 'n2', { body: 'more' })]);
    expect(result.touched).toEqual(['note:n2']);
  });

  it('keeps each entity in (hlc, op id) order whatever the arrival order', () => {
    const alice = new TestDevice(ALICE);
    const ops = [0, 1, 2].map((i) =>
      alice.op(MONDAY_9AM + i, 'note.commented', 'note:n1', { text: `comment ${i}` }),
    );
    const state = createSyncState([note]);
    state.apply([ops[2]!]);
    state.apply([ops[0]!]);
    state.apply([ops[1]!]);
    expect(state.get(note, 'n1')?.comments.map((comment) => comment.text)).toEqual([
      'comment 0',
      'comment 1',
      'comment 2',
    ]);
  });

  it('keeps and ignores ops of unknown types and kinds (from a newer version), and counts them', () => {
    const carol = new TestDevice(CAROL);
    const state = replica(someOps());
    const hash = state.stateHash(nodeCrypto);
    const result = state.apply([
      carol.op(MONDAY_9AM + 9, 'note.pinned', 'note:n1', { pinned: true }),
      carol.op(MONDAY_9AM + 9, 'poll.created', 'poll:q1', { question: '?' }),
    ]);
    expect(result).toEqual({ touched: [], invalid: [], refused: [], clashes: [], failures: [] });
    expect(state.opsCount).toBe(5);
    expect(state.stateHash(nodeCrypto)).toBe(hash);
    expect(state.snapshot().ops).toHaveLength(5);
  });

  it('reports and ignores an op whose data breaks its schema, or that is filed under the wrong kind', () => {
    const carol = new TestDevice(CAROL);
    const state = replica(someOps());
    const broken = carol.op(MONDAY_9AM + 9, 'note.set', 'note:n1', { set: { title: 42 }, seen: {} });
    const misfiled = carol.op(MONDAY_9AM + 9, 'prize.approved', 'note:n1', { seen: [] });
    const result = state.apply([broken, misfiled]);
    expect(result.touched).toEqual([]);
    expect(result.invalid.map(({ op, reason }) => [op.id, reason])).toEqual([
      [broken.id, expect.stringContaining('set.title')],
      [misfiled.id, 'prize.approved is an op of prizeRequest, not of note'],
    ]);
    expect(state.get(note, 'n1')?.fields.title?.value).toBe('one');
    expect(state.opsCount).toBe(5);
  });

  it('keeps the same one of two different ops with one id on every device, and reports the clash', () => {
    const original = new TestDevice(ALICE).op(MONDAY_9AM, 'note.set', 'note:n1', { set: { title: 'original' }, seen: {} });
    // A profile copied to a second computer mints the same id for something else.
    const copy = new TestDevice(ALICE).op(MONDAY_9AM + 5, 'note.set', 'note:n2', { set: { title: 'copy' }, seen: {} });
    const first = createSyncState([note]);
    first.apply([original]);
    const clashOne = first.apply([copy]).clashes;
    const second = createSyncState([note]);
    second.apply([copy]);
    const clashTwo = second.apply([original]).clashes;
    expect(clashOne).toEqual(clashTwo);
    expect(clashOne).toHaveLength(1);
    expect(first.stateHash(nodeCrypto)).toBe(second.stateHash(nodeCrypto));
    expect(first.opsCount).toBe(1);
    const kept = clashOne[0]!.kept.entity;
    expect(first.list(note).map((entry) => entry.entity)).toEqual([kept]);
  });

  it('isolates a reducer that throws', () => {
    const fragile = defineCapability({
      kind: 'fragile',
      ops: { 'fragile.set': z.object({ boom: z.boolean() }) },
      reduce(ops) {
        if (ops.some((op) => op.data.boom)) throw new Error('boom');
        return { count: ops.length };
      },
    });
    const alice = new TestDevice(ALICE);
    const state = createSyncState([fragile]);
    const result = state.apply([
      alice.op(MONDAY_9AM, 'fragile.set', 'fragile:a', { boom: true }),
      alice.op(MONDAY_9AM, 'fragile.set', 'fragile:b', { boom: false }),
    ]);
    expect(result.failures).toEqual([{ entity: 'fragile:a', message: 'boom' }]);
    expect(state.get('fragile:a')).toBeUndefined();
    expect(state.get(fragile, 'b')).toEqual({ count: 1 });
  });

  it('turns a throwing schema into an invalid op and a throwing filter into a refusal', () => {
    const strict = defineCapability({
      kind: 'strict',
      ops: {
        'strict.set': z.object({ n: z.number() }).refine((data) => {
          if (data.n < 0) throw new Error('negative');
          return true;
        }),
      },
      reduce: (ops) => ops.length,
    });
    const alice = new TestDevice(ALICE);
    const state = createSyncState([strict], {
      accept: (op) => {
        if (op.entity === 'strict:b') throw new Error('roster unreadable');
        return true;
      },
    });
    const result = state.apply([
      alice.op(MONDAY_9AM, 'strict.set', 'strict:a', { n: -1 }),
      alice.op(MONDAY_9AM, 'strict.set', 'strict:b', { n: 1 }),
      alice.op(MONDAY_9AM, 'strict.set', 'strict:c', { n: 1 }),
    ]);
    expect(result.invalid.map(({ reason }) => reason)).toEqual(['schema failed: negative']);
    expect(result.refused.map(({ reason }) => reason)).toEqual(['the trust filter failed: roster unreadable']);
    expect(state.list(strict).map(({ id, state: count }) => [id, count])).toEqual([['c', 1]]);
  });

  it('lists a kind in entity order, typed when asked with the capability', () => {
    const state = replica([...someOps()].reverse());
    expect(state.list(note).map(({ id, state: folded }) => [id, folded.fields.title?.value])).toEqual([
      ['n1', 'one'],
      ['n2', 'two'],
    ]);
    expect(state.list('prizeRequest').map((entry) => entry.entity)).toEqual(['prizeRequest:p1']);
    expect(state.list('nothing')).toEqual([]);
    expect(state.get(prizeRequest, 'p1')?.status).toBe('requested');
  });

  it('hands out the heads an op should list as seen', () => {
    const [alice, bob] = [new TestDevice(ALICE), new TestDevice(BOB)];
    const requested = alice.op(MONDAY_9AM, 'prize.requested', 'prizeRequest:p1', { amount: 5, seen: [] });
    const a = alice.op(MONDAY_9AM + 1, 'prize.approved', 'prizeRequest:p1', { seen: [requested.hlc] });
    const b = bob.op(MONDAY_9AM + 2, 'prize.rejected', 'prizeRequest:p1', { reason: 'no', seen: [requested.hlc] });
    expect(replica([requested, a, b]).heads('prizeRequest:p1')).toEqual([a.hlc, b.hlc]);
    expect(replica().heads('prizeRequest:p1')).toEqual([]);
  });

  it('caps the heads at what a seen list may hold, keeping the newest', () => {
    const alice = new TestDevice(ALICE);
    const comments = Array.from({ length: MAX_SEEN + 10 }, (_, i) =>
      alice.op(MONDAY_9AM + i, 'prize.commented', 'prizeRequest:p1', { text: `${i}`, seen: [] }),
    );
    const heads = replica(comments).heads('prizeRequest:p1');
    expect(heads).toEqual(comments.slice(10).map((op) => op.hlc));
  });

  it('snapshots the raw ops and restores the same state', () => {
    const carol = new TestDevice(CAROL);
    const ops = [...someOps(), carol.op(MONDAY_9AM + 9, 'note.pinned', 'note:n1', {})];
    const state = replica(ops);
    const copy = replica();
    copy.restore(JSON.parse(JSON.stringify(state.snapshot())));
    expect(copy.stateHash(nodeCrypto)).toBe(state.stateHash(nodeCrypto));
    expect(copy.opsCount).toBe(4);
    expect(() => copy.restore({ format: 'something else', ops: [] })).toThrow();
    expect(() => copy.restore({ format: 'baton/fold-snapshot@1', ops: [{ id: 'x' }] })).toThrow();
  });

  it('refuses two capabilities claiming one kind or one op type', () => {
    const twin = defineCapability({ kind: 'note', ops: {}, reduce: () => null });
    const thief = defineCapability({ kind: 'thief', ops: { 'note.set': z.object({}) }, reduce: () => null });
    expect(() => createSyncState([note, twin])).toThrow(/kind note/);
    expect(() => createSyncState([note, thief])).toThrow(/note\.set/);
  });

  it('refuses a capability with a malformed kind or op type', () => {
    expect(() => defineCapability({ kind: 'Note', ops: {}, reduce: () => null })).toThrow(RangeError);
    expect(() => defineCapability({ kind: 'note', ops: { created: z.object({}) }, reduce: () => null })).toThrow(RangeError);
  });
});

describe('the trust filter', () => {
  const fromAlice = (op: Op) => op.id.startsWith(ALICE) || 'device not on the roster';

  it('keeps refused ops aside and reports them', () => {
    const ops = someOps();
    const state = createSyncState([note, prizeRequest], { accept: fromAlice });
    const result = state.apply(ops);
    expect(result.refused.map(({ op, reason }) => [op.id, reason])).toEqual([
      [ops[1]!.id, 'device not on the roster'],
      [ops[2]!.id, 'device not on the roster'],
    ]);
    expect(result.touched).toEqual(['note:n1']);
    expect(state.get('note:n2')).toBeUndefined();
    expect(state.opsCount).toBe(3);
  });

  it('re-evaluates everything when the roster changes, ending where accepting from the start would', () => {
    const ops = someOps();
    const state = createSyncState([note, prizeRequest], { accept: fromAlice });
    state.apply(ops);
    const admitted = state.refilter(() => true);
    expect(admitted.touched).toEqual(['note:n2', 'prizeRequest:p1']);
    expect(state.stateHash(nodeCrypto)).toBe(replica(ops).stateHash(nodeCrypto));
    const removed = state.refilter(() => false);
    expect(removed.refused).toHaveLength(3);
    expect(state.list(note)).toEqual([]);
  });
});
