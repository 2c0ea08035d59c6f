import { describe, expect, it } from 'vitest';
import { handover, handoversForShift, isSubmitted, type HandoverState } from '../../shared/handover';
import type { Op } from '../../shared/sync';
import { ALICE, BOB, CAROL, TestDevice } from '../sync/devices';
import { LI, MINUTE, WANG, ZHAO, acknowledge, addendum, inEveryArrivalOrder, noteData, replica, sections, shanghai, submit } from './harness';

const T = shanghai('2026-01-05', '15:50');

function stateOf(ops: readonly Op[], id = 'h1'): HandoverState {
  return replica(ops).get(handover, id)!;
}

describe('a submitted handover note', () => {
  it('is the first submission, with author, shift, sections and time', () => {
    const wang = new TestDevice(ALICE);
    const op = submit(wang, T, 'h1');
    const state = stateOf([op]);
    expect(state.note).toEqual({ ...noteData(), opId: op.id, hlc: op.hlc });
    expect(state.addenda).toEqual([]);
    expect(state.acknowledgements).toEqual([]);
  });

  it('cannot be edited: a later submission to the same note changes nothing, in any arrival order', () => {
    const wang = new TestDevice(ALICE);
    const first = submit(wang, T, 'h1');
    const rewrite = submit(wang, T + MINUTE, 'h1', noteData({ sections: sections({ summary: '改写：什么也没发生。' }) }));
    for (const ops of [
      [first, rewrite],
      [rewrite, first],
    ]) {
      const state = stateOf(ops);
      expect(state.note?.sections.summary).toBe('本班正常，微博发布两条。');
      expect(state.ignoredOps).toEqual([rewrite.id]);
    }
  });

  it('takes addenda (补充说明) in order, each with author and time; a correction keeps the original', () => {
    const [wang, li] = [new TestDevice(ALICE), new TestDevice(BOB)];
    const note = submit(wang, T, 'h1');
    const first = addendum(wang, T + 10 * MINUTE, 'h1', WANG, '补充：客服部已回电粉丝。');
    const second = addendum(li, T + 20 * MINUTE, 'h1', LI, '晚班已确认物流单号。');
    const fix = addendum(wang, T + 30 * MINUTE, 'h1', WANG, '补充：客服部已回电并致歉。', first.id);
    const state = stateOf([fix, second, note, first]);
    expect(state.addenda.map((entry) => [entry.opId, entry.author.name, entry.text, entry.at])).toEqual([
      [first.id, '王丽', '补充：客服部已回电并致歉。', T + 30 * MINUTE],
      [second.id, '李强', '晚班已确认物流单号。', T + 20 * MINUTE],
    ]);
    expect(state.addenda[0]!.revisions.map((revision) => revision.text)).toEqual(['补充：客服部已回电粉丝。', '补充：客服部已回电并致歉。']);
    // The note itself is untouched.
    expect(state.note?.sections.summary).toBe('本班正常，微博发布两条。');
  });

  it('a correction whose addendum has not arrived is shown, not dropped', () => {
    const wang = new TestDevice(ALICE);
    const first = addendum(wang, T, 'h1', WANG, 'a');
    const fix = addendum(wang, T + MINUTE, 'h1', WANG, 'b', first.id);
    expect(stateOf([submit(wang, T - MINUTE, 'h1'), fix]).orphanAddenda.map((entry) => entry.text)).toEqual(['b']);
  });

  it('records who acknowledged (签收) and when: the first time per person, never the author', () => {
    const [wang, li, zhao] = [new TestDevice(ALICE), new TestDevice(BOB), new TestDevice(CAROL)];
    const note = submit(wang, T, 'h1');
    const byLi = acknowledge(li, shanghai('2026-01-05', '16:05'), 'h1', LI);
    const again = acknowledge(li, shanghai('2026-01-05', '16:30'), 'h1', LI);
    const byZhao = acknowledge(zhao, shanghai('2026-01-05', '16:10'), 'h1', ZHAO);
    const own = acknowledge(wang, shanghai('2026-01-05', '16:01'), 'h1', WANG);
    const state = stateOf([again, byZhao, own, note, byLi]);
    expect(state.acknowledgements.map((ack) => [ack.by.name, ack.at])).toEqual([
      ['李强', shanghai('2026-01-05', '16:05')],
      ['赵敏', shanghai('2026-01-05', '16:10')],
    ]);
    expect([...state.ignoredOps].sort()).toEqual([again.id, own.id].sort());
  });

  it('an acknowledgement arriving before its note is kept and counts once the note is there', () => {
    const [wang, li] = [new TestDevice(ALICE), new TestDevice(BOB)];
    const ack = acknowledge(li, T + MINUTE, 'h1', LI);
    const early = replica([ack]).get(handover, 'h1')!;
    expect(isSubmitted(early)).toBe(false);
    expect(early.acknowledgements).toHaveLength(1);
    expect(stateOf([ack, submit(wang, T, 'h1')]).acknowledgements.map((entry) => entry.by.memberId)).toEqual([LI.memberId]);
  });

  it('two people writing for the same shift: both notes kept and listed together, never merged', () => {
    const [wang, zhao] = [new TestDevice(ALICE), new TestDevice(CAROL)];
    const byWang = submit(wang, T, 'h-wang');
    const byZhao = submit(zhao, T + 1000, 'h-zhao', noteData({ author: ZHAO, sections: sections({ fans: '粉丝投诉已升级客服部。' }) }));
    const view = replica([byZhao, byWang]);
    const notes = handoversForShift(view.list(handover).map((entry) => entry.state), { date: '2026-01-05', shiftTypeId: 'early' });
    expect(notes.map((state) => [state.id, state.note.author.name])).toEqual([
      ['h-wang', '王丽'],
      ['h-zhao', '赵敏'],
    ]);
    expect(notes[0]!.note.sections.fans).toBe('');
    expect(notes[1]!.note.sections.summary).toBe('');
  });

  it('folds to the same state whatever order and batches the ops arrive in', () => {
    const [wang, li, zhao] = [new TestDevice(ALICE), new TestDevice(BOB), new TestDevice(CAROL)];
    const first = addendum(wang, T + 2 * MINUTE, 'h1', WANG, 'x');
    const ops = [
      submit(wang, T, 'h1'),
      submit(li, T + 5, 'h1', noteData({ author: LI })),
      acknowledge(li, T + MINUTE, 'h1', LI),
      acknowledge(zhao, T + MINUTE, 'h1', ZHAO),
      acknowledge(wang, T + MINUTE, 'h1', WANG),
      first,
      addendum(li, T + 3 * MINUTE, 'h1', LI, 'y'),
      addendum(wang, T + 4 * MINUTE, 'h1', WANG, 'z', first.id),
      submit(zhao, T, 'h2', noteData({ author: ZHAO })),
    ];
    inEveryArrivalOrder(ops);
  });

  it('refuses an op that breaks the limits or the shapes', () => {
    const wang = new TestDevice(ALICE);
    const state = replica();
    const result = state.apply([
      wang.op(T, 'handover.submitted', 'handover:h1', { ...noteData({ sections: sections({ summary: 'x'.repeat(20_001) }) }) }),
      wang.op(T, 'handover.submitted', 'handover:h2', { ...noteData({ date: '2026-02-30' }) }),
      wang.op(T, 'handover.addendum', 'handover:h1', { text: '   ', author: WANG, at: T }),
      wang.op(T, 'handover.acknowledged', 'handover:h1', { by: { memberId: '', name: '' }, at: T }),
    ]);
    expect(result.invalid).toHaveLength(4);
  });
});
