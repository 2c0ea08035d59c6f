import { describe, expect, it } from 'vitest';
import type { Op } from '../../shared/sync';
import { ALICE, BOB, DAY, MONDAY_9AM, TestDevice } from './devices';
import { note } from './example-capabilities';
import { nodeCrypto } from './node-crypto';
import { editNote, replica } from './note-harness';

function deleteNote(device: TestDevice, view: ReturnType<typeof replica>, wallMs: number, id: string): Op {
  return device.op(wallMs, 'note.deleted', `note:${id}`, { seen: view.heads(`note:${id}`) });
}

function restoreNote(device: TestDevice, view: ReturnType<typeof replica>, wallMs: number, id: string): Op {
  return device.op(wallMs, 'note.restored', `note:${id}`, { seen: view.heads(`note:${id}`) });
}

/** Folds in both delivery orders and checks they agree. */
function tombstoneOf(ops: Op[]) {
  const forward = replica(ops);
  const backward = replica([...ops].reverse());
  expect(forward.stateHash(nodeCrypto)).toBe(backward.stateHash(nodeCrypto));
  return forward.get(note, 'n1')!;
}

describe('tombstones', () => {
  it('a plain delete deletes', () => {
    const alice = new TestDevice(ALICE);
    const created = editNote(alice, replica(), MONDAY_9AM, 'n1', { title: 'T' });
    const deleted = deleteNote(alice, replica([created]), MONDAY_9AM + 1, 'n1');
    expect(tombstoneOf([created, deleted]).tombstone).toEqual({
      deleted: true,
      by: { id: deleted.id, hlc: deleted.hlc },
      unseenEdits: [],
    });
  });

  it('edit vs delete after weeks offline: deleted everywhere, the edits listed, whatever the timestamps', () => {
    const alice = new TestDevice(ALICE);
    const bob = new TestDevice(BOB);
    const created = editNote(alice, replica(), MONDAY_9AM, 'n1', { title: 'T' });
    // Alice goes offline and edits for three weeks; Bob deletes in week two.
    const offline: Op[] = [];
    let aliceView = replica([created]);
    for (let week = 1; week <= 3; week += 1) {
      const edit = editNote(alice, aliceView, MONDAY_9AM + week * 7 * DAY, 'n1', { body: `week ${week}` });
      offline.push(edit);
      aliceView = replica([created, ...offline]);
    }
    const deleted = deleteNote(bob, replica([created]), MONDAY_9AM + 14 * DAY, 'n1');
    const folded = tombstoneOf([created, ...offline, deleted]);
    expect(folded.tombstone).toEqual({
      deleted: true,
      by: { id: deleted.id, hlc: deleted.hlc },
      unseenEdits: offline.map(({ id, hlc }) => ({ id, hlc })),
    });
    // The edits are kept, not lost: a restore would show them.
    expect(folded.fields.body?.value).toBe('week 3');
  });

  it('an edit after the delete does not bring the note back', () => {
    const alice = new TestDevice(ALICE);
    const bob = new TestDevice(BOB);
    const created = editNote(alice, replica(), MONDAY_9AM, 'n1', { title: 'T' });
    const deleted = deleteNote(bob, replica([created]), MONDAY_9AM + DAY, 'n1');
    const lateEdit = editNote(alice, replica([created]), MONDAY_9AM + 2 * DAY, 'n1', { title: 'still here?' });
    expect(tombstoneOf([created, deleted, lateEdit]).tombstone).toMatchObject({
      deleted: true,
      unseenEdits: [{ id: lateEdit.id, hlc: lateEdit.hlc }],
    });
  });

  it('a delete that had seen the edits lists nothing', () => {
    const alice = new TestDevice(ALICE);
    const bob = new TestDevice(BOB);
    const created = editNote(alice, replica(), MONDAY_9AM, 'n1', { title: 'T' });
    const edit = editNote(alice, replica([created]), MONDAY_9AM + 1, 'n1', { body: 'B' });
    const deleted = deleteNote(bob, replica([created, edit]), MONDAY_9AM + 2, 'n1');
    expect(tombstoneOf([created, edit, deleted]).tombstone).toMatchObject({ deleted: true, unseenEdits: [] });
  });

  it('only an explicit restore brings it back', () => {
    const alice = new TestDevice(ALICE);
    const bob = new TestDevice(BOB);
    const created = editNote(alice, replica(), MONDAY_9AM, 'n1', { title: 'T' });
    const deleted = deleteNote(bob, replica([created]), MONDAY_9AM + DAY, 'n1');
    const restored = restoreNote(alice, replica([created, deleted]), MONDAY_9AM + 2 * DAY, 'n1');
    expect(tombstoneOf([created, deleted, restored]).tombstone).toEqual({ deleted: false });
  });

  it('a delete concurrent with a restore still wins', () => {
    const alice = new TestDevice(ALICE);
    const bob = new TestDevice(BOB);
    const created = editNote(alice, replica(), MONDAY_9AM, 'n1', { title: 'T' });
    const firstDelete = deleteNote(bob, replica([created]), MONDAY_9AM + DAY, 'n1');
    const restored = restoreNote(alice, replica([created, firstDelete]), MONDAY_9AM + 2 * DAY, 'n1');
    const secondDelete = deleteNote(bob, replica([created, firstDelete]), MONDAY_9AM + 3 * DAY, 'n1');
    expect(tombstoneOf([created, firstDelete, restored, secondDelete]).tombstone).toMatchObject({
      deleted: true,
      by: { id: secondDelete.id },
    });
  });
});
