import { describe, expect, it } from 'vitest';
import { foldLog } from '../../shared/sync';
import { ALICE, BOB, MONDAY_9AM, TestDevice } from './devices';
import { note } from './example-capabilities';
import { replica } from './note-harness';

describe('append-only logs', () => {
  it('keeps entries in hlc order and shows the latest correction', () => {
    const alice = new TestDevice(ALICE);
    const bob = new TestDevice(BOB);
    const first = alice.op(MONDAY_9AM, 'note.commented', 'note:n1', { text: 'fans asked about the 10:00 post' });
    const second = bob.op(MONDAY_9AM + 5, 'note.commented', 'note:n1', { text: 'answered' });
    const fix = alice.op(MONDAY_9AM + 9, 'note.commented', 'note:n1', { text: 'fans asked about the 15:00 post', corrects: first.id });
    const fixOfFix = bob.op(MONDAY_9AM + 12, 'note.commented', 'note:n1', { text: '15:00, confirmed', corrects: fix.id });
    const state = replica([fixOfFix, second, fix, first]);
    expect(state.get(note, 'n1')?.comments).toEqual([
      { id: first.id, text: '15:00, confirmed', corrected: true },
      { id: second.id, text: 'answered', corrected: false },
    ]);
  });

  it('shows a correction whose entry is not here rather than dropping it', () => {
    const alice = new TestDevice(ALICE);
    const fix = alice.op(MONDAY_9AM, 'note.commented', 'note:n1', { text: 'x', corrects: `${BOB}:7` });
    expect(replica([fix]).get(note, 'n1')?.orphanCorrections).toEqual([fix.id]);
  });

  it('treats a correction older than its target as an orphan, deterministically', () => {
    const folded = foldLog([
      { id: 'b:1', hlc: '1', data: { corrects: 'a:1' } },
      { id: 'a:1', hlc: '2', data: {} },
    ]);
    expect(folded.orphans.map((op) => op.id)).toEqual(['b:1']);
    expect(folded.entries.map((entry) => folded.revisionsOf(entry, (op) => op.id))).toEqual([['a:1']]);
  });
});
