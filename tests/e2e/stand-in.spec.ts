import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { call } from './support/bridge';
import { printOnce } from './support/print';
import { expect, screenshotPath, test, type Computer } from './support/fixtures';
import { shootWhole } from './support/screens';
import { teamOfTwo } from './support/team-of-two';

async function expectAccessible(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

const dayInShanghai = (offsetDays: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(Date.now() + offsetDays * 86_400_000);
const memberOf = async (computer: Computer) => (await call<{ me: { memberId: string } }>(computer, 'getTeam', {})).me.memberId;

async function syncBoth(a: Computer, b: Computer): Promise<void> {
  await call(a, 'syncNow', {});
  await call(b, 'syncNow', {});
  await call(a, 'syncNow', {});
}

async function publishSop(computer: Computer, fields: { title: string; body: string; area: string; checklist: unknown[] }): Promise<string> {
  const saved = await call<{ id: string; revision: string }>(computer, 'saveSopRevision', { id: null, parents: [], ...fields });
  await call(computer, 'submitSopRevision', { id: saved.id, revision: saved.revision });
  await call(computer, 'publishSopRevision', { id: saved.id, revision: saved.revision, minor: false });
  return saved.id;
}

/** A card of the briefing, shot alone in both languages and both themes. */
async function shootCard(computer: Computer, cardId: string, name: string): Promise<void> {
  const card = computer.page.locator(`section[aria-labelledby="${cardId}-title"]`);
  for (const language of ['zh-CN', 'en'] as const) {
    for (const theme of ['light', 'dark'] as const) {
      await call(computer, 'updateSettings', { language, theme });
      await expect(computer.page.locator('html')).toHaveAttribute('lang', language);
      await card.screenshot({ path: screenshotPath(`briefing-card-${name}-${language}-${theme}`), animations: 'disabled' });
    }
  }
  await call(computer, 'updateSettings', { language: 'zh-CN', theme: 'system' });
}

test('every briefing item opens its own place by an address with its id; the stand-in pack of a shift prints on one page', async ({ openComputer }) => {
  // Two computers, a team, the rota, SOPs, a campaign and requests, screens shot in two languages and themes.
  test.slow();
  const first = await openComputer({ locale: 'zh-CN' });
  const second = await openComputer({ locale: 'zh-CN' });
  await teamOfTwo(first, second);
  const { page } = first;
  const lin = await memberOf(first);
  const wang = await memberOf(second);
  await call(first, 'setMemberRoles', { memberId: lin, roles: ['admin', 'editor', 'lead', 'approver'] });
  // One shift round the clock: whatever the hour the test runs, today's shift is under way.
  await call(first, 'setTeamSettings', { changes: { shiftTypes: [{ name: { 'zh-CN': '全天班', en: 'Day shift' }, start: '00:00', end: '24:00' }] } });
  const { shiftTypes } = await call<{ shiftTypes: Array<{ id: string }> }>(first, 'getShiftContext', {});
  const shiftTypeId = shiftTypes[0]!.id;
  const [today, tomorrow, away, later] = [dayInShanghai(0), dayInShanghai(1), dayInShanghai(3), dayInShanghai(10)];

  await call(first, 'setRotaSlot', { date: today, shiftTypeId, primary: [lin], backup: wang });
  await call(first, 'setRotaSlot', { date: tomorrow, shiftTypeId, primary: [wang], backup: null });
  await call(first, 'setRotaSlot', { date: away, shiftTypeId, primary: [wang], backup: null });
  for (const month of new Set([today.slice(0, 7), tomorrow.slice(0, 7), away.slice(0, 7)])) await call(first, 'publishRotaMonth', { month });
  const post = { id: 'posts', title: '产品微博', kind: 'post', contentType: 'product', times: ['10:00', '15:00'], everyMinutes: null, shiftTypeIds: [], days: 'everyday', holidays: 'include' };
  await publishSop(first, { title: '发帖规范', body: '# 发帖规范\n\n## 几点发什么\n| 时间 | 内容 |\n| --- | --- |\n| **10:00** | 产品微博 |\n| **15:00** | 话题微博 |\n\n- [ ] 发布前核对价格\n- [ ] 配图无水印', area: 'content', checklist: [post] });
  await publishSop(first, { title: '粉丝互动规范', body: '# 粉丝互动\n\n语气亲切，不用“亲”。\n差评先私信致歉，再公开回复处理进度。', area: 'fans', checklist: [] });
  const campaign = await call<{ id: string }>(first, 'savePrizeCampaign', {
    id: null,
    fields: { type: 'repostLottery', name: '新品有奖转发', startDate: today, endDate: later, owner: { memberId: lin, name: '小林' }, budgetFen: 500_000, department: null, heardOn: null },
  });
  const leave = await call<{ id: string }>(first, 'requestLeave', { leaveType: 'annual', from: later, to: later, note: '' });
  await syncBoth(first, second);
  const request = await call<{ id: string }>(second, 'submitPrizeRequest', {
    request: { campaignId: campaign.id, lines: [{ prize: '新品耳机', quantity: 2, unitValueFen: 20_000 }], reason: '新品推广', eligibility: '关注并转发', drawMethod: '微博抽奖平台', drawAt: Date.now() + 3 * 3_600_000, redemption: '7 天内私信收件信息', delivery: '快递包邮', attachments: [] },
    requestId: null,
  });
  const cover = await call<{ id: string }>(second, 'requestCover', { date: away, shiftTypeId, note: '家里有事' });
  await syncBoth(second, first);
  await expect.poll(async () => {
    await call(first, 'syncNow', {});
    return (await call<{ sections: Array<{ kind: string }> }>(first, 'getBriefing', {})).sections.map((section) => section.kind);
  }).toEqual(expect.arrayContaining(['prizes', 'rotaRequests', 'sops', 'campaigns']));
  const briefing = page.getByRole('navigation').getByRole('link', { name: /开班简报/ });

  await test.step('the prize request opens its own page, by its address', async () => {
    await briefing.click();
    await page.getByRole('button', { name: '新品有奖转发：¥400.00 待你审批' }).click();
    await expect(page.getByRole('heading', { name: '奖品申请：新品有奖转发' })).toBeVisible();
    // The address names the request: typed or reloaded, it opens the same page.
    await briefing.click();
    await page.evaluate((id) => (location.hash = `#/prizes/${id}`), request.id);
    await expect(page.getByRole('heading', { name: '奖品申请：新品有奖转发' })).toBeVisible();
  });

  await test.step('the cover ask and my leave open the rota at that request, marked', async () => {
    await briefing.click();
    await page.locator('section[aria-labelledby="briefing-rota-title"]').getByRole('button', { name: /老王 请人代/ }).click();
    await expect(page.locator('[data-place-target]')).toHaveAttribute('data-place', cover.id);
    await expect(page.locator('[data-place-target]')).toBeInViewport();
    await briefing.click();
    await page.getByRole('button', { name: /我的请假/ }).click();
    await expect(page.locator('[data-place-target]')).toHaveAttribute('data-place', leave.id);
  });

  await test.step('the SOP to acknowledge opens that SOP; the campaign its row', async () => {
    await briefing.click();
    await page.locator('section[aria-labelledby="briefing-sops-title"]').getByRole('button', { name: '发帖规范' }).click();
    await expect(page.getByRole('heading', { name: '发帖规范', level: 2 })).toBeVisible();
    await expect(page.getByRole('button', { name: '← 返回规范库' })).toBeVisible();
    await briefing.click();
    await page.locator('section[aria-labelledby="briefing-campaigns-title"]').getByRole('button', { name: '新品有奖转发' }).click();
    await expect(page.locator('[data-place-target]')).toHaveAttribute('data-place', `campaign:${campaign.id}`);
  });

  await test.step('the prize and rota-request cards, in both languages and themes', async () => {
    await briefing.click();
    await expect(page.locator('section[aria-labelledby="briefing-prizes-title"]')).toBeVisible();
    await shootCard(first, 'briefing-prizes', 'prizes');
    await shootCard(first, 'briefing-rota', 'rota-requests');
  });

  await test.step("小林 opens today's stand-in pack from the briefing: posts, rules, campaign, whom to call", async () => {
    await briefing.click();
    await page.getByRole('button', { name: '这一班的代班手册' }).click();
    await expect(page.getByRole('heading', { level: 2, name: new RegExp(`^代班手册 · ${today} 全天班`) })).toBeVisible();
    const posts = page.locator('section[aria-labelledby="stand-in-posts-title"]');
    await expect(posts.getByRole('rowheader', { name: '10:00' })).toBeVisible();
    await expect(posts.getByText('发帖 · 产品内容').first()).toBeVisible();
    const rules = page.locator('section[aria-labelledby="stand-in-rules-title"]');
    await expect(rules.getByRole('button', { name: '粉丝互动规范' })).toBeVisible();
    await expect(rules.getByText(/差评先私信致歉/)).toBeVisible();
    // Rendered as the SOP screen renders it, below the rule's own heading: no Markdown marks left.
    await expect(rules.getByRole('heading', { level: 4, name: '粉丝互动' })).toBeVisible();
    await expect(rules.getByRole('heading', { level: 5, name: '几点发什么' })).toBeVisible();
    await expect(rules.getByRole('cell', { name: '10:00' }).locator('strong')).toBeVisible();
    await expect(rules.getByText('☐ 发布前核对价格')).toBeVisible();
    await expect(rules).not.toContainText('#');
    await expect(rules).not.toContainText('**');
    await expect(rules).not.toContainText('[ ]');
    await expect(page.locator('section[aria-labelledby="stand-in-campaigns-title"]').getByRole('button', { name: /新品有奖转发/ }).first()).toBeVisible();
    await expect(page.locator('section[aria-labelledby="stand-in-duty-title"]')).toContainText('小林（主班）、老王（后备）');
    // No department has a contact yet: said once, not on every row.
    await expect(page.locator('section[aria-labelledby="stand-in-contacts-title"]').getByTestId('departments-without-contact')).toHaveText(/^还没有联系方式：客服部、市场部、电商部、法务部。急事先找运营主管/);
    await expect(page.locator('section[aria-labelledby="stand-in-contacts-title"]').getByText(/还没有联系方式/)).toHaveCount(1);
    await expectAccessible(page);
    await shootWhole(page, 'stand-in-zh-CN');
    await call(first, 'updateSettings', { theme: 'dark' });
    await shootWhole(page, 'stand-in-dark-zh-CN');
    await call(first, 'updateSettings', { language: 'en', theme: 'light' });
    await expect(page.getByRole('heading', { level: 2, name: new RegExp(`^Stand-in pack · ${today} Day shift`) })).toBeVisible();
    await shootWhole(page, 'stand-in-en');
    await call(first, 'updateSettings', { language: 'zh-CN', theme: 'system' });
  });

  await test.step('printed, the pack is one page: the browser prints it, without navigation or buttons', async () => {
    await printOnce(page, '打印 / 存为 PDF');
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('navigation')).toBeHidden();
    await expect(page.getByRole('button', { name: '打印 / 存为 PDF' })).toBeHidden();
    await expect(page.getByRole('button', { name: '下一班 →' })).toBeHidden();
    await page.screenshot({ path: screenshotPath('stand-in-print-zh-CN'), animations: 'disabled', fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 1280, height: 820 });
  });

  await test.step("老王 opens tomorrow's pack from his own shifts on the rota", async () => {
    const other = second.page;
    await call(second, 'syncNow', {});
    await other.getByRole('navigation').getByRole('link', { name: /^值班表/ }).click();
    await other.getByRole('button', { name: '个人班次' }).click();
    await other.getByTestId('person-shifts').getByRole('link', { name: '代班手册' }).first().click();
    await expect(other.getByRole('heading', { level: 2, name: /^代班手册 · / })).toBeVisible();
    await expect(other.locator('section[aria-labelledby="stand-in-duty-title"]')).toContainText('老王');
  });
});
