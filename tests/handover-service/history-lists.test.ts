import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { alice, joinBob, teamWithAlice, withText } from './helpers';

/** The history's lists are kept between page requests: each must follow every change, here and from elsewhere. */
describe('the history lists of the handover service', () => {
  it('follow notes written here, and acknowledgements and closed follow-ups from another computer', async () => {
    const a = await teamWithAlice();
    const first = await a.service.submit(withText(a.service.getDraft().draft, { summary: '早班一切正常' }));
    if (!first.ok) throw new Error(JSON.stringify(first.issues));
    const excerpts = () => a.service.listHandovers({}, 0, 10).items.map((item) => item.excerpt);
    expect(excerpts()).toEqual(['早班一切正常']);
    expect(a.service.listHandovers({ hasOpenFollowUps: true }, 0, 10).total).toBe(0);

    const followUp = { draftId: 'f1', title: '跟进差评', owner: alice, dueAt: Date.now() + 3_600_000, category: 'other' as const, departmentId: null, escalation: null };
    const draft = withText(a.service.getDraft().draft, { summary: '晚班有一条差评' });
    const second = await a.service.submit({ ...draft, followUps: [followUp] });
    if (!second.ok) throw new Error(JSON.stringify(second.issues));
    expect(a.service.listHandovers({}, 0, 10).total).toBe(2);
    // Both are notes of this shift: listed in the order they were submitted.
    expect(a.service.listHandovers({}, 1, 1).items.map((item) => item.id)).toEqual([second.id]);
    expect(a.service.listHandovers({ hasOpenFollowUps: true }, 0, 10).items.map((item) => item.id)).toEqual([second.id]);
    expect(a.service.listHandovers({ unacknowledged: true }, 0, 10).total).toBe(2);

    await a.sync.syncNow();
    const b = await joinBob(join(a.sharedDir, '..'), a.sharedDir);
    b.service.acknowledge(first.id);
    const [open] = b.service.listFollowUps('running').items;
    expect(b.service.updateFollowUp(open!.id, { status: 'done' }).ok).toBe(true);
    await b.sync.syncNow();
    await a.sync.syncNow();
    expect(a.service.listHandovers({ unacknowledged: true }, 0, 10).items.map((item) => item.id)).toEqual([second.id]);
    expect(a.service.listHandovers({ hasOpenFollowUps: true }, 0, 10).total).toBe(0);
    expect(a.service.getShiftContext().unacknowledgedCount).toBe(1);
  });
});
