import { existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_SECTION_CHARS } from '../../shared/handover';
import { alice, bob, closeComputer, joinBob, openComputer, pngBytes, teamWithAlice, withText } from './helpers';

describe('handover service on a real sync service', () => {
  it('submits a note: listed, searchable in Chinese, the draft gone only after the ops are recorded', async () => {
    const a = await teamWithAlice();
    const { draft } = a.service.getDraft();
    const typed = withText(draft, { summary: '微博投诉两条，已交接班', fans: '粉丝私信 3 条' });
    await a.service.saveDraft(typed);
    expect(a.service.getDraft()).toMatchObject({ saved: true, draft: { sections: { summary: '微博投诉两条，已交接班' } } });

    const result = await a.service.submit(typed);
    expect(result).toMatchObject({ ok: true, queued: false });
    expect(a.service.getDraft().saved).toBe(false);
    const list = a.service.listHandovers({}, 0, 10);
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({ author: alice, excerpt: '微博投诉两条，已交接班' });
    for (const word of ['微博', '投诉', '交接班']) {
      expect(a.service.searchHandovers(word, 10).hits.map((hit) => hit.kind)).toEqual(['handover']);
    }
    expect(a.service.searchHandovers('微信', 10).hits).toEqual([]);
  });

  it('refuses an empty or oversized note with codes, keeping everything typed', async () => {
    const a = await teamWithAlice();
    const { draft } = a.service.getDraft();
    expect(await a.service.submit(draft)).toMatchObject({ ok: false, issues: [{ code: 'all-sections-empty' }] });
    const huge = withText(draft, { posts: '长'.repeat(MAX_SECTION_CHARS + 1) });
    const result = await a.service.submit(huge);
    expect(result).toMatchObject({ ok: false, issues: [{ code: 'too-long', path: ['sections', 'posts'], params: { max: MAX_SECTION_CHARS } }] });
    expect(a.service.getDraft().draft.sections.posts).toHaveLength(MAX_SECTION_CHARS + 1);
    expect(a.service.listHandovers({}, 0, 10).total).toBe(0);
  });

  it('keeps a draft across a restart of the computer', async () => {
    const a = await teamWithAlice();
    const typed = withText(a.service.getDraft().draft, { nextShift: '晚班注意：10 点有直播' });
    await a.service.saveDraft(typed);
    await closeComputer(a);
    const again = openComputer(a.profileDir, a.sharedDir, alice);
    await again.sync.ready;
    expect(again.service.getDraft()).toMatchObject({ saved: true, draft: { sections: { nextShift: '晚班注意：10 点有直播' } } });
  });

  it('does not bring back a submitted draft with an autosave that arrives late', async () => {
    const a = await teamWithAlice();
    const typed = withText(a.service.getDraft().draft, { summary: '正常' });
    await a.service.submit(typed);
    await a.service.saveDraft(typed);
    expect(a.service.getDraft().saved).toBe(false);
  });

  it('carries a follow-up to the next note until it is done; another computer acknowledges; addenda append', async () => {
    // Mid early shift (11:00 in Shanghai): run at 00:30 there, the proposed note would be the
    // late shift that has just ended, which rightly carries no follow-up created after it.
    const started = Date.now();
    const clock = () => Date.UTC(2026, 10, 27, 3, 0) + (Date.now() - started);
    const a = await teamWithAlice(clock);
    const now = clock();
    const draft = withText(a.service.getDraft().draft, { summary: '有一条投诉升级' });
    const withFollowUp = {
      ...draft,
      followUps: [
        {
          draftId: 'f1',
          title: '跟进客服回复',
          owner: alice,
          dueAt: null,
          category: 'escalation' as const,
          departmentId: 'customer-service',
          escalation: { weiboLink: 'https://weibo.com/123/abc', screenshotSha256: null, escalatedAt: null },
        },
      ],
    };
    const submitted = await a.service.submit(withFollowUp);
    if (!submitted.ok) throw new Error(JSON.stringify(submitted.issues));
    const [open] = a.service.listFollowUps('running').items;
    expect(open).toMatchObject({ title: '跟进客服回复', category: 'escalation', overdue: false, handoverId: submitted.id });
    expect(open!.escalation!.deadlineAt - open!.escalation!.escalatedAt).toBe(120 * 60_000);
    expect(a.service.getDraft().draft.carriedFollowUpIds).toEqual([open!.id]);
    expect(a.service.getShiftContext().openFollowUps.map((item) => item.id)).toEqual([open!.id]);

    await a.sync.syncNow();
    const b = await joinBob(join(a.sharedDir, '..'), a.sharedDir, clock);
    const detail = b.service.getHandover(submitted.id);
    expect(detail).toMatchObject({ canAcknowledge: true, followUps: [{ id: open!.id }] });
    expect(b.service.acknowledge(submitted.id)).toEqual({ acknowledged: true, queued: false });
    expect(b.service.acknowledge(submitted.id).acknowledged).toBe(false);
    expect(b.service.addAddendum(submitted.id, '补充：客服已回复', []).ok).toBe(true);
    expect(b.service.addAddendum(submitted.id, '   ', [])).toMatchObject({ ok: false, issues: [{ code: 'required' }] });
    expect(b.service.updateFollowUp(open!.id, { status: 'done' }).ok).toBe(true);
    expect(b.service.updateFollowUp(open!.id, { dueAt: now - 3_600_000 })).toMatchObject({ ok: false, issues: [{ code: 'due-in-past' }] });
    expect(b.service.comment(open!.id, '已关闭').ok).toBe(true);
    await b.sync.syncNow();

    await a.sync.syncNow();
    const seen = a.service.getHandover(submitted.id);
    expect(seen.acknowledgements.map((ack) => ack.by)).toEqual([bob]);
    expect(seen.addenda.map((addendum) => [addendum.author.name, addendum.text])).toEqual([['老王', '补充：客服已回复']]);
    expect(seen.canAcknowledge).toBe(false);
    expect(a.service.acknowledge(submitted.id).acknowledged).toBe(false);
    expect(a.service.getFollowUp(open!.id).history.map((entry) => entry.event)).toEqual(['created', 'updated', 'commented']);
    expect(a.service.listFollowUps('running').items).toEqual([]);
    expect(a.service.getDraft().draft.carriedFollowUpIds).toEqual([]);
    expect(a.service.listHandovers({ unacknowledged: true }, 0, 10).total).toBe(0);
  });

  it('shows someone in early for the 08:00 shift the night note as the previous shift', async () => {
    let at = Date.UTC(2026, 10, 26, 15, 30); // 23:30 in Shanghai, late shift of 26 November
    const clock = () => at;
    const a = await teamWithAlice(clock);
    const submitted = await a.service.submit(withText(a.service.getDraft().draft, { summary: '夜里舆情平稳' }));
    if (!submitted.ok) throw new Error(JSON.stringify(submitted.issues));
    await a.sync.syncNow();
    at = Date.UTC(2026, 10, 26, 23, 50); // 07:50 in Shanghai: no shift under way yet
    const b = await joinBob(join(a.sharedDir, '..'), a.sharedDir, clock);
    const context = b.service.getShiftContext();
    expect(context.current).toBeNull();
    expect(context.previous?.shift).toEqual({ date: '2026-11-26', shiftTypeId: 'late' });
    expect(context.previous?.notes.map((note) => note.id)).toEqual([submitted.id]);
  });

  it('shows an escalation past its deadline as overdue, first', async () => {
    const a = await teamWithAlice();
    const made = a.service.createFollowUp({
      title: '差评投诉',
      owner: alice,
      dueAt: null,
      category: 'escalation',
      departmentId: 'legal',
      // Escalated three hours ago, recorded now: the two-hour deadline has passed.
      escalation: { weiboLink: 'https://weibo.com/1/x', screenshotSha256: null, escalatedAt: Date.now() - 3 * 3_600_000 },
    });
    const later = a.service.createFollowUp({
      title: '活动奖品寄送',
      owner: alice,
      dueAt: Date.now() + 86_400_000,
      category: 'campaign',
      departmentId: null,
      escalation: null,
    });
    expect(made.ok && later.ok).toBe(true);
    const items = a.service.listFollowUps('running').items;
    expect(items.map((item) => [item.title, item.overdue])).toEqual([
      ['差评投诉', true],
      ['活动奖品寄送', false],
    ]);
    expect(items[0]!.escalationState).toMatchObject({ overdue: true, running: true });
    expect(a.service.createFollowUp({ title: '', owner: null, dueAt: null, category: 'other', departmentId: null, escalation: null })).toMatchObject({
      ok: false,
      issues: [{ code: 'required' }, { code: 'required' }, { code: 'required' }],
    });
  });

  it('lists a note\'s follow-ups overdue first, whatever order they were written in', async () => {
    const a = await teamWithAlice();
    const later = { draftId: 'later', title: '活动奖品寄送', owner: alice, dueAt: Date.now() + 86_400_000, category: 'campaign' as const, departmentId: null, escalation: null };
    const late = {
      draftId: 'late',
      title: '差评投诉',
      owner: alice,
      dueAt: null,
      category: 'escalation' as const,
      departmentId: 'legal',
      escalation: { weiboLink: 'https://weibo.com/1/x', screenshotSha256: null, escalatedAt: Date.now() - 3 * 3_600_000 },
    };
    const draft = { ...withText(a.service.getDraft().draft, { summary: '两件事待跟进' }), followUps: [later, late] };
    const submitted = await a.service.submit(draft);
    if (!submitted.ok) throw new Error(JSON.stringify(submitted.issues));
    expect(a.service.getHandover(submitted.id).followUps.map((item) => [item.title, item.overdue])).toEqual([
      ['差评投诉', true],
      ['活动奖品寄送', false],
    ]);
  });

  it('records a note while the shared folder is away: queued, published when it is back', async () => {
    const a = await teamWithAlice();
    await a.sync.syncNow();
    const away = `${a.sharedDir}-away`;
    renameSync(a.sharedDir, away);
    await a.sync.syncNow();
    const png = await a.attachments.put('截图.png', pngBytes().toString('base64'));
    if (!png.ok) throw new Error('refused');
    const draft = { ...withText(a.service.getDraft().draft, { summary: '共享文件夹断开时写的' }), attachments: [png.attachment] };
    expect(await a.service.submit(draft)).toMatchObject({ ok: true, queued: true });
    expect(a.service.getDraft().saved).toBe(false);
    expect(a.service.listHandovers({}, 0, 10).total).toBe(1);
    expect(a.sync.getStatus().pendingOutbox).toBe(1);
    // The blob waits in the profile and is still readable.
    expect((await a.attachments.read(png.attachment.sha256)).mime).toBe('image/png');

    renameSync(away, a.sharedDir);
    await a.sync.syncNow();
    await a.attachments.settled();
    expect(a.sync.getStatus()).toMatchObject({ available: true, pendingOutbox: 0 });
    const sha = png.attachment.sha256;
    expect(existsSync(join(a.sharedDir, 'baton', 'blobs', sha.slice(0, 2), sha))).toBe(true);
  });
});
