import type { Page } from '@playwright/test';
import { call } from './support/bridge';
import { expect, screenshotPath, test } from './support/fixtures';
import { pastePng } from './support/paste';
import { teamOfTwo } from './support/team-of-two';
import { dateField, fillDateField } from './support/date-fields';

/** Screens go to test-results/screens/handover-<name>-<lang>.png for people to look at. */
const shoot = (page: Page, name: string) => page.screenshot({ path: screenshotPath(`handover-${name}`), animations: 'disabled' });

interface TeamView {
  me: { memberId: string | null };
}

const openScreen = async (page: Page, name: RegExp) => page.getByRole('navigation').getByRole('link', { name }).click();

test('a handover note travels from one computer to the next shift, in Chinese', async ({ openComputer }) => {
  const first = await openComputer({ locale: 'zh-CN' });
  const second = await openComputer({ locale: 'zh-CN' });
  await teamOfTwo(first, second);
  const { page } = first;
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));

  await test.step('小林 writes a note with a pasted screenshot and an escalation', async () => {
    await openScreen(page, /交接班/);
    await expect(page.getByRole('heading', { name: '本班交接班记录' })).toBeVisible();
    await page.getByRole('button', { name: '提交交接班记录' }).click();
    await expect(page.getByText('所有栏目都是空的：至少写一栏再提交。')).toBeVisible();
    // Written for yesterday's shift, so that on the second computer it is the previous shift's note.
    const yesterday = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(Date.now() - 86_400_000);
    await fillDateField(dateField(page, '日期'), yesterday);
    await page.getByRole('textbox', { name: '本班概况' }).fill('**微博**投诉两条，已交接班给客服');
    await page.getByRole('textbox', { name: '下一班注意事项' }).fill('10 点直播，注意评论区');
    await pastePng(page, 'form.write textarea');
    await expect(page.getByRole('img', { name: /screenshot-.*\.png/ })).toBeVisible();
    await page.getByRole('textbox', { name: '事项', exact: true }).fill('客服回复差评投诉');
    await page.getByLabel('类别', { exact: true }).selectOption('escalation');
    await page.getByLabel('升级到哪个部门', { exact: true }).selectOption('customer-service');
    await page.getByLabel('微博链接', { exact: true }).fill('https://weibo.com/1234/abcd');
    await page.getByRole('button', { name: '加入本记录' }).click();
    await expect(page.getByText(/升级到 客服部/)).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: '草稿已保存' })).toBeVisible();
    await shoot(page, 'write-zh-CN');
    await page.getByRole('button', { name: '提交交接班记录' }).click();
    await expect(page.getByRole('heading', { name: /交接班记录$/ }).first()).toBeVisible();
    await expect(page.getByText('还没有人签收', { exact: true })).toBeVisible();
    await expect(page.locator('.markdown strong', { hasText: '微博' })).toBeVisible();
    await shoot(page, 'note-zh-CN');
  });

  await test.step('老王, on the other computer, sees it after a sync and acknowledges it', async () => {
    await call(first, 'syncNow', {});
    await expect.poll(async () => {
      await call(second, 'syncNow', {});
      return (await call<{ total: number }>(second, 'listHandovers', {})).total;
    }).toBe(1);
    await second.page.reload();
    await openScreen(second.page, /交接班/);
    await expect(second.page.getByRole('heading', { name: /上一班的交接/ })).toBeVisible();
    await shoot(second.page, 'previous-zh-CN');
    // Signing means having read: the card opens the note, the button is under its text.
    await expect(second.page.getByRole('button', { name: '签收', exact: true })).toHaveCount(0);
    await second.page.getByRole('button', { name: '阅读并签收' }).click();
    await second.page.getByRole('button', { name: '我已读完，签收' }).click();
    await expect(second.page.getByText(/^你已于 .* 签收$/)).toBeVisible();
    await second.page.getByRole('tab', { name: '写交接班记录' }).click();
    // The escalation is carried into 老王's note.
    await expect(second.page.getByText('客服回复差评投诉')).toBeVisible();
    await expect(second.page.getByText(/微博优先：还剩/)).toBeVisible();
  });

  await test.step('小林 sees the acknowledgement; search finds the note in Chinese', async () => {
    await call(second, 'syncNow', {});
    await expect.poll(async () => {
      await call(first, 'syncNow', {});
      const list = await call<{ items: Array<{ acknowledgedBy: Array<{ name: string }> }> }>(first, 'listHandovers', {});
      return list.items[0]?.acknowledgedBy.map((person) => person.name);
    }).toEqual(['老王']);
    await page.getByRole('tab', { name: '历史记录' }).click();
    await expect(page.getByText('老王 已签收')).toBeVisible();
    for (const word of ['微博', '投诉', '交接班']) {
      await page.getByRole('searchbox').fill(word);
      await expect(page.getByRole('list', { name: /条结果/ }).getByRole('button')).toHaveCount(1);
    }
    await page.getByRole('searchbox').fill('');
    await expect(page.getByText('共 1 份记录')).toBeVisible();
    // The author filter narrows the list to one person's notes.
    const author = page.getByRole('combobox', { name: '作者', exact: true });
    await author.selectOption({ label: '老王' });
    await expect(page.getByText('没有符合条件的记录')).toBeVisible();
    await author.selectOption({ label: '小林' });
    await expect(page.getByText('共 1 份记录')).toBeVisible();
    await author.selectOption({ label: '全部作者' });
    await expect(page.getByText('共 1 份记录')).toBeVisible();
    await shoot(page, 'history-zh-CN');
  });

  await test.step('an escalation past its deadline is shown overdue, first, in red', async () => {
    const created = await call<{ ok: boolean }>(first, 'createFollowUp', {
      title: '法务：侵权投诉',
      owner: { memberId: (await call<TeamView>(first, 'getTeam', {})).me.memberId, name: '小林' },
      dueAt: null,
      category: 'escalation',
      departmentId: 'legal',
      // Escalated three hours ago: the two-hour 'Weibo first' deadline has passed whenever this runs.
      escalation: { weiboLink: 'https://weibo.com/1/x', screenshotSha256: null, escalatedAt: Date.now() - 3 * 3_600_000 },
    });
    expect(created.ok).toBe(true);
    await openScreen(page, /待跟进/);
    const firstItem = page.locator('.fu-list > li').first();
    await expect(firstItem).toContainText('法务：侵权投诉');
    await expect(firstItem.getByText('已过期')).toBeVisible();
    await expect(firstItem.getByText(/微博优先：已超时/)).toBeVisible();
    await firstItem.getByRole('button').click();
    await page.getByLabel('状态', { exact: true }).selectOption('waiting');
    await expect(page.getByText(/状态改为 等待部门回复/)).toBeVisible();
    await shoot(page, 'follow-ups-zh-CN');
  });

  await test.step('the same screens in English', async () => {
    await call(first, 'updateSettings', { language: 'en' });
    await expect(page.getByRole('heading', { level: 1, name: 'Follow-ups' })).toBeVisible();
    await shoot(page, 'follow-ups-en');
    await openScreen(page, /Handover/);
    await page.getByRole('tab', { name: 'Write handover' }).click();
    await expect(page.getByRole('heading', { name: "This shift's handover note" })).toBeVisible();
    await shoot(page, 'write-en');
    await page.getByRole('tab', { name: 'History' }).click();
    await expect(page.getByText('Notes: 1')).toBeVisible();
    await shoot(page, 'history-en');
    await page.locator('.history__row').first().click();
    await expect(page.getByRole('button', { name: 'Print' })).toBeVisible();
    await shoot(page, 'note-en');
    await call(first, 'updateSettings', { language: 'zh-CN' });
  });

  await test.step('a draft typed when the computer dies is there after a restart', async () => {
    await openScreen(page, /交接班/);
    await page.getByRole('tab', { name: '写交接班记录' }).click();
    await page.getByRole('textbox', { name: '舆情' }).fill('有人在带节奏，继续观察');
    await expect(page.getByRole('status').filter({ hasText: '草稿已保存' })).toBeVisible();
    await first.kill();
    await first.restart();
    await openScreen(first.page, /交接班/);
    await expect(first.page.getByRole('textbox', { name: '舆情' })).toHaveValue('有人在带节奏，继续观察');
  });

  expect(errors).toEqual([]);
});
