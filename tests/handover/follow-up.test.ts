import { describe, expect, it } from 'vitest';
import { followUp, followUpHistory, type FollowUpState } from '../../shared/handover';
import type { Op } from '../../shared/sync';
import { ALICE, BOB, CAROL, TestDevice } from '../sync/devices';
import { HOUR, LI, MINUTE, WANG, ZHAO, comment, createFollowUp, editFollowUp, followUpData, inEveryArrivalOrder, replica, shanghai } from './harness';

const T = shanghai('2026-01-05', '10:00');

function stateOf(ops: readonly Op[], id = 'f1'): FollowUpState {
  return replica(ops).get(followUp, id)!;
}

/** Alice creates; Bob and Carol both saw only the creation, then change it offline. */
function concurrentEdits() {
  const [wang, li, zhao] = [new TestDevice(ALICE), new TestDevice(BOB), new TestDevice(CAROL)];
  const created = createFollowUp(wang, T, 'f1');
  const seen = replica([created]);
  const done = editFollowUp(li, seen, T + HOUR, 'f1', LI, { status: 'done' });
  const waiting = editFollowUp(zhao, seen, T + HOUR + 5 * MINUTE, 'f1', ZHAO, { status: 'waiting', department: 'customer-service' });
  return { wang, created, done, waiting };
}

