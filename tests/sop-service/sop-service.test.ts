import { describe, expect, it } from 'vitest';
import type { SopDetail, SopLibrary, SopMergeView, ShiftChecklistPayload } from '../../shared/api/sop-views';
import type { HandoverDraft } from '../../shared/handover';
import { call, teamOfThree } from '../team-service/team-apps';

const BODY = '# 私信回复\n\n私信 2 小时内回复。\n';

async function publishedByLead() {
  const team = await teamOfThree();
  const { admin: lead, editor } = team;
  const saved = await call<{ ok: true; id: string; revision: string }>(editor, 'saveSopRevision', { id: null, parents: [], title: '粉丝互动规范', body: BODY, checklist: [], area: 'fans' });
  await call(editor, 'submitSopRevision', { id: saved.id, revision: saved.revision });
  await team.syncAll();
  return { ...team, lead, saved };
}

describe('SOP service on the real app services (trust layer included)', () => {
  it('an editor drafts and submits; only the author and the leads see the draft; a lead publishes; the editor acknowledges', async () => {
    const { lead, editor, viewer, saved, syncAll } = await publishedByLead();
    const queue = (await call<SopLibrary>(lead, 'getSopLibrary')).reviewQueue;
    expect(queue).toMatchObject([{ sopId: saved.id, revision: saved.revision, mayPublish: true, by: { name: '李雷' } }]);
    await expect(call(viewer, 'getSop', { id: saved.id })).rejects.toThrow(/not-found/);
    await expect(call(editor, 'publishSopRevision', { id: saved.id, revision: saved.revision, minor: false })).rejects.toThrow(/forbidden/);

    await call(lead, 'publishSopRevision', { id: saved.id, revision: saved.revision, minor: false });
    await syncAll();
    const library = await call<SopLibrary>(viewer, 'getSopLibrary');
    expect(library.areas.find((area) => area.area === 'fans')?.sops).toMatchObject([{ id: saved.id, version: 1 }]);
    const pending = (await call<SopLibrary>(editor, 'getSopLibrary')).pending;
    expect(pending).toMatchObject([{ sopId: saved.id, version: 1, lastAcknowledgedVersion: null }]);
    await call(editor, 'acknowledgeSop', { id: saved.id, revision: saved.revision });
    await syncAll();
    expect((await call<SopLibrary>(editor, 'getSopLibrary')).pending).toEqual([]);
    const detail = await call<SopDetail>(lead, 'getSop', { id: saved.id });
    expect(detail.acknowledgedBy).toEqual([{ name: '李雷', version: 1 }]);
  });

  it('a review-by date passed is flagged to the owner and the leads, not to the other readers', async () => {
    const { lead, editor, viewer, saved, syncAll } = await publishedByLead();
    await call(lead, 'publishSopRevision', { id: saved.id, revision: saved.revision, minor: false });
    const editorId = (await call<SopLibrary>(editor, 'getSopLibrary')).viewer.memberId!;
    await call(lead, 'setSopMeta', { id: saved.id, changes: { owner: { memberId: editorId, name: '李雷' }, reviewBy: '2020-01-01' } });
    await syncAll();
    for (const app of [lead, editor]) {
      expect((await call<SopLibrary>(app, 'getSopLibrary')).reviewsDue).toMatchObject([{ sopId: saved.id, reviewBy: '2020-01-01', ownerId: editorId }]);
      expect((await call<SopDetail>(app, 'getSop', { id: saved.id })).reviewDue).toBe('2020-01-01');
    }
    expect((await call<SopLibrary>(viewer, 'getSopLibrary')).reviewsDue).toEqual([]);
    expect((await call<SopDetail>(viewer, 'getSop', { id: saved.id })).reviewDue).toBeNull();
  });

  it('a fork made on two computers offline is shown on both and merged once', async () => {
    const { lead, editor, saved, syncAll } = await publishedByLead();
    await call(lead, 'publishSopRevision', { id: saved.id, revision: saved.revision, minor: false });
    await syncAll();
    await call(lead, 'saveSopRevision', { id: saved.id, parents: [saved.revision], title: '粉丝互动规范', body: BODY.replace('2 小时', '1 小时'), checklist: [] });
    await call(editor, 'saveSopRevision', { id: saved.id, parents: [saved.revision], title: '粉丝互动规范', body: `${BODY}\n评论 10 分钟内回看。\n`, checklist: [] });
    await syncAll();
    for (const app of [lead, editor]) expect((await call<SopDetail>(app, 'getSop', { id: saved.id })).fork?.heads).toHaveLength(2);
    const merge = await call<SopMergeView>(editor, 'getSopMerge', { id: saved.id });
    expect(merge.base?.id).toBe(saved.revision);
    await call(editor, 'saveSopRevision', { id: saved.id, parents: [merge.ours.id, merge.theirs.id], title: '粉丝互动规范', body: '私信 1 小时内回复。\n评论 10 分钟内回看。', checklist: [] });
    await syncAll();
    for (const app of [lead, editor]) expect((await call<SopDetail>(app, 'getSop', { id: saved.id })).fork).toBeNull();
    await expect(call(lead, 'getSopMerge', { id: saved.id })).rejects.toThrow(/conflict/);
  });

  it('pictures: stored as blobs, kept in the revision while its text shows them, readable on the other computer', async () => {
    const { lead, editor, syncAll } = await publishedByLead();
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('后台截图')]);
    const put = await call<{ ok: true; attachment: { sha256: string; name: string } }>(editor, 'putAttachment', { name: '后台截图.png', dataBase64: png.toString('base64') });
    const other = { ...put.attachment, sha256: 'f'.repeat(64) };
    const body = `${BODY}\n![后台截图](picture:${put.attachment.sha256})\n`;
    const saved = await call<{ id: string }>(editor, 'saveSopRevision', { id: null, parents: [], title: '发布操作', body, checklist: [], pictures: [put.attachment, other], area: 'content' });
    await syncAll();
    const detail = await call<SopDetail>(lead, 'getSop', { id: saved.id });
    expect(detail.revisions[0]!.pictures).toEqual([put.attachment]);
    const read = await call<{ dataBase64: string }>(lead, 'readAttachment', { sha256: put.attachment.sha256 });
    expect(Buffer.from(read.dataBase64, 'base64').equals(png)).toBe(true);
    const pdf = { ...put.attachment, mime: 'application/pdf' };
    await expect(call(editor, 'saveSopRevision', { id: null, parents: [], title: 't', body, checklist: [], pictures: [pdf], area: 'content' })).rejects.toThrow(/invalid-input/);
  });

  it('refuses a 2 MB paste and 5,000 headings with a clear code, writing nothing', async () => {
    const { editor } = await teamOfThree();
    const paste = await call<{ ok: false; issues: unknown[] }>(editor, 'saveSopRevision', { id: null, parents: [], title: '大段粘贴', body: '微'.repeat(2_000_000), checklist: [], area: 'content' });
    expect(paste).toMatchObject({ ok: false, issues: [{ code: 'too-long', path: ['body'], params: { max: 200_000, length: 2_000_000 } }] });
    const headings = await call<{ ok: false; issues: unknown[] }>(editor, 'saveSopRevision', { id: null, parents: [], title: '标题', body: '# h\n'.repeat(5000), checklist: [], area: 'content' });
    expect(headings).toMatchObject({ ok: false, issues: [{ code: 'too-many-headings', params: { count: 5000 } }] });
    const sweep = { id: 'x', title: '巡查', kind: 'sweep', contentType: null, times: [], everyMinutes: 1, shiftTypeIds: [], days: 'everyday', holidays: 'include' };
    expect(await call(editor, 'saveSopRevision', { id: null, parents: [], title: 't', body: '', checklist: [sweep], area: 'monitoring' })).toMatchObject({ ok: false, issues: [{ code: 'too-frequent' }] });
    expect((await call<SopLibrary>(editor, 'getSopLibrary')).areas.flatMap((area) => area.sops)).toEqual([]);
  });

  it("starter SOPs for all nine areas; the shift's checklist; ticks land in the handover draft; search in Chinese", async () => {
    const { admin: lead } = await teamOfThree();
    expect(await call(lead, 'addStarterSops', { language: 'zh-CN' })).toMatchObject({ added: 9 });
    const library = await call<SopLibrary>(lead, 'getSopLibrary');
    expect(library.areas.map((area) => area.sops.length)).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1]);
    expect(library.areas.every((area) => area.sops[0]!.version === 1)).toBe(true);
    const checklist = await call<ShiftChecklistPayload>(lead, 'getShiftChecklist');
    expect(checklist.entries.length).toBeGreaterThan(0);
    const item = checklist.entries[0]!;
    await call(lead, 'tickChecklistItem', { date: checklist.shift!.date, shiftTypeId: checklist.shift!.shiftTypeId, key: item.key, done: true, link: 'https://weibo.com/1/abc' });
    const { draft } = await call<{ draft: HandoverDraft }>(lead, 'getHandoverDraft');
    expect(draft.checklist?.find((entry) => entry.id === item.key)).toMatchObject({ done: true, text: expect.stringContaining('https://weibo.com/1/abc') });
    const found = await call<{ groups: Array<{ kind: string; hits: Array<{ title: string }> }> }>(lead, 'searchSops', { query: '微博优先' });
    expect(found.groups.flatMap((group) => group.hits.map((hit) => hit.title))).toContain('舆情监测与投诉升级（微博优先）');
  });
});
