import { renameSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect, test, type Computer } from './support/fixtures';
import { call } from './support/bridge';
import { finishFirstRun } from './support/first-run';
import { shootBoth } from './support/screens';
import { teamOfTwo } from './support/team-of-two';
import { dateField, fillDateField } from './support/date-fields';

const ZONE = 'Asia/Shanghai';
/** A calendar day in the team's zone, `days` from today, as a date-time picker wants it. */
const day = (days: number) => new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(Date.now() + days * 86_400_000);

interface Status {
  sharedDir: string;
  available: boolean;
  pendingOutbox: number;
}
interface FollowUp {
  id: string;
  title: string;
  hasConflicts: boolean;
  owner: { name: string };
}

const syncStatus = (computer: Computer) => call<Status>(computer, 'getSyncStatus');
const running = async (computer: Computer) => (await call<{ items: FollowUp[] }>(computer, 'listFollowUps', {})).items;

async function openFollowUps(page: Page) {
  await page.getByRole('navigation').getByRole('link', { name: /待跟进/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: '待跟进' })).toBeVisible();
}

/** Opens a follow-up's line on the list; its detail and editor open inside it. */
async function openItem(page: Page, title: string): Promise<Locator> {
  const item = page.locator('.fu-list > li').filter({ hasText: title });
  await item.locator('.fu-toggle').click();
  return item;
}

async function changeDue(item: Locator, value: string) {
  const editor = item.getByRole('group', { name: '修改这一项' });
  await fillDateField(dateField(editor, '截止时间'), value);
  await editor.getByRole('button', { name: '保存修改' }).click();
  await expect(editor.getByRole('status')).toHaveText('已保存');
}

const TITLE = '回复粉丝物流投诉';

