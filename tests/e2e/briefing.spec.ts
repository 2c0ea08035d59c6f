import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { call } from './support/bridge';
import { expect, test } from './support/fixtures';
import { shootWhole } from './support/screens';
import { teamOfTwo } from './support/team-of-two';

/** axe on the screen as shown: no serious or critical violation. */
async function expectAccessible(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

interface Briefing {
  moment: string;
  sections: Array<{ kind: string }>;
}

test('the shift briefing is the home screen: the previous note to sign, follow-ups, sync, live', async ({ openComputer }) => {
  // Two computers, a team, then the rota and an SOP on top, each shot in two languages: more than the default time.
  test.slow();
  const first = await openComputer({ locale: 'zh-CN' });
  const second = await openComputer({ locale: 'zh-CN' });
  await teamOfTwo(first, second);
  const { page } = second;
  // One shift round the clock: whatever the hour the test runs, a shift is under way and yesterday's is the one before.
  const mine = await call<{ me: { memberId: string } }>(first, 'getTeam', {});
  await call(first, 'setMemberRoles', { memberId: mine.me.memberId, roles: ['admin', 'editor', 'lead'] });
  await call(first, 'setTeamSettings', { changes: { shiftTypes: [{ name: { 'zh-CN': '全天班', en: 'Day shift' }, start: '00:00', end: '24:00' }] } });

  await test.step('老王 opens Baton on the briefing; sync is healthy', async () => {
    await expect(page.getByRole('heading', { level: 1, name: '开班简报' })).toBeVisible();
    await expect(page.getByRole('heading', { name: '同步' })).toBeVisible();
  });

  await test.step("小林's note for the shift before arrives live; 老王 opens it and signs under it", async () => {
    // A note for yesterday's shift of the same type is always earlier than the shift under way.
    const { draft } = await call<{ draft: { date: string; shiftTypeId: string; sections: Record<string, string> } }>(first, 'getHandoverDraft', {});
    const yesterday = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(Date.now() - 86_400_000);
    await call(first, 'submitHandover', { draft: { ...draft, date: yesterday, sections: { ...draft.sections, summary: '微博投诉两条，已交接给客服' }, updatedAt: Date.now() } });
    const { me } = await call<{ me: unknown }>(second, 'getShiftContext', {});
    await call(first, 'createFollowUp', { title: '回复粉丝私信', owner: me, dueAt: Date.now() + 3_600_000, category: 'other', departmentId: null, escalation: null });
    await call(first, 'syncNow', {});
    await expect.poll(async () => {
      await call(second, 'syncNow', {});
      return (await call<Briefing>(second, 'getBriefing', {})).sections.map((section) => section.kind);
    }).toContain('followUps');
    await expect(page.getByText('微博投诉两条，已交接给客服').first()).toBeVisible();
    await expect(page.getByText('回复粉丝私信')).toBeVisible();
    await shootWhole(page, 'briefing-zh-CN');
    await expectAccessible(page);
    await call(second, 'updateSettings', { theme: 'dark' });
    await shootWhole(page, 'briefing-dark-zh-CN');
    await expectAccessible(page);
    await call(second, 'updateSettings', { language: 'en', theme: 'light' });
    await expect(page.getByRole('heading', { level: 1, name: 'Shift briefing' })).toBeVisible();
    await shootWhole(page, 'briefing-en');
    await call(second, 'updateSettings', { theme: 'dark' });
    await shootWhole(page, 'briefing-dark-en');
    await call(second, 'updateSettings', { language: 'zh-CN', theme: 'system' });
    // The keys of the moments: ? lists them, a opens the previous shift's note to read and sign.
    await page.keyboard.press('?');
    await expect(page.getByRole('dialog', { name: '键盘快捷键' })).toBeVisible();
    await shootWhole(page, 'briefing-shortcuts-zh-CN');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    const card = page.locator('section[aria-labelledby="briefing-previous-title"]');
    // #17 item 5: the card never signs; signing is under the whole note.
    await expect(card.getByRole('button', { name: '阅读并签收' })).toBeVisible();
    await expect(card.getByRole('button', { name: /签收$/ })).toHaveCount(1);
    await page.keyboard.press('a');
    await page.getByRole('button', { name: '我已读完，签收' }).click();
    await expect(page.getByRole('button', { name: '我已读完，签收' })).toHaveCount(0);
    await page.getByRole('navigation').getByRole('link', { name: /开班简报/ }).click();
    await expect(card.getByText(/^你已于 .* 签收$/)).toBeVisible();
  });

  await test.step('an item opens its place, from the keyboard too', async () => {
    await page.getByRole('button', { name: '回复粉丝私信' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: '待跟进' })).toBeVisible();
    await expect(page.locator('[aria-expanded="true"]')).toContainText('回复粉丝私信');
    await page.keyboard.press('n');
    await expect(page.getByRole('heading', { level: 1, name: '交接班' })).toBeVisible();
    await expect(page.getByRole('tab', { name: '写交接班记录', selected: true })).toBeVisible();
  });

  await test.step('the rota puts 老王 on today\'s shift; his checklist and the SOP to acknowledge show, live', async () => {
    const { shiftTypes } = await call<{ shiftTypes: Array<{ id: string }> }>(first, 'getShiftContext', {});
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(Date.now());
    const { me } = await call<{ me: { memberId: string } }>(second, 'getTeam', {});
    await call(first, 'setRotaSlot', { date: today, shiftTypeId: shiftTypes[0]!.id, primary: [me.memberId], backup: null });
    await call(first, 'publishRotaMonth', { month: today.slice(0, 7) });
    const post = { id: 'posts', title: '产品微博', kind: 'post', contentType: 'product', times: ['10:00', '15:00'], everyMinutes: null, shiftTypeIds: [], days: 'everyday', holidays: 'include' };
    const saved = await call<{ id: string; revision: string }>(first, 'saveSopRevision', { id: null, parents: [], title: '发帖规范', body: '# 发帖\n\n10:00 产品微博，15:00 话题微博。', checklist: [post], area: 'content' });
    await call(first, 'submitSopRevision', { id: saved.id, revision: saved.revision });
    await call(first, 'publishSopRevision', { id: saved.id, revision: saved.revision, minor: false });
    await call(first, 'syncNow', {});
    await expect.poll(async () => {
      await call(second, 'syncNow', {});
      return (await call<Briefing>(second, 'getBriefing', {})).sections.map((section) => section.kind);
    }).toEqual(expect.arrayContaining(['checklist', 'sops']));
    await page.getByRole('navigation').getByRole('link', { name: /开班简报/ }).click();
    await expect(page.getByRole('heading', { name: /清单（0\/2）/ })).toBeVisible();
    await expect(page.getByRole('button', { name: '发帖规范' })).toBeVisible();
    await expect(page.getByText('（主班）').first()).toBeVisible();
    await shootWhole(page, 'briefing-rota-sop-zh-CN');
    await expectAccessible(page);
    await call(second, 'updateSettings', { language: 'en' });
    await expect(page.getByRole('heading', { name: /checklist \(0\/2\)/ })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Open the checklist for Day shift 00:00–24:00' })).toBeVisible();
    await shootWhole(page, 'briefing-rota-sop-en');
    await call(second, 'updateSettings', { language: 'zh-CN' });
  });

  await test.step("the checklist's link names the shift and opens that shift's checklist", async () => {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(Date.now());
    await page.getByRole('button', { name: '打开检查单：全天班 00:00–24:00' }).click();
    await expect(page.getByRole('heading', { name: `${today} 全天班 检查单` })).toBeVisible();
    await expect(page.getByText('产品微博').first()).toBeVisible();
  });
});
