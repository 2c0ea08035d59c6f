import type { Page } from '@playwright/test';
import { lwwSetData } from '../../shared/sync/lww';
import { call } from './support/bridge';
import { expect, test } from './support/fixtures';
import { finishFirstRun } from './support/first-run';
import { shootBoth } from './support/screens';
import { teamOfOne } from './support/team-of-one';
import { writeTeam } from './support/team-writers';

const openRota = (page: Page) => page.getByRole('navigation').getByRole('link', { name: /值班表|Rota/ }).click();
const tab = (page: Page, name: RegExp) => page.getByRole('navigation', { name: /值班表视图|Rota views/ }).getByRole('button', { name });

/** The first eight days of the month the rota opens on (the store's today). */
function firstDaysOfThisMonth(): string[] {
  const month = new Date().toISOString().slice(0, 7);
  return Array.from({ length: 8 }, (_, index) => `${month}-0${index + 1}`);
}

test('a fresh team’s rota says what to do first, and the lead’s checks come grouped by kind and week', async ({ openComputer }) => {
  test.setTimeout(240_000);
  // 小林 works from Berlin: the rota names the team's zone as the header does.
  const lead = await openComputer({ locale: 'zh-CN', timeZone: 'Europe/Berlin' });
  await teamOfOne(lead);
  const team = await call<{ me: { memberId: string } }>(lead, 'getTeam', {});
  await call(lead, 'setMemberRoles', { memberId: team.me.memberId, roles: ['admin', 'lead', 'editor'] });
  await lead.page.reload();
  const { page } = lead;
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));

  await test.step('the month says nothing is planned and how to start, not a gap on every shift', async () => {
    await openRota(page);
    await expect(page.getByTestId('rota-empty')).toContainText('先建一个轮班模板');
    await expect(page.getByRole('heading', { name: /还没有排班/ })).toBeVisible();
    await expect(page.getByRole('grid')).toContainText('未排班');
    await expect(page.getByRole('grid')).not.toContainText('空缺');
    const zone = page.getByRole('note').filter({ hasText: '团队时区' });
    await expect(zone).toContainText('北京/上海');
    await expect(zone).not.toContainText('Asia/Shanghai');
    await expect(tab(page, /排班检查/).locator('.rota-count')).toHaveCount(0);
    await shootBoth(lead, 'rota-empty-month', /Nothing planned/);
  });

  await test.step('the checks name the empty month once instead of 62 gaps', async () => {
    await tab(page, /排班检查/).click();
    await expect(page.getByTestId('checks-unplanned')).toContainText('还没有排班');
    await expect(page.getByTestId('checks')).toHaveCount(0);
    await expect(page.getByText('没有需要注意的地方。')).toBeVisible();
    await shootBoth(lead, 'rota-empty-checks', /Nothing planned yet in/);
  });

  await test.step('"make a pattern" opens the pattern editor, ready to type', async () => {
    await page.getByTestId('checks-unplanned').getByRole('button', { name: '建轮班模板' }).click();
    await expect(page.getByRole('textbox', { name: '模板名称' })).toBeFocused();
  });

  await test.step('with eight early shifts drafted, the gaps and the run of days are grouped by kind and week', async () => {
    for (const date of firstDaysOfThisMonth()) await call(lead, 'setRotaSlot', { date, shiftTypeId: 'early', primary: [team.me.memberId], backup: null });
    await tab(page, /排班检查/).click();
    await expect(page.getByTestId('checks-unplanned')).toHaveCount(0);
    const groups = page.getByTestId('checks');
    await expect(groups.getByRole('heading', { name: /连续上班天数过多/ })).toContainText('1');
    const gaps = groups.getByRole('region', { name: /无人值班/ });
    await expect(gaps.getByRole('heading')).toContainText(/\d+/);
    // Many gaps: each week is closed until opened; a single check of its kind is open at once.
    const firstWeek = gaps.locator('details').first();
    await expect(firstWeek).not.toHaveAttribute('open', '');
    await expect(groups.getByRole('region', { name: /连续上班天数过多/ }).locator('details')).toHaveAttribute('open', '');
    await firstWeek.locator('summary').click();
    await expect(firstWeek.getByRole('link').first()).toContainText('无人值班');
    await shootBoth(lead, 'rota-checks-grouped', /Nobody on duty/);

    // A check opens its shift in the month, which no longer says it is empty.
    await firstWeek.getByRole('link').first().click();
    await expect(page.locator('button.slot--selected')).toBeVisible();
    await expect(page.getByTestId('rota-empty')).toHaveCount(0);
    await expect(page.getByRole('grid')).toContainText('空缺');
  });
  expect(errors).toEqual([]);
});

test('a team that set people needed and colour in the rota settings before sees those values with the shift types', async ({ openComputer }, testInfo) => {
  test.setTimeout(180_000);
  const shared = testInfo.outputPath('shared-folder');
  const now = Date.now();
  const team = await writeTeam(shared, ['小林'], now - 3_600_000);
  // What the rota settings wrote before people needed and colour were fields of the shift types.
  team.writers[0]!.emit(now - 1_800_000, { type: 'rota.teamSet', entity: 'rotaTeam:team', data: { ...lwwSetData(undefined, { shiftExtras: { early: { needed: 2, colour: '#d946ef' } } }) } });
  team.close();
  const computer = await openComputer({ shared, locale: 'zh-CN' });
  const { page } = computer;
  await finishFirstRun(page, '小周');
  await page.getByRole('navigation').getByRole('link', { name: /设置|Settings/ }).click();
  const card = page.getByRole('region', { name: '团队设置' });
  await expect(card.getByRole('spinbutton', { name: '班次 1 所需人数' })).toHaveValue('2');
  await expect(card.getByLabel('班次 1 颜色')).toHaveValue('#d946ef');
  // A shift type the old settings said nothing about shows the defaults.
  await expect(card.getByRole('spinbutton', { name: '班次 2 所需人数' })).toHaveValue('1');
  await card.scrollIntoViewIfNeeded();
  await shootBoth(computer, 'rota-legacy-shift-types', /People needed/);
});