test('a follow-up given to a colleague, changed on two computers at once, and the conflict decided', async ({ openComputer }) => {
  const first = await openComputer({ locale: 'zh-CN' });
  const second = await openComputer({ locale: 'zh-CN' });
  await teamOfTwo(first, second);
  const errors: string[] = [];
  for (const { page } of [first, second]) page.on('pageerror', (error) => errors.push(error.message));
  const { page } = first;

  await test.step('小林 gives a follow-up to 老王; a due time in the past is refused with the reason', async () => {
    await openFollowUps(page);
    const form = page.getByRole('group', { name: '新的待跟进事项' });
    const owner = form.getByLabel('负责人', { exact: true });
    await expect(owner.locator('option')).toHaveText(['小林（我）', '老王']);
    await expect(owner).toHaveValue(/.+/);
    await expect(owner.locator('option:checked')).toHaveText('小林（我）');
    await form.getByRole('textbox', { name: '事项', exact: true }).fill(TITLE);
    await owner.selectOption({ label: '老王' });
    await fillDateField(dateField(form, '截止时间'), `${day(-1)}T09:00`);
    await expect(form.getByText('按团队时区 北京/上海', { exact: true })).toBeVisible();
    await form.getByRole('button', { name: '创建待跟进事项' }).click();
    await expect(form.getByText('截止时间已经过去了，请选一个以后的时间。')).toBeVisible();
    // Nothing typed is lost: the person fixes the one field.
    await expect(form.getByRole('textbox', { name: '事项', exact: true })).toHaveValue(TITLE);
    await fillDateField(dateField(form, '截止时间'), `${day(1)}T18:00`);
    await shootBoth(first, 'follow-ups-form', /^New follow-up$/);
    await form.getByRole('button', { name: '创建待跟进事项' }).click();
    const line = page.locator('.fu-list > li').filter({ hasText: TITLE });
    await expect(line.getByText('负责人：老王')).toBeVisible();
    await expect(line.getByText(/18:00/)).toBeVisible();
    // The next one is mine again unless I choose otherwise.
    await expect(owner.locator('option:checked')).toHaveText('小林（我）');
  });

  await test.step('老王 sees it on his computer, his to do', async () => {
    await call(first, 'syncNow');
    await expect.poll(async () => {
      await call(second, 'syncNow');
      return (await running(second)).map((item) => [item.title, item.owner.name]);
    }).toEqual([[TITLE, '老王']]);
  });

  await test.step('the shared folder goes away; each changes the due time without seeing the other', async () => {
    // Only syncNow reads the folder: a poll under way while it is renamed could create it again.
    for (const computer of [first, second]) await call(computer, 'updateSettings', { pollIntervalSeconds: 300 });
    const folder = (await syncStatus(first)).sharedDir;
    renameSync(folder, `${folder}-away`);
    for (const computer of [first, second]) {
      await call(computer, 'syncNow');
      await expect.poll(async () => (await syncStatus(computer)).available).toBe(false);
    }

    const mine = await openItem(page, TITLE);
    const editor = mine.getByRole('group', { name: '修改这一项' });
    await editor.getByLabel('负责人', { exact: true }).selectOption({ label: '小林（我）' });
    await changeDue(mine, `${day(1)}T21:30`);
    await openFollowUps(second.page);
    await changeDue(await openItem(second.page, TITLE), `${day(1)}T22:45`);

    renameSync(`${folder}-away`, folder);
    await expect.poll(async () => {
      for (const computer of [first, second, first]) await call(computer, 'syncNow');
      return Promise.all([first, second].map(async (computer) => (await running(computer)).map((item) => item.hasConflicts)));
    }).toEqual([[true], [true]]);
  });

  await test.step('both computers show the same conflict: what is in effect and what is not, with who and when', async () => {
    for (const computer of [first, second]) {
      const panel = computer.page.getByRole('region', { name: '有人同时修改了这一项' });
      const choices = panel.getByRole('group', { name: '截止时间' }).getByRole('listitem');
      await expect(choices).toHaveCount(2);
      await expect(choices.filter({ hasText: '生效中' })).toHaveCount(1);
      await expect(choices.filter({ hasText: /21:30/ })).toContainText('小林 改于');
      await expect(choices.filter({ hasText: /22:45/ })).toContainText('老王 改于');
      // The owner was changed on one computer only: no conflict, 小林's change simply counts.
      await expect(panel.getByRole('group', { name: '负责人' })).toHaveCount(0);
      await expect(computer.page.locator('.fu-list > li').filter({ hasText: TITLE }).getByText('负责人：小林')).toBeVisible();
      await expect(computer.page.locator('.fu-line').filter({ hasText: TITLE }).getByText('有冲突')).toBeVisible();
    }
    await shootBoth(second, 'follow-ups-conflict', /^Changed on two computers at once$/);
  });

  await test.step('a newcomer not approved yet sees the conflict and the fields, and can change neither', async () => {
    const newcomer = await openComputer({ locale: 'zh-CN' });
    await finishFirstRun(newcomer.page, '小张');
    await expect.poll(async () => {
      await call(newcomer, 'syncNow');
      return (await running(newcomer)).map((item) => item.hasConflicts);
    }).toEqual([true]);
    await openFollowUps(newcomer.page);
    const item = await openItem(newcomer.page, TITLE);
    await expect(item.getByRole('region', { name: '有人同时修改了这一项' }).getByRole('button', { name: '保留这个' })).toHaveCount(2);
    for (const button of await item.getByRole('button', { name: '保留这个' }).all()) await expect(button).toBeDisabled();
    const editor = item.getByRole('group', { name: '修改这一项' });
    await expect(editor.getByRole('group', { name: '截止时间', exact: true })).toBeDisabled();
    await expect(editor.getByLabel('负责人', { exact: true })).toBeDisabled();
    await expect(editor.getByRole('button', { name: '保存修改' })).toBeDisabled();
    await newcomer.close();
  });

  await test.step('老王 keeps the change that lost; the conflict is gone on both, the history shows both and the decision', async () => {
    const panel = second.page.getByRole('region', { name: '有人同时修改了这一项' });
    const lost = panel.getByRole('listitem').filter({ hasText: '未生效' });
    const kept = (await lost.textContent())!.includes('21:30') ? /21:30/ : /22:45/;
    await lost.getByRole('button', { name: '保留这个' }).click();
    await expect(panel).toHaveCount(0);
    await call(second, 'syncNow');
    await expect.poll(async () => {
      await call(first, 'syncNow');
      return (await running(first)).map((item) => item.hasConflicts);
    }).toEqual([false]);
    for (const computer of [first, second]) {
      await expect(computer.page.getByRole('region', { name: '有人同时修改了这一项' })).toHaveCount(0);
      const line = computer.page.locator('.fu-line').filter({ hasText: TITLE });
      await expect(line.getByText('有冲突')).toHaveCount(0);
      await expect(line.getByText(kept)).toBeVisible();
      const history = computer.page.locator('.fu-history > li');
      await expect(history.filter({ hasText: /小林 · 负责人改为 小林；截止时间改为 .*21:30/ })).toHaveCount(1);
      await expect(history.filter({ hasText: /老王 · 截止时间改为 .*22:45/ })).toHaveCount(1);
      await expect(history.filter({ hasText: '解决了同时修改的冲突' })).toContainText('老王');
    }
    await shootBoth(first, 'follow-ups-resolved', /^History$/);
  });

  await test.step('moving the due time into the past is refused next to the field, with what was typed kept', async () => {
    const editor = page.getByRole('group', { name: '修改这一项' });
    await editor.getByRole('textbox', { name: '事项', exact: true }).fill('回复粉丝物流投诉（已联系快递）');
    await fillDateField(dateField(editor, '截止时间'), `${day(-1)}T09:00`);
    await editor.getByRole('button', { name: '保存修改' }).click();
    await expect(editor.getByRole('group', { name: '截止时间', exact: true })).toHaveAccessibleDescription(/截止时间已经过去了，请选一个以后的时间。/);
    await expect(dateField(editor, '截止时间')).toHaveAttribute('data-value', `${day(-1)}T09:00`);
    await expect(editor.getByRole('textbox', { name: '事项', exact: true })).toHaveValue('回复粉丝物流投诉（已联系快递）');
    await shootBoth(first, 'follow-ups-editor-past', /^Change this follow-up$/);
  });

  expect(errors).toEqual([]);
});
