import { expect, test } from './support/fixtures';
import { LOOKS, shootLook, useLook } from './support/looks';
import { teamOfOne } from './support/team-of-one';

/** Issue #17 items 2 and 3: the first run promises only what exists; each empty list says what goes there and offers the first step. */

test('the first run names what Baton holds: the briefing, handovers and follow-ups, the rota, the SOPs and prize approvals', async ({ openComputer }) => {
  const { page } = await openComputer();
  await expect(page.getByRole('heading', { level: 1, name: '欢迎使用接力' })).toBeVisible();
  await expect(page.getByText('开班简报、交接班记录和待跟进事项、值班表、运营规范和本班检查单、奖品审批', { exact: false })).toBeVisible();
});

test('an empty history, follow-up list and team each say what goes there and offer the first step', async ({ openComputer }) => {
  const computer = await openComputer();
  await teamOfOne(computer);
  const { page } = computer;
  const nav = page.getByRole('navigation');

  await test.step('history: no "0 notes", but what a note is and a button to write the first', async () => {
    await nav.getByRole('link', { name: /交接班/ }).click();
    await page.getByRole('tab', { name: '历史记录' }).click();
    await expect(page.getByText('还没有交接班记录')).toBeVisible();
    await expect(page.getByText('共 0 份记录')).toHaveCount(0);
    for (const look of LOOKS) {
      await useLook(computer, look);
      await shootLook(page, 'first-day-history-empty', look);
    }
    await useLook(computer, LOOKS[0]);
    await page.getByRole('button', { name: '写第一份交接班记录' }).click();
    await expect(page.getByRole('heading', { name: '本班交接班记录' })).toBeVisible();
  });

  await test.step('a filter that matches nothing offers to clear it', async () => {
    await page.getByRole('tab', { name: '历史记录' }).click();
    await page.getByLabel('未签收').check();
    await expect(page.getByText('没有符合条件的记录')).toBeVisible();
    await page.getByRole('button', { name: '清除筛选' }).click();
    await expect(page.getByLabel('未签收')).not.toBeChecked();
  });

  await test.step('follow-ups: what one is, and a button that takes the person to the form', async () => {
    await nav.getByRole('link', { name: /待跟进/ }).click();
    await expect(page.getByText('现在没有未完成的待跟进事项')).toBeVisible();
    await expect(page.getByText(/记成一项待跟进/)).toBeVisible();
    for (const look of LOOKS) {
      await useLook(computer, look);
      await shootLook(page, 'first-day-follow-ups-empty', look);
    }
    await useLook(computer, LOOKS[0]);
    await page.getByRole('button', { name: '新建一项待跟进' }).click();
    await expect(page.getByRole('textbox', { name: '事项', exact: true })).toBeFocused();
  });

  await test.step('team: alone, told how colleagues join', async () => {
    await nav.getByRole('link', { name: /团队/ }).click();
    await expect(page.getByText('团队里现在只有你')).toBeVisible();
    await expect(page.getByText(/选同一个共享文件夹，申请加入/)).toBeVisible();
  });
});
