import { expect, test } from './support/fixtures';
import { shootBoth } from './support/screens';
import { teamOfOne } from './support/team-of-one';

/** Issue #17 item 9: the name in one place; time zones common first, named and with offsets; the header date in the team's zone, labelled. */

test('a name is set in Settings only, and the team list follows it', async ({ openComputer }) => {
  const computer = await openComputer();
  await teamOfOne(computer);
  const { page } = computer;
  const nav = page.getByRole('navigation');
  await nav.getByRole('link', { name: /团队/ }).click();
  await expect(page.getByRole('textbox')).toHaveCount(0);
  await page.getByRole('link', { name: '在“设置”里改名字' }).click();
  const name = page.getByRole('textbox', { name: '你的名字' });
  await name.fill('小林（早班）');
  await name.press('Enter');
  await nav.getByRole('link', { name: /团队/ }).click();
  await expect(page.locator('.team-member__name').first()).toContainText('小林（早班）');
});

test("the team's time zone is picked from common ones named in the UI's language, and the header date is the team's, labelled", async ({ openComputer }) => {
  // A person working from Berlin for a team in Shanghai: the header must say whose date it shows.
  const computer = await openComputer({ timeZone: 'Europe/Berlin' });
  await teamOfOne(computer);
  const { page } = computer;
  expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe('Europe/Berlin');
  const shanghai = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', ...options }).format(Date.now());
  const header = page.locator('.topbar .today');
  await expect(header).toContainText(`${shanghai({ month: 'long', day: 'numeric' })} ${shanghai({ weekday: 'long' })}`);
  await expect(header).toContainText('团队时区（北京/上海），与这台电脑不同');

  await page.getByRole('navigation').getByRole('link', { name: /设置/ }).click();
  const zone = page.getByRole('combobox', { name: '团队时区' });
  await expect(zone.locator('optgroup').first()).toHaveAttribute('label', '常用');
  await expect(zone.locator('option').first()).toHaveText('北京/上海（GMT+8）');
  await expect(zone.locator('option:checked')).toHaveText('北京/上海（GMT+8）');
  await expect(zone.locator('optgroup').nth(1).locator('option', { hasText: 'Europe/Paris' })).toHaveText(/^中欧.*Europe\/Paris（GMT\+\d）$/);
  await shootBoth(computer, 'first-day-settings-zone', /^Team time zone$/);
});
