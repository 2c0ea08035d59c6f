import { describe, expect, it } from 'vitest';
import type { Op, SyncState } from '../../shared/sync';
import { ALICE, BOB, CAROL, MONDAY_9AM, TestDevice } from './devices';
import { prizeRequest } from './example-capabilities';
import { nodeCrypto } from './node-crypto';
import { replica } from './note-harness';

const ENTITY = 'prizeRequest:p1';

function event(device: TestDevice, view: SyncState, wallMs: number, type: string, data: Record<string, unknown> = {}): Op {
  return device.op(wallMs, type, ENTITY, { ...data, seen: view.heads(ENTITY) });
}

function everywhere(ops: Op[]) {
  const forward = replica(ops);
  const backward = replica([...ops].reverse());
  expect(forward.stateHash(nodeCrypto)).toBe(backward.stateHash(nodeCrypto));
  return forward.get(prizeRequest, 'p1')!;
}

describe('workflow: prize request', () => {
  const alice = new TestDevice(ALICE);
  const bob = new TestDevice(BOB);
  const carol = new TestDevice(CAROL);
  const requested = event(alice, replica(), MONDAY_9AM, 'prize.requested', { amount: 300 });

  it('follows its rules for sequential decisions', () => {
    const approved = event(bob, replica([requested]), MONDAY_9AM + 10, 'prize.approved');
    const paid = event(carol, replica([requested, approved]), MONDAY_9AM + 20, 'prize.paid');
    expect(everywhere([requested, approved, paid])).toEqual({
      status: 'paid',
      amount: 300,
      outOfTurn: [],
      needsReview: false,
      clashes: [],
    });
  });

  it('approve and reject at the same time: needs review on every device', () => {
    const seen = replica([requested]);
    const approved = event(bob, seen, MONDAY_9AM + 10, 'prize.approved');
    const rejected = event(carol, seen, MONDAY_9AM + 11, 'prize.rejected', { reason: 'over budget' });
    expect(everywhere([requested, approved, rejected])).toMatchObject({
      needsReview: true,
      clashes: [[approved.id, rejected.id]],
    });
  });

  it('paid twice: needs review, even when a later event made one payer look up to date', () => {
    const approved = event(bob, replica([requested]), MONDAY_9AM + 10, 'prize.approved');
    const afterApproval = replica([requested, approved]);
    const paidByBob = event(bob, afterApproval, MONDAY_9AM + 20, 'prize.paid');
    // Carol gets Alice's newer comment before Bob's older payment, and pays too. Comparing
    // timestamps would say Carol had seen the payment; the seen links say she had not.
    const aliceNote = event(alice, afterApproval, MONDAY_9AM + 30, 'prize.commented', { text: 'winner confirmed' });
    const paidByCarol = event(carol, replica([requested, approved, aliceNote]), MONDAY_9AM + 40, 'prize.paid');
    expect(everywhere([requested, approved, paidByBob, aliceNote, paidByCarol])).toMatchObject({
      needsReview: true,
      clashes: [[paidByBob.id, paidByCarol.id]],
    });
  });

  it('two concurrent approvals agree and need no review', () => {
    const seen = replica([requested]);
    const a = event(bob, seen, MONDAY_9AM + 10, 'prize.approved');
    const b = event(carol, seen, MONDAY_9AM + 10, 'prize.approved');
    expect(everywhere([requested, a, b])).toMatchObject({ status: 'approved', needsReview: false, outOfTurn: [b.id] });
  });

  it('a decision made having seen the other is the rules\' business, not a review', () => {
    const approved = event(bob, replica([requested]), MONDAY_9AM + 10, 'prize.approved');
    const rejected = event(carol, replica([requested, approved]), MONDAY_9AM + 20, 'prize.rejected', { reason: 'late' });
    expect(everywhere([requested, approved, rejected])).toMatchObject({
      status: 'approved',
      needsReview: false,
      outOfTurn: [rejected.id],
    });
  });
});
