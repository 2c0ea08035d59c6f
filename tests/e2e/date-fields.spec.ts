import { seriousViolations } from './support/axe';
import { call } from './support/bridge';
import { dateField, fillDateField, shownDate } from './support/date-fields';
import { expect, test } from './support/fixtures';
import { shootWhole } from './support/screens';
import { shanghaiTime } from './support/team-clock';
import { teamOfOne } from './support/team-of-one';

/**
 * Issue #17 item 9: date and time fields follow the UI's language, not the browser's (this browser
 * speaks American English, whose own fields showed mm/dd/yyyy and AM/PM in the Chinese UI), with
 * 24-hour time, and switch with the language at once.
 */
test('date and time fields speak the UI language in 24-hour time, switch with it at once, and are picked by keyboard', async ({ openComputer }) => {
  const computer = await openComputer({ locale: 'en-US', clock: shanghaiTime('2026-12-07', '10:00') });
  await teamOfOne(computer);
  const { page } = computer;
  // Chosen on the Settings screen, as a person would on an English system.
  await page.getByRole('navigation').getByRole('link', { name: /Settings/ }).click();
  await page.getByRole('radio', { name: '中文', exact: true }).check();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');

  await test.step('the handover date reads year/month/day in Chinese', async () => {
    await page.getByRole('navigation').getByRole('link', { name: /交接班/ }).click();
    const date = dateField(page, '日期');
    await expect(date).toHaveAttribute('data-value', '2026-12-07');
    expect(await shownDate(date)).toBe('2026/12/07');
  });

  await page.getByRole('navigation').getByRole('link', { name: /待跟进/ }).click();
  const form = page.getByRole('group', { name: '新的待跟进事项' });
  const due = dateField(form, '截止时间');

  await test.step('a due time is typed part by part and shown 24-hour, no 上午/下午', async () => {
    expect(await shownDate(due)).toBe('年/月/日 ––:––');
    await fillDateField(due, '2026-12-07T16:00');
    expect(await shownDate(due)).toBe('2026/12/07 16:00');
    await shootWhole(page, 'date-fields-zh-CN');
  });

  await test.step('switching to English changes the field at once and keeps what was typed', async () => {
    await call(computer, 'updateSettings', { language: 'en' });
    const dueEn = dateField(page.getByRole('group', { name: 'New follow-up' }), 'Due');
    await expect(dueEn).toHaveAttribute('data-value', '2026-12-07T16:00');
    expect(await shownDate(dueEn)).toBe('12/07/2026, 16:00');
    await shootWhole(page, 'date-fields-en');
  });

  await test.step('the calendar opens from the keyboard, a day is picked with the arrows, and axe finds nothing serious', async () => {
    const dueEn = dateField(page.getByRole('group', { name: 'New follow-up' }), 'Due');
    await dueEn.locator('[data-type="minute"]').focus();
    await page.keyboard.press('Tab');
    await expect(dueEn.getByRole('button', { name: /Calendar/ })).toBeFocused();
    await page.keyboard.press('Enter');
    const calendar = page.getByRole('dialog');
    await expect(calendar.getByRole('heading')).toHaveText('December 2026');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: 'test-results/screens/date-fields-calendar-en.png' });
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await expect(calendar).toHaveCount(0);
    await expect(dueEn).toHaveAttribute('data-value', '2026-12-08T16:00');

    await call(computer, 'updateSettings', { language: 'zh-CN' });
    await due.getByRole('button', { name: /日历/ }).click();
    await expect(page.getByRole('dialog').getByRole('heading')).toHaveText('2026年12月');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: 'test-results/screens/date-fields-calendar-zh-CN.png' });
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    expect(await shownDate(due)).toBe('2026/12/08 16:00');
  });
});
