import { describe, expect, it } from 'vitest';
import { followUp, followUpConflicts, followUpHistory, type FollowUpState } from '../../shared/handover';
import type { Op } from '../../shared/sync';
import { ALICE, BOB, CAROL, TestDevice } from '../sync/devices';
import { HOUR, LI, MINUTE, WANG, ZHAO, createFollowUp, editFollowUp, inEveryArrivalOrder, replica, shanghai } from './harness';

const T = shanghai('2026-01-05', '10:00');
const LI_DUE = shanghai('2026-01-06', '12:00');
const ZHAO_DUE = shanghai('2026-01-06', '18:00');

const stateOf = (ops: readonly Op[]): FollowUpState => replica(ops).get(followUp, 'f1')!;

/** Wang creates; Li and Zhao, each having seen only the creation, change the due time and the owner. */
function bothChanged() {
  const [wang, li, zhao] = [new TestDevice(ALICE), new TestDevice(BOB), new TestDevice(CAROL)];
  const created = createFollowUp(wang, T, 'f1');
  const seen = replica([created]);
  const byLi = editFollowUp(li, seen, T + HOUR, 'f1', LI, { dueAt: LI_DUE, owner: LI });
  const byZhao = editFollowUp(zhao, seen, T + HOUR + 5 * MINUTE, 'f1', ZHAO, { dueAt: ZHAO_DUE, owner: ZHAO });
  return { wang, li, created, byLi, byZhao, ops: [created, byLi, byZhao] };
}

describe('conflicts of a follow-up, as a person decides them', () => {
  it('lists per field the winning value and the other one, each with who and when', () => {
    const { byLi, byZhao, ops } = bothChanged();
    expect(followUpConflicts(stateOf(ops))).toEqual([
      {
        field: 'owner',
        winner: { value: ZHAO, hlc: byZhao.hlc, by: ZHAO, at: T + HOUR + 5 * MINUTE },
        others: [{ value: LI, hlc: byLi.hlc, by: LI, at: T + HOUR }],
      },
      {
        field: 'dueAt',
        winner: { value: ZHAO_DUE, hlc: byZhao.hlc, by: ZHAO, at: T + HOUR + 5 * MINUTE },
        others: [{ value: LI_DUE, hlc: byLi.hlc, by: LI, at: T + HOUR }],
      },
    ]);
  });

  it('keeping the value that lost resolves that field; the other field stays in conflict until chosen too', () => {
    const { wang, ops } = bothChanged();
    const keepDue = editFollowUp(wang, replica(ops), T + 2 * HOUR, 'f1', WANG, { dueAt: LI_DUE });
    const halfway = stateOf([...ops, keepDue]);
    expect(halfway.current?.dueAt).toBe(LI_DUE);
    expect(followUpConflicts(halfway).map((conflict) => conflict.field)).toEqual(['owner']);
    expect(halfway.hasConflicts).toBe(true);

    const keepOwner = editFollowUp(wang, replica([...ops, keepDue]), T + 2 * HOUR + MINUTE, 'f1', WANG, { owner: ZHAO });
    const resolved = stateOf([...ops, keepDue, keepOwner]);
    expect(resolved.current).toMatchObject({ dueAt: LI_DUE, owner: ZHAO });
    expect(followUpConflicts(resolved)).toEqual([]);
    expect(resolved.hasConflicts).toBe(false);
  });

  it('after the resolution the history still shows both changes, and the resolution as one', () => {
    const { wang, byLi, byZhao, ops } = bothChanged();
    const keep = editFollowUp(wang, replica(ops), T + 2 * HOUR, 'f1', WANG, { dueAt: LI_DUE, owner: ZHAO });
    const updates = followUpHistory(stateOf([...ops, keep])).filter((entry) => entry.event === 'updated');
    expect(updates.map((entry) => [entry.opId, entry.by.name, entry.changes, entry.conflicting, entry.resolved])).toEqual([
      [byLi.id, '李强', { dueAt: LI_DUE, owner: LI }, [], []],
      [byZhao.id, '赵敏', { dueAt: ZHAO_DUE, owner: ZHAO }, [], []],
      [keep.id, '王丽', { dueAt: LI_DUE, owner: ZHAO }, [], ['owner', 'dueAt']],
    ]);
    // Before it, Li's change is the one marked as not applied.
    const before = followUpHistory(stateOf(ops)).find((entry) => entry.opId === byLi.id);
    expect(before).toMatchObject({ conflicting: ['owner', 'dueAt'], resolved: [] });
  });

  it('every computer shows the same resolved state, whatever order the files arrive in', () => {
    const { wang, ops } = bothChanged();
    const all = [...ops, editFollowUp(wang, replica(ops), T + 2 * HOUR, 'f1', WANG, { dueAt: LI_DUE, owner: LI })];
    inEveryArrivalOrder(all, (state) => expect(state.get(followUp, 'f1')?.hasConflicts).toBe(false));
  });

  it('a computer whose clock is behind both changes still resolves: what it folded moves its clock', () => {
    const { li, ops, byZhao } = bothChanged();
    li.receive(ops, T);
    // Li's clock reads a day early; the resolution must still sort after Zhao's change.
    const keep = editFollowUp(li, replica(ops), T - 24 * HOUR, 'f1', LI, { dueAt: ZHAO_DUE, owner: LI });
    expect(keep.hlc > byZhao.hlc).toBe(true);
    const state = stateOf([...ops, keep]);
    expect(state.current).toMatchObject({ dueAt: ZHAO_DUE, owner: LI });
    expect(state.hasConflicts).toBe(false);
  });

  it('a later change by someone who had not seen the conflict does not resolve it', () => {
    const { ops, byLi, byZhao } = bothChanged();
    const late = new TestDevice('dddddddddddddddddddddddddd');
    const unaware = editFollowUp(late, replica([ops[0]!]), T + 3 * HOUR, 'f1', WANG, { dueAt: ZHAO_DUE + HOUR });
    const conflict = followUpConflicts(stateOf([...ops, unaware])).find((entry) => entry.field === 'dueAt');
    expect(conflict?.winner.hlc).toBe(unaware.hlc);
    expect(conflict?.others.map((write) => write.hlc)).toEqual([byLi.hlc, byZhao.hlc]);
  });
});
