import { describe, expect, it } from 'vitest';
import type { Checked } from '../../shared/api/checked';
import type { FollowUpDetail, HandoverDetail, ShiftContext } from '../../shared/api/handover-views';
import type { Attachment } from '../../shared/attachments';
import type { HandoverDraft } from '../../shared/handover';
import { call, teamOfThree } from '../team-service/team-apps';

/**
 * Every handover operation answered through the bridge's door with the answers checked against
 * their output schemas (the app services of these tests check them): a view and its schema that
 * drift apart fail here as 'internal'.
 */
describe('the handover operations answer what their output schemas say', () => {
  it('from a draft to a note, an escalation, an addendum, an acknowledgement, a search and an attachment', async () => {
    const { admin, editor, syncAll } = await teamOfThree();
    const context = await call<ShiftContext>(admin, 'getShiftContext');
    const me = context.me!;
    const { draft } = await call<{ draft: HandoverDraft }>(admin, 'getHandoverDraft');
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]).toString('base64');
    const put = await call<Checked<{ attachment: Attachment }>>(admin, 'putAttachment', { name: '截图.png', dataBase64: png });
    if (!put.ok) throw new Error('the attachment was refused');
    const written: HandoverDraft = {
      ...draft,
      sections: { ...draft.sections, summary: '本班正常，**微博**发布两条。' },
      attachments: [put.attachment],
      followUps: [{
        draftId: 'f1', title: '客服回复差评投诉', owner: me, dueAt: null, category: 'escalation', departmentId: 'customer-service',
        escalation: { weiboLink: 'https://weibo.com/1', screenshotSha256: null, escalatedAt: null },
      }],
    };
    expect(await call(admin, 'saveHandoverDraft', { draft: written })).toMatchObject({ savedAt: expect.any(Number) });
    const submitted = await call<Checked<{ id: string }>>(admin, 'submitHandover', { draft: written });
    if (!submitted.ok) throw new Error(JSON.stringify(submitted.issues));
    expect(await call(admin, 'submitHandover', { draft: { ...written, sections: { ...written.sections, summary: '' } } })).toMatchObject({ ok: false });
    expect(await call(admin, 'addHandoverAddendum', { id: submitted.id, text: '补充：已回复。', attachments: [] })).toMatchObject({ ok: true });
    expect(await call(admin, 'listHandovers', {})).toMatchObject({ total: 1 });
    const detail = await call<HandoverDetail>(admin, 'getHandover', { id: submitted.id });
    const followUpId = detail.followUps[0]!.id;
    expect(await call(admin, 'updateFollowUp', { id: followUpId, changes: { status: 'waiting' } })).toMatchObject({ ok: true });
    expect(await call(admin, 'commentFollowUp', { id: followUpId, text: '已联系客服部。' })).toMatchObject({ ok: true });
    expect(await call(admin, 'createFollowUp', {
      title: '活动奖品', owner: me, dueAt: Date.now() + 3_600_000, category: 'campaign', departmentId: null, escalation: null,
    })).toMatchObject({ ok: true });
    const followUp = await call<FollowUpDetail>(admin, 'getFollowUp', { id: followUpId });
    expect(followUp.history.map((entry) => entry.event)).toEqual(['created', 'updated', 'commented']);
    expect(await call(admin, 'listFollowUps', { scope: 'all' })).toMatchObject({ items: [expect.anything(), expect.anything()] });
    expect(await call(admin, 'readAttachment', { sha256: put.attachment.sha256 })).toMatchObject({ mime: 'image/png' });
    expect(await call(admin, 'searchHandovers', { query: '微博' })).toMatchObject({ ready: expect.any(Boolean) });

    await syncAll();
    expect(await call(editor, 'acknowledgeHandover', { id: submitted.id })).toMatchObject({ acknowledged: true });
    expect((await call<ShiftContext>(editor, 'getShiftContext')).openFollowUps.length).toBeGreaterThan(0);
    expect(await call(admin, 'discardHandoverDraft')).toEqual({ discarded: true });
  });
});
