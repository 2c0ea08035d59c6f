import type { Page } from '@playwright/test';
import { call } from './support/bridge';
import { expect, test } from './support/fixtures';
import { LOOKS, shootLook, useLook } from './support/looks';
import { shanghaiTime } from './support/team-clock';
import { teamOfOne } from './support/team-of-one';
import { teamOfTwo } from './support/team-of-two';
import { dateField } from './support/date-fields';

/** Issue #17 item 1: which shift Baton proposes for a note, and why, at set times in the team's zone. */

const openWrite = async (page: Page) => {
  await page.getByRole('navigation').getByRole('link', { name: /交接班|Handover/ }).click();
  await expect(page.locator('#write-shift')).toBeVisible();
};

const cases = [
  { time: '07:59', date: '2026-12-06', shift: 'late', why: /现在（.*）没有班次在进行，下一个班次是 12月7日 早班 08:00–16:00。已选最近结束的班次：12月6日 晚班 16:00–24:00/ },
  { time: '08:01', date: '2026-12-07', shift: 'early', why: /正在进行的班次是 12月7日 早班 08:00–16:00，已为你选好/ },
  { time: '23:59', date: '2026-12-07', shift: 'late', why: /正在进行的班次是 12月7日 晚班 16:00–24:00，已为你选好/ },
];

for (const { time, date, shift, why } of cases) {
  test(`at ${time} team time Baton proposes ${date} ${shift} and says why`, async ({ openComputer }) => {
    const computer = await openComputer({ clock: shanghaiTime('2026-12-07', time) });
    await teamOfOne(computer);
    await openWrite(computer.page);
    await expect(dateField(computer.page, '日期')).toHaveAttribute('data-value', date);
    await expect(computer.page.locator('#write-shift')).toHaveValue(shift);
    await expect(computer.page.getByTestId('shift-why')).toHaveText(why);
  });
}

test('at 04:12 a stand-in is told no shift is under way, warned before a second note, and never shown their own note as the previous shift', async ({ openComputer }) => {
  const at = shanghaiTime('2026-12-07', '04:12');
  const lead = await openComputer({ clock: at });
  const standIn = await openComputer({ clock: at });
  await teamOfTwo(lead, standIn);

  await test.step('the late shift wrote its note before midnight', async () => {
    const { draft } = await call<{ draft: { sections: Record<string, string> } }>(lead, 'getHandoverDraft', {});
    const written = await call<{ ok: boolean }>(lead, 'submitHandover', { draft: { ...draft, sections: { ...draft.sections, summary: '晚班一切正常' } } });
    expect(written.ok).toBe(true);
    await call(lead, 'syncNow', {});
    await expect.poll(async () => {
      await call(standIn, 'syncNow', {});
      return (await call<{ total: number }>(standIn, 'listHandovers', {})).total;
    }).toBe(1);
  });

  const { page } = standIn;
  await test.step('the stand-in opens 交接班 at 04:12: the last shift that ended, said in words, and the note it already has', async () => {
    await page.reload();
    await openWrite(page);
    await expect(dateField(page, '日期')).toHaveAttribute('data-value', '2026-12-06');
    await expect(page.getByTestId('shift-why')).toContainText('没有班次在进行，下一个班次是 12月7日 早班 08:00–16:00。已选最近结束的班次：12月6日 晚班 16:00–24:00');
    await expect(page.getByRole('alert').filter({ hasText: '12月6日 晚班 16:00–24:00 已经有 1 份交接班记录（小林 写于' })).toBeVisible();
    for (const look of LOOKS) {
      await useLook(standIn, look);
      await shootLook(page, 'first-day-write-04-12', look);
    }
    await useLook(standIn, LOOKS[0]);
  });

  await test.step('submitting asks first; the previous-shift card then shows only the lead\'s note', async () => {
    await page.getByRole('textbox', { name: '本班概况' }).fill('凌晨代班，补充两条私信');
    await page.getByRole('button', { name: '提交交接班记录' }).click();
    await expect(page.getByRole('alertdialog')).toContainText('这个班次已经有记录了。确定再提交一份吗？');
    expect((await call<{ total: number }>(standIn, 'listHandovers', {})).total).toBe(1);
    await page.getByRole('button', { name: '仍然提交' }).click();
    await expect(page.getByRole('heading', { name: /交接班记录$/ }).first()).toBeVisible();
    expect((await call<{ total: number }>(standIn, 'listHandovers', {})).total).toBe(2);
    const previous = page.locator('section.previous');
    await expect(previous.getByText(/^小林 写于/)).toBeVisible();
    await expect(previous.getByText(/^老王 写于/)).toHaveCount(0);
  });
});
