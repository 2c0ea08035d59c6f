import type { Page } from '@playwright/test';
import { call } from './support/bridge';
import { expect, test, type Computer } from './support/fixtures';
import { shootBoth } from './support/screens';
import { teamOfTwo } from './support/team-of-two';
import { dateField, fillDateField } from './support/date-fields';

interface TeamView {
  me: { memberId: string | null };
}

/** Three shifts covering the whole day, so that some shift is on now whenever the test runs. */
const SHIFT_TYPES = [
  { id: 'night', name: { 'zh-CN': '夜班', en: 'Night' }, start: '00:00', end: '08:00' },
  { id: 'early', name: { 'zh-CN': '早班', en: 'Early' }, start: '08:00', end: '16:00' },
  { id: 'late', name: { 'zh-CN': '晚班', en: 'Late' }, start: '16:00', end: '24:00' },
];

/** The shift under way now in Asia/Shanghai, and the one after it. */
function nowAndNext(): { now: string; next: string } {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' }).formatToParts(Date.now());
  const get = (type: string) => parts.find((part) => part.type === type)!.value;
  const date = `${get('year')}-${get('month')}-${get('day')}`;
  const index = Math.floor(Number(get('hour')) / 8);
  const tomorrow = new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return { now: `${date}_${SHIFT_TYPES[index]!.id}`, next: index === 2 ? `${tomorrow}_night` : `${date}_${SHIFT_TYPES[index + 1]!.id}` };
}

const openRota = (page: Page) => page.getByRole('navigation').getByRole('link', { name: /值班表|Rota/ }).click();
const tab = (page: Page, name: RegExp) => page.getByRole('navigation', { name: /值班表视图|Rota views/ }).getByRole('button', { name }).click();

async function syncBoth(...computers: Computer[]) {
  for (let round = 0; round < 2; round += 1) for (const computer of computers) await call(computer, 'syncNow', {});
}

