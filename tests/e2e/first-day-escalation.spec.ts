import { expect, test } from './support/fixtures';
import { LOOKS, shootLook, useLook } from './support/looks';
import { teamOfOne } from './support/team-of-one';
import { dateField, fillDateField } from './support/date-fields';

/** Issue #17 item 4: the escalation form checks each field as it is filled in, names it, and an added item can be changed. */

const day = (offset: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(Date.now() + offset * 86_400_000);

test('an escalation is checked field by field as it is typed, and an added item can be changed', async ({ openComputer }) => {
  const computer = await openComputer();
  await teamOfOne(computer);
  const { page } = computer;
  await page.getByRole('navigation').getByRole('link', { name: /交接班/ }).click();
  const form = page.getByRole('group', { name: '新的待跟进事项' });
  const added = page.locator('li.fu-draft');

  await test.step('nothing is said before a field is visited; a due time in the past is explained at once', async () => {
    await form.getByLabel('类别', { exact: true }).selectOption('escalation');
    await expect(form.locator('.field__error')).toHaveCount(0);
    await fillDateField(dateField(form, /^截止时间/), `${day(-1)}T09:00`);
    await expect(form.getByRole('group', { name: /^截止时间/ })).toHaveAccessibleDescription(/截止时间：截止时间已经过去了，请选一个以后的时间。$/);
    await fillDateField(dateField(form, /^截止时间/), `${day(1)}T18:00`);
    await expect(form.locator('.field__error')).toHaveCount(0);
  });

  await test.step('a wrong link is named when the field is left; adding names every missing field and adds nothing', async () => {
    await form.getByLabel('微博链接', { exact: true }).fill('weibo.com/123');
    await form.getByLabel('微博链接', { exact: true }).blur();
    await expect(form.getByText('微博链接：请填写以 http:// 或 https:// 开头的网址。')).toBeVisible();
    await form.getByRole('button', { name: '加入本记录' }).click();
    await expect(form.getByText('事项：请填写这一项。')).toBeVisible();
    await expect(form.getByText('升级到哪个部门：请填写这一项。')).toBeVisible();
    await expect(added).toHaveCount(0);
    for (const look of LOOKS) {
      await useLook(computer, look);
      await page.locator('fieldset.follow-up-form').scrollIntoViewIfNeeded();
      await shootLook(page, 'first-day-escalation-errors', look);
    }
    await useLook(computer, LOOKS[0]);
  });

  await test.step('fixed field by field, the escalation is added; then changed in place', async () => {
    await form.getByRole('textbox', { name: '事项', exact: true }).fill('差评投诉转客服');
    await expect(form.getByText('事项：请填写这一项。')).toHaveCount(0);
    await form.getByLabel('升级到哪个部门', { exact: true }).selectOption('customer-service');
    await form.getByLabel('微博链接', { exact: true }).fill('https://weibo.com/1234/abcd');
    await expect(form.locator('.field__error')).toHaveCount(0);
    await form.getByRole('button', { name: '加入本记录' }).click();
    await expect(added).toHaveCount(1);
    await expect(added).toContainText('差评投诉转客服');
    await expect(added).toContainText('升级到 客服部');
    await added.getByRole('button', { name: '修改' }).click();
    const editForm = page.getByRole('group', { name: '修改这一项' });
    await expect(editForm.getByRole('textbox', { name: '事项', exact: true })).toHaveValue('差评投诉转客服');
    await expect(editForm.getByLabel('微博链接', { exact: true })).toHaveValue('https://weibo.com/1234/abcd');
    await editForm.getByRole('textbox', { name: '事项', exact: true }).fill('差评投诉转客服（加急）');
    await editForm.getByRole('button', { name: '保存修改' }).click();
    await expect(added).toHaveCount(1);
    await expect(added).toContainText('差评投诉转客服（加急）');
    await expect(page.getByRole('group', { name: '新的待跟进事项' })).toBeVisible();
  });
});
