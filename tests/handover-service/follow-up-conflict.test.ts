import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { alice, bob, joinBob, teamWithAlice } from './helpers';

const HOUR = 3_600_000;

describe('one follow-up changed on two computers at once', () => {
  it('both show the same conflict; keeping one value resolves it on both, and the history keeps every change', async () => {
    const a = await teamWithAlice();
    const created = a.service.createFollowUp({
      title: '客服回复差评',
      owner: bob,
      dueAt: Date.now() + 4 * HOUR,
      category: 'other',
      departmentId: null,
      escalation: null,
    });
    if (!created.ok) throw new Error(JSON.stringify(created.issues));
    await a.sync.syncNow();
    const b = await joinBob(join(a.sharedDir, '..'), a.sharedDir);
    expect(b.service.getFollowUp(created.id).owner).toEqual(bob);

    // Neither has read the other's change when making its own.
    const aliceDue = Date.now() + 6 * HOUR;
    const bobDue = Date.now() + 8 * HOUR;
    expect(a.service.updateFollowUp(created.id, { dueAt: aliceDue, owner: alice }).ok).toBe(true);
    expect(b.service.updateFollowUp(created.id, { dueAt: bobDue }).ok).toBe(true);
    await a.sync.syncNow();
    await b.sync.syncNow();
    await a.sync.syncNow();

    const onA = a.service.getFollowUp(created.id);
    const onB = b.service.getFollowUp(created.id);
    expect(onA.hasConflicts).toBe(true);
    expect(onA.conflicts).toEqual(onB.conflicts);
    const [dueConflict, ...rest] = onA.conflicts;
    expect(rest).toEqual([]);
    if (dueConflict?.field !== 'dueAt') throw new Error(`expected a due time conflict, got ${JSON.stringify(onA.conflicts)}`);
    const values = [dueConflict.winner, ...dueConflict.others].map((write) => [write.value, write.by.name]);
    expect(values).toHaveLength(2);
    expect(values).toEqual(expect.arrayContaining([[aliceDue, '小林'], [bobDue, '老王']]));
    expect(b.service.listFollowUps('running').items[0]?.hasConflicts).toBe(true);

    // Bob keeps the value that lost on every computer.
    const loser = dueConflict.others[0]!.value;
    expect(b.service.updateFollowUp(created.id, { dueAt: loser }).ok).toBe(true);
    await b.sync.syncNow();
    await a.sync.syncNow();
    for (const computer of [a, b]) {
      const detail = computer.service.getFollowUp(created.id);
      expect(detail).toMatchObject({ dueAt: loser, owner: alice, hasConflicts: false, conflicts: [] });
      const updates = detail.history.filter((entry) => entry.event === 'updated');
      expect(updates.map((entry) => [entry.by.name, entry.resolved])).toEqual(
        expect.arrayContaining([['小林', []], ['老王', []], ['老王', ['dueAt']]]),
      );
      expect(updates).toHaveLength(3);
    }
  });

  it('a due time moved into the past is refused with its code; nothing is written', async () => {
    const a = await teamWithAlice();
    const created = a.service.createFollowUp({ title: '发布活动预告', owner: alice, dueAt: Date.now() + HOUR, category: 'campaign', departmentId: null, escalation: null });
    if (!created.ok) throw new Error(JSON.stringify(created.issues));
    expect(a.service.updateFollowUp(created.id, { dueAt: Date.now() - HOUR })).toMatchObject({ ok: false, issues: [{ code: 'due-in-past', path: ['dueAt'] }] });
    expect(a.service.getFollowUp(created.id).history.map((entry) => entry.event)).toEqual(['created']);
  });
});