test('a lead publishes a month, a member asks cover, a colleague on the other computer takes it', async ({ openComputer }) => {
  test.setTimeout(360_000);
  const lead = await openComputer({ locale: 'zh-CN' });
  const member = await openComputer({ locale: 'zh-CN' });
  await teamOfTwo(lead, member);
  const leadId = (await call<TeamView>(lead, 'getTeam', {})).me.memberId!;
  await call(lead, 'setMemberRoles', { memberId: leadId, roles: ['admin', 'lead', 'editor'] });
  await call(lead, 'setTeamSettings', { changes: { shiftTypes: SHIFT_TYPES } });
  await syncBoth(lead, member);
  await lead.page.reload();
  const { now, next } = nowAndNext();
  // A day well ahead for the pattern: the days before today are never written.
  const later = new Date(Date.parse(`${now.slice(0, 10)}T00:00:00Z`) + 40 * 86_400_000).toISOString().slice(0, 10);
  // The month shown is now's: the next shift is listed with it unless it starts next month.
  const nextShown = next.slice(0, 7) === now.slice(0, 7) ? 1 : 0;
  const errors: string[] = [];
  for (const computer of [lead, member]) computer.page.on('pageerror', (error) => errors.push(error.message));

  await test.step('小林 puts 老王 on the shift under way and the next, and publishes the month', async () => {
    const { page } = lead;
    await openRota(page);
    for (const key of [now, next]) {
      if (key.slice(0, 7) !== now.slice(0, 7)) await page.getByRole('button', { name: '下一页' }).click();
      await page.locator(`button[data-slot="${key}"]`).click();
      await page.getByRole('checkbox', { name: '老王' }).check();
      await page.getByRole('button', { name: '保存到草稿' }).click();
      await expect(page.locator(`button[data-slot="${key}"]`)).toContainText('未发布');
      await page.getByRole('button', { name: /^发布 / }).click();
      await expect(page.locator(`button[data-slot="${key}"]`)).not.toContainText('未发布');
      if (key.slice(0, 7) !== now.slice(0, 7)) await page.getByRole('button', { name: '上一页' }).click();
    }
    await expect(page.getByTestId('on-now')).toContainText('当班');
    await expect(page.getByTestId('on-now')).toContainText('老王');
    await shootBoth(lead, 'rota-month-lead', /Publish|Month/);
  });

  await test.step('老王 sees himself on now and asks for cover of the shift', async () => {
    await syncBoth(lead, member);
    const { page } = member;
    await expect(page.getByTestId('on-now')).toContainText('老王');
    await openRota(page);
    await tab(page, /个人班次/);
    await expect(page.getByTestId('person-shifts').locator('li')).toHaveCount(1 + nextShown);
    // Publishing told him what changed for him: the shifts now his.
    await expect(page.getByTestId('what-changed').first()).toContainText('新排给你');
    await page.getByTestId('person-shifts').locator('li').first().getByRole('button', { name: '申请代班' }).click();
    await expect(page.getByText('已申请代班，等待同事接班')).toBeVisible();
    await shootBoth(member, 'rota-my-shifts', /My shifts/);
  });

  await test.step('小林, on the other computer, takes it; both computers show him on now', async () => {
    await syncBoth(member, lead);
    const { page } = lead;
    await tab(page, /请假 \/ 代班 \/ 换班/);
    await expect(page.getByText('替 老王')).toBeVisible();
    await page.getByRole('button', { name: '谁可以代班' }).click();
    await expect(page.getByText('小林: 可以代班')).toBeVisible();
    await page.getByRole('button', { name: '我来代班' }).click();
    await expect(page.getByText('小林 代班').first()).toBeVisible();
    await expect(page.getByTestId('on-now')).toContainText('小林');
    await shootBoth(lead, 'rota-requests', /Cover/);
    await syncBoth(lead, member);
    await expect(member.page.getByTestId('on-now')).toContainText('小林');
    await tab(member.page, /个人班次/);
    await expect(member.page.getByTestId('person-shifts').locator('li')).toHaveCount(nextShown);
    await member.page.getByLabel('人员').selectOption({ label: '小林' });
    await expect(member.page.getByTestId('person-shifts').locator('li')).toHaveCount(1);
    await tab(lead.page, /个人班次/);
    await expect(lead.page.getByTestId('person-shifts').locator('li')).toHaveCount(1);
  });

  await test.step('the lead sees the checks with links, and fairness', async () => {
    const { page } = lead;
    await tab(page, /排班检查/);
    await expect(page.getByTestId('checks')).toBeVisible();
    await shootBoth(lead, 'rota-checks', /Checks/);
    await tab(page, /公平性/);
    await expect(page.getByRole('img', { name: /条形图/ })).toBeVisible();
    await shootBoth(lead, 'rota-fairness', /Fairness/);
  });

  await test.step('小林 says 早班 needs two people, in the team settings with the shift types', async () => {
    const { page } = lead;
    await page.getByRole('navigation').getByRole('link', { name: /设置|Settings/ }).click();
    const card = page.getByRole('region', { name: '团队设置' });
    await expect(card).toBeVisible();
    await card.getByRole('spinbutton', { name: '班次 2 所需人数' }).fill('2');
    await card.getByRole('button', { name: '保存团队设置' }).click();
    await expect(card.getByRole('status')).toContainText('已保存');
    await shootBoth(lead, 'rota-team-settings-shift-types', /People needed/);
  });

  await test.step('小林 builds a pattern with two people on 早班 and applies it to a day ahead', async () => {
    const { page } = lead;
    await openRota(page);
    await tab(page, /设置与导入/);
    const pattern = page.getByRole('region', { name: '轮班模板' });
    await expect(pattern.getByRole('rowheader', { name: /早班/ })).toContainText('需 2 人');
    await pattern.locator('summary[aria-label^="第 1 天 早班"]').click();
    await pattern.getByRole('group', { name: '第 1 天 早班' }).getByRole('checkbox', { name: '老王' }).check();
    await expect(pattern.locator('summary[aria-label^="第 1 天 早班"]')).toHaveAttribute('aria-label', /少于所需的 2 人/);
    await pattern.getByRole('group', { name: '第 1 天 早班' }).getByRole('checkbox', { name: '小林' }).check();
    await expect(pattern.locator('summary[aria-label^="第 1 天 早班"]')).toHaveText('小林、老王');
    await shootBoth(lead, 'rota-pattern', /Patterns/);
    await pattern.locator('summary[aria-label^="第 1 天 早班"]').click();
    await pattern.getByRole('button', { name: '保存模板' }).click();
    await fillDateField(dateField(pattern, '开始日期'), later);
    await fillDateField(dateField(pattern, '结束日期'), later);
    await pattern.getByRole('button', { name: '套用到这段日期' }).click();
    await expect(pattern.getByRole('status')).toHaveText('已写入 1 个班次');
    const view = await call<{ days: Array<{ slots: Array<{ key: string; draft: { primary: string[] } | null }> }> }>(lead, 'getRota', { from: later, days: 1 });
    expect(view.days[0]!.slots.find((slot) => slot.key === `${later}_early`)?.draft?.primary).toHaveLength(2);
  });

  await test.step('after both computers restart (services stopped and started on the same profile and folder), all of it is still there', async () => {
    await member.restart();
    await lead.restart();
    await expect(member.page.getByTestId('on-now')).toContainText('小林');
    await openRota(member.page);
    await tab(member.page, /个人班次/);
    await expect(member.page.getByTestId('person-shifts').locator('li')).toHaveCount(nextShown);
    await expect(member.page.getByTestId('what-changed').first()).toContainText('新排给你');
    await expect(lead.page.getByTestId('on-now')).toContainText('小林');
    await openRota(lead.page);
    await tab(lead.page, /请假 \/ 代班 \/ 换班/);
    await expect(lead.page.getByText('小林 代班').first()).toBeVisible();
    const view = await call<{ days: Array<{ slots: Array<{ key: string; draft: { primary: string[] } | null }> }> }>(lead, 'getRota', { from: later, days: 1 });
    expect(view.days[0]!.slots.find((slot) => slot.key === `${later}_early`)?.draft?.primary).toHaveLength(2);
  });
  expect(errors).toEqual([]);
});
