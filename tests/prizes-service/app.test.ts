import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { PrizesOverview, RequestDetail } from '../../shared/api/prizes-contract';
import type { Attachment } from '../../shared/attachments';
import { dateInZone } from '../../shared/team-settings';
import { builtCli } from '../support/cli';
import { call, team, teamOfThree } from '../team-service/team-apps';

const baton = builtCli();
/** A 1×1 PNG. */
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

/** The whole app's services on one folder (every answer checked against its output schema). */
async function teamWithALeadOnLeave() {
  const apps = await teamOfThree();
  const { admin, editor, viewer, syncAll } = apps;
  const memberId = async (name: string) => (await team(admin)).members.find((member) => member.displayName === name)!.memberId;
  const [wang, han] = [await memberId('王主管'), await memberId('韩梅')];
  await call(admin, 'setMemberRoles', { memberId: wang, roles: ['admin', 'lead'] });
  await call(admin, 'setMemberRoles', { memberId: han, roles: ['editor'] });
  // 王主管 is on approved leave today (the rota's leave, decided by a lead) and named 韩梅 to decide for him.
  const today = dateInZone(Date.now(), 'Asia/Shanghai');
  const leave = await call<{ id: string }>(admin, 'requestLeave', { leaveType: 'annual', from: today, to: today, note: '' });
  await call(admin, 'decideRotaRequest', { kind: 'leave', id: leave.id, approved: true, note: '' });
  await call(admin, 'setPrizeDelegate', { delegate: han });
  const campaign = await call<{ ok: true; id: string }>(admin, 'savePrizeCampaign', {
    id: null,
    fields: { type: 'repostLottery', name: '春季有奖转发', startDate: today, endDate: today, owner: { memberId: wang, name: '王主管' }, budgetFen: 100_000, department: null, heardOn: null },
  });
  await syncAll();
  const submitted = await call<{ ok: true; id: string }>(editor, 'submitPrizeRequest', {
    request: {
      campaignId: campaign.id,
      lines: [{ prize: '保温杯', quantity: 2, unitValueFen: 15_000 }],
      reason: '春季新品推广',
      eligibility: '关注并转发本条微博的用户',
      drawMethod: '微博抽奖平台随机抽取',
      drawAt: Date.now() + 86_400_000,
      redemption: '中奖后7天内私信提供收件信息',
      delivery: '快递寄送，包邮',
    },
    requestId: null,
  });
  await syncAll();
  return { ...apps, admin, editor, viewer, id: submitted.id };
}