describe('a follow-up', () => {
  it('starts open with what it was created with', () => {
    const wang = new TestDevice(ALICE);
    const created = createFollowUp(wang, T, 'f1');
    expect(stateOf([created]).current).toEqual({
      title: '回复粉丝关于物流的私信',
      owner: WANG,
      dueAt: shanghai('2026-01-05', '18:00'),
      status: 'open',
      department: null,
      category: 'other',
      handoverId: null,
      escalation: null,
      createdBy: WANG,
      createdAt: T,
    });
  });

  it('edits win by last writer, field by field, and every edit is in the history with who and when', () => {
    const [wang, li] = [new TestDevice(ALICE), new TestDevice(BOB)];
    const created = createFollowUp(wang, T, 'f1');
    const retitled = editFollowUp(wang, replica([created]), T + MINUTE, 'f1', WANG, { title: '回复粉丝私信（物流延误）' });
    const handedOn = editFollowUp(li, replica([created, retitled]), T + 2 * MINUTE, 'f1', LI, { owner: LI, status: 'waiting' });
    const state = stateOf([handedOn, created, retitled]);
    expect(state.current).toMatchObject({ title: '回复粉丝私信（物流延误）', owner: LI, status: 'waiting' });
    expect(state.hasConflicts).toBe(false);
    expect(followUpHistory(state).map((entry) => [entry.event, entry.by.name, entry.at])).toEqual([
      ['created', '王丽', T],
      ['updated', '王丽', T + MINUTE],
      ['updated', '李强', T + 2 * MINUTE],
    ]);
  });

  it('concurrent changes resolve the same way in any arrival order, and the history shows both', () => {
    const { created, done, waiting } = concurrentEdits();
    const ops = [created, done, waiting];
    inEveryArrivalOrder(ops);
    const state = replica(ops).get(followUp, 'f1')!;
    // Zhao wrote later: waiting wins, Li's 'done' stays visible as a conflict.
    expect(state.current?.status).toBe('waiting');
    expect(state.current?.department).toBe('customer-service');
    expect(state.fields.status?.conflicts).toEqual([{ value: 'done', hlc: done.hlc }]);
    expect(state.hasConflicts).toBe(true);
    expect(followUpHistory(state).filter((entry) => entry.event === 'updated')).toEqual([
      { opId: done.id, hlc: done.hlc, by: LI, at: T + HOUR, event: 'updated', changes: { status: 'done' }, conflicting: ['status'], resolved: [] },
      {
        opId: waiting.id,
        hlc: waiting.hlc,
        by: ZHAO,
        at: T + HOUR + 5 * MINUTE,
        event: 'updated',
        changes: { status: 'waiting', department: 'customer-service' },
        conflicting: [],
        resolved: [],
      },
    ]);
  });

  it('a person who has seen both resolves the conflict by writing again', () => {
    const { wang, created, done, waiting } = concurrentEdits();
    const resolved = editFollowUp(wang, replica([created, done, waiting]), T + 2 * HOUR, 'f1', WANG, { status: 'done' });
    const state = stateOf([created, done, waiting, resolved]);
    expect(state.current?.status).toBe('done');
    expect(state.hasConflicts).toBe(false);
    expect(followUpHistory(state).at(-1)).toMatchObject({ opId: resolved.id, event: 'updated', conflicting: [], resolved: ['status'] });
  });

  it('clearing the department is a value, not a return to the one it was created with', () => {
    const wang = new TestDevice(ALICE);
    const created = createFollowUp(wang, T, 'f1', followUpData({ department: 'marketing' }));
    const cleared = editFollowUp(wang, replica([created]), T + MINUTE, 'f1', WANG, { department: null });
    expect(stateOf([created, cleared]).current?.department).toBeNull();
  });

  it('keeps comments append-only, corrections with the original', () => {
    const [wang, li] = [new TestDevice(ALICE), new TestDevice(BOB)];
    const created = createFollowUp(wang, T, 'f1');
    const first = comment(li, T + MINUTE, 'f1', LI, '已联系客服部');
    const fix = li.op(T + 2 * MINUTE, 'followUp.commented', 'followUp:f1', { text: '已联系客服部张经理', by: LI, at: T + 2 * MINUTE, corrects: first.id });
    const state = stateOf([fix, first, created]);
    expect(state.comments.map((entry) => [entry.opId, entry.text, entry.revisions.length])).toEqual([[first.id, '已联系客服部张经理', 2]]);
    expect(followUpHistory(state).filter((entry) => entry.event === 'commented')).toHaveLength(2);
  });

  it('an edit arriving before the creation is kept; the follow-up appears when the creation does', () => {
    const [wang, li] = [new TestDevice(ALICE), new TestDevice(BOB)];
    const created = createFollowUp(wang, T, 'f1');
    const edit = editFollowUp(li, replica([created]), T + MINUTE, 'f1', LI, { status: 'done' });
    expect(stateOf([edit]).current).toBeNull();
    expect(stateOf([edit, created]).current?.status).toBe('done');
  });

  it('a second creation under the same id is ignored', () => {
    const [wang, li] = [new TestDevice(ALICE), new TestDevice(BOB)];
    const created = createFollowUp(wang, T, 'f1');
    const again = createFollowUp(li, T + MINUTE, 'f1', followUpData({ title: '另一件事' }));
    const state = stateOf([again, created]);
    expect(state.current?.title).toBe('回复粉丝关于物流的私信');
    expect(state.ignoredOps).toEqual([again.id]);
    expect(followUpHistory(state).map((entry) => entry.opId)).toEqual([created.id]);
  });

  it('escalation details go with the escalation category, and only with it', () => {
    const wang = new TestDevice(ALICE);
    const escalation = {
      escalatedBy: WANG,
      escalatedAt: T,
      department: 'customer-service',
      weiboLink: 'https://weibo.com/1234567890/AbCdEfGhI',
      deadlineAt: T + 2 * HOUR,
    };
    const state = replica();
    const result = state.apply([
      createFollowUp(wang, T, 'ok', followUpData({ category: 'escalation', escalation })),
      wang.op(T, 'followUp.created', 'followUp:no-details', { ...followUpData({ category: 'escalation' }) }),
      wang.op(T, 'followUp.created', 'followUp:not-escalation', { ...followUpData({ category: 'content', escalation }) }),
      wang.op(T, 'followUp.created', 'followUp:bad-link', {
        ...followUpData({ category: 'escalation', escalation: { ...escalation, weiboLink: 'weibo.com/123' } }),
      }),
    ]);
    expect(result.invalid.map((entry) => entry.op.entity)).toEqual(['followUp:no-details', 'followUp:not-escalation', 'followUp:bad-link']);
    expect(state.get(followUp, 'ok')?.current).toMatchObject({ category: 'escalation', department: 'customer-service', escalation });
  });
});
