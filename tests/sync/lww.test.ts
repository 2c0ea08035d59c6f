import { describe, expect, it } from 'vitest';
import { MAX_SEEN, foldLww, lwwSetData, type Op } from '../../shared/sync';
import { ALICE, BOB, CAROL, DAY, MONDAY_9AM, TestDevice } from './devices';
import { note } from './example-capabilities';
import { nodeCrypto } from './node-crypto';
import { editNote, replica } from './note-harness';

function both(ops: Op[]) {
  const forward = replica(ops);
  const backward = replica([...ops].reverse());
  expect(forward.stateHash(nodeCrypto)).toBe(backward.stateHash(nodeCrypto));
  return forward.get(note, 'n1')!.fields;
}

describe('last writer wins per field', () => {
  it('sequential edits: the later one wins with no conflict', () => {
    const alice = new TestDevice(ALICE);
    const bob = new TestDevice(BOB);
    const created = editNote(alice, replica(), MONDAY_9AM, 'n1', { title: 'Draft', body: 'b' });
    const edited = editNote(bob, replica([created]), MONDAY_9AM + 60_000, 'n1', { title: 'Final' });
    expect(both([created, edited])).toEqual({
      title: { value: 'Final', hlc: edited.hlc, conflicts: [] },
      body: { value: 'b', hlc: created.hlc, conflicts: [] },
    });
  });

  it('concurrent offline edits of one field: the same winner everywhere, the loser shown as a conflict', () => {
    const alice = new TestDevice(ALICE);
    const bob = new TestDevice(BOB);
    const created = editNote(alice, replica(), MONDAY_9AM, 'n1', { title: 'Draft' });
    const seen = replica([created]);
    const byAlice = editNote(alice, seen, MONDAY_9AM + 1000, 'n1', { title: 'Alice title' });
    const byBob = editNote(bob, seen, MONDAY_9AM + 1000, 'n1', { title: 'Bob title' });
    // Same millisecond: the device id decides, identically everywhere.
    expect(both([created, byAlice, byBob]).title).toEqual({
      value: 'Bob title',
      hlc: byBob.hlc,
      conflicts: [{ value: 'Alice title', hlc: byAlice.hlc }],
    });
  });

  it('edits of different fields merge without conflict', () => {
    const alice = new TestDevice(ALICE);
    const bob = new TestDevice(BOB);
    const created = editNote(alice, replica(), MONDAY_9AM, 'n1', { title: 'T', body: 'B' });
    const seen = replica([created]);
    const fields = both([
      created,
      editNote(alice, seen, MONDAY_9AM + 5, 'n1', { title: 'T2' }),
      editNote(bob, seen, MONDAY_9AM + 9, 'n1', { body: 'B2' }),
    ]);
    expect([fields.title?.value, fields.body?.value, fields.title?.conflicts, fields.body?.conflicts]).toEqual([
      'T2',
      'B2',
      [],
      [],
    ]);
  });

  it('an edit made weeks offline stays a conflict even after the others edited on top of each other', () => {
    const alice = new TestDevice(ALICE);
    const bob = new TestDevice(BOB);
    const created = editNote(bob, replica(), MONDAY_9AM, 'n1', { title: 'v0' });
    const offline = editNote(alice, replica([created]), MONDAY_9AM + DAY, 'n1', { title: 'Alice offline' });
    const w1 = editNote(bob, replica([created]), MONDAY_9AM + 2 * DAY, 'n1', { title: 'Bob 1' });
    const w2 = editNote(bob, replica([created, w1]), MONDAY_9AM + 3 * DAY, 'n1', { title: 'Bob 2' });
    // Alice's timestamp is older than everything Bob wrote, yet Bob never saw her edit.
    expect(both([created, offline, w1, w2]).title).toEqual({
      value: 'Bob 2',
      hlc: w2.hlc,
      conflicts: [{ value: 'Alice offline', hlc: offline.hlc }],
    });
  });

  it('a third device that never saw the loser does not resolve the conflict by writing', () => {
    const [alice, bob, carol] = [new TestDevice(ALICE), new TestDevice(BOB), new TestDevice(CAROL)];
    const created = editNote(alice, replica(), MONDAY_9AM, 'n1', { title: 'v0' });
    const loser = editNote(alice, replica([created]), MONDAY_9AM + 10, 'n1', { title: 'A' });
    const winner = editNote(bob, replica([created]), MONDAY_9AM + 20, 'n1', { title: 'B' });
    const carolsEdit = editNote(carol, replica([created, winner]), MONDAY_9AM + 30, 'n1', { title: 'C' });
    expect(both([created, loser, winner, carolsEdit]).title?.conflicts).toEqual([{ value: 'A', hlc: loser.hlc }]);
  });

  it('a later write that has seen both resolves the conflict', () => {
    const alice = new TestDevice(ALICE);
    const bob = new TestDevice(BOB);
    const created = editNote(alice, replica(), MONDAY_9AM, 'n1', { title: 'v0' });
    const a = editNote(alice, replica([created]), MONDAY_9AM + 10, 'n1', { title: 'A' });
    const b = editNote(bob, replica([created]), MONDAY_9AM + 10, 'n1', { title: 'B' });
    const resolution = editNote(alice, replica([created, a, b]), MONDAY_9AM + 99, 'n1', { title: 'A' });
    expect(resolution.data).toEqual({ set: { title: 'A' }, seen: { title: [b.hlc, a.hlc] } });
    expect(both([created, a, b, resolution]).title).toEqual({ value: 'A', hlc: resolution.hlc, conflicts: [] });
  });

  it('two first writes of a field are concurrent too', () => {
    const alice = new TestDevice(ALICE);
    const bob = new TestDevice(BOB);
    const a = editNote(alice, replica(), MONDAY_9AM, 'n1', { title: 'A' });
    const b = editNote(bob, replica(), MONDAY_9AM + 1, 'n1', { title: 'B' });
    expect(both([a, b]).title?.conflicts).toEqual([{ value: 'A', hlc: a.hlc }]);
  });

  it('keeps the fields it knows from a newer version set op and drops the rest', () => {
    const alice = new TestDevice(ALICE);
    const newer = alice.op(MONDAY_9AM, 'note.set', 'note:n1', { set: { title: 'T', colour: 'red' }, seen: {} });
    const state = replica([newer]);
    expect(state.get(note, 'n1')?.fields).toEqual({ title: { value: 'T', hlc: newer.hlc, conflicts: [] } });
  });
});

describe('foldLww and lwwSetData on their own', () => {
  it('lists the shown value first, and caps the list to what seen may hold', () => {
    const conflicts = Array.from({ length: MAX_SEEN + 5 }, (_, i) => ({ value: `${i}`, hlc: `c${i}` }));
    const data = lwwSetData<{ title: string }>({ title: { value: 'w', hlc: 'winner', conflicts } }, { title: 'new' });
    expect(data.seen.title).toHaveLength(MAX_SEEN);
    expect(data.seen.title?.[0]).toBe('winner');
  });

  it('skips undefined values as JSON would', () => {
    const fields = foldLww<{ a: number; b: number }>([
      { hlc: '1', data: { set: { a: 1, b: undefined }, seen: {} } },
    ]);
    expect(fields).toEqual({ a: { value: 1, hlc: '1', conflicts: [] } });
  });
});