describe('prizes through the whole app: rota leave, answers in their schemas, the CLI export', () => {
  it('gives the step to the delegate the lead named, and the decision counts "as delegate of" on every computer and in the CLI export', async () => {
    const { editor, viewer, syncAll, sharedDir, id } = await teamWithALeadOnLeave();
    const { waiting } = await call<PrizesOverview>(viewer, 'getPrizes');
    expect(waiting).toMatchObject([{ request: { id }, step: 0, asDelegateOf: '王主管' }]);
    expect(await call(viewer, 'decidePrizeStep', { id, step: 0, outcome: 'approve', comment: '' })).toEqual({ ok: true, queued: false });
    await syncAll();
    const detail = await call<RequestDetail>(editor, 'getPrizeRequest', { id });
    expect(detail.view.status).toBe('approved');
    expect(detail.view.rounds[0]!.decisions).toMatchObject([{ outcome: 'approve', by: { name: '韩梅' }, asDelegateOf: { name: '王主管' } }]);

    // A winner's contact is stored: the export says nothing of it, not even masked.
    const winner = detail.view.lines[0]!.id;
    await call(editor, 'addPrizeWinners', { id, winners: [{ weiboName: '小蓝', lineId: winner }] });
    const winnerId = (await call<RequestDetail>(editor, 'getPrizeRequest', { id })).view.winners[0]!.id;
    expect(await call(editor, 'storePrizeContact', { id, winnerId, phone: 'call me', address: '' })).toEqual({
      ok: false,
      issues: [{ code: 'not-a-phone', path: 'phone', params: {} }, { code: 'required', path: 'address', params: {} }],
    });
    expect(await call(editor, 'storePrizeContact', { id, winnerId, phone: '13812341234', address: '上海市徐汇区漕溪北路88号' })).toMatchObject({ ok: true });
    expect(await call(editor, 'revealPrizeContact', { id, winnerId })).toEqual({ phone: '13812341234', address: '上海市徐汇区漕溪北路88号' });
    expect(await call(editor, 'shipPrize', { id, winnerId, carrier: '顺丰', tracking: 'SF1001' })).toMatchObject({ ok: true });
    expect(await call(editor, 'closePrizeRequest', { id })).toMatchObject({ ok: true });
    const closed = await call<RequestDetail>(editor, 'getPrizeRequest', { id });
    expect(closed.view).toMatchObject({ status: 'closed', winners: [{ contact: { masked: { phone: '138****1234' } }, reveals: [{ by: { name: '李雷' } }] }] });
    await syncAll();

    const { stdout } = await baton('prizes', 'export', '--shared', sharedDir, '--format', 'csv');
    const rows = Papa.parse<Record<string, string>>(stdout.trim(), { header: true }).data;
    expect(rows.filter((row) => row.request === id).map((row) => row.record)).toEqual(['request', 'line', 'decision']);
    expect(rows.find((row) => row.record === 'request')).toMatchObject({ status: 'closed', requester: '李雷', total_yuan: '300.00' });
    expect(rows.find((row) => row.record === 'decision')).toMatchObject({ step: '1', outcome: 'approve', by: '韩梅', as_delegate_of: '王主管' });
    expect(rows.find((row) => row.record === 'budget')).toMatchObject({ campaign: '春季有奖转发', total_yuan: '1000.00', committed_yuan: '300.00' });
    expect(stdout).not.toMatch(/13812341234|138\*+1234|上海/);
  });

  it('answers drafts, settings, a recall and a resubmission with attachments in their schemas', async () => {
    const { admin, editor, id, syncAll } = await teamWithALeadOnLeave();
    // The content calendar: the starter SOPs plan a topic post at 20:00 every day, which the campaign (today) meets.
    await call(admin, 'addStarterSops', { language: 'zh-CN' });
    const [summary] = (await call<PrizesOverview>(admin, 'getPrizes')).campaigns;
    expect(summary!.contentClashes).toHaveLength(1);
    expect(summary!.contentClashes[0]!.posts).toContainEqual({ slot: '20:00', title: '大众话题博文' });

    expect(await call(editor, 'getPrizeDraft')).toEqual({ draft: null, requestId: null });
    const draft = { campaignId: 'c1', lines: [{ prize: '保温杯', quantity: 1, unitValueFen: 100 }], reason: '', eligibility: '', drawMethod: '', drawAt: null, redemption: '', delivery: '' };
    expect(await call(editor, 'savePrizeDraft', { draft, requestId: null })).toEqual({ saved: true });
    // A draft kept before requests had attachments reads back with none.
    expect(await call(editor, 'getPrizeDraft')).toEqual({ draft: { ...draft, attachments: [] }, requestId: null });
    expect(await call(admin, 'setPrizeSettings', { changes: { leadMaxFen: 600_000, approverMaxFen: 500_000 } })).toMatchObject({ ok: false, issues: [{ code: 'thresholds-out-of-order' }] });
    expect(await call(admin, 'setPrizeSettings', { changes: { organiserContact: '品牌部 021-12345678' } })).toEqual({ ok: true, queued: false });
    expect((await call<PrizesOverview>(admin, 'getPrizes')).settings.organiserContact).toBe('品牌部 021-12345678');
    expect(await call(editor, 'recallPrizeRequest', { id })).toEqual({ ok: true, queued: false });
    const recalled = await call<RequestDetail>(editor, 'getPrizeRequest', { id });
    expect(recalled.view.status).toBe('recalled');

    // Resubmitted with the quotation attached: the approvers see the paper with the request.
    const put = await call<{ ok: true; attachment: Attachment }>(editor, 'putAttachment', { name: '报价单.png', dataBase64: PNG });
    const { campaignId, reason, eligibility, drawMethod, drawAt, redemption, delivery } = recalled.view.submission!;
    const again = { campaignId, reason, eligibility, drawMethod, drawAt, redemption, delivery, lines: [{ prize: '保温杯', quantity: 2, unitValueFen: 15_000 }] };
    expect(await call(editor, 'submitPrizeRequest', { request: { ...again, attachments: Array.from({ length: 21 }, () => put.attachment) }, requestId: id })).toMatchObject({
      ok: false,
      issues: [{ code: 'too-many', path: 'attachments', params: { max: 20 } }],
    });
    expect(await call(editor, 'submitPrizeRequest', { request: { ...again, attachments: [put.attachment] }, requestId: id })).toMatchObject({ ok: true, id });
    await syncAll();
    const resubmitted = await call<RequestDetail>(admin, 'getPrizeRequest', { id });
    expect(resubmitted.view.submission!.attachments).toEqual([{ sha256: put.attachment.sha256, name: '报价单.png', mime: 'image/png', size: put.attachment.size }]);
  });

  it('explains a wrong command line (exit 2) and a folder that is not a team (exit 1)', async () => {
    const { sharedDir } = await teamOfThree();
    for (const args of [['prizes', 'export', '--shared', sharedDir], ['prizes', 'export', '--shared', sharedDir, '--format', 'pdf'], ['prizes', 'import', '--shared', sharedDir, '--format', 'csv'], ['prizes', 'export', '--format', 'csv']]) {
      await expect(baton(...args)).rejects.toMatchObject({ code: 2, stdout: '', stderr: expect.stringContaining('baton prizes export --shared <dir> --format csv') });
    }
    await expect(baton('prizes', 'export', '--shared', '/nonexistent/baton', '--format', 'csv')).rejects.toMatchObject({ code: 1, stdout: '', stderr: expect.stringContaining('the shared folder cannot be read') });
  });
});
