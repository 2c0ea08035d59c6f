import { seriousViolations } from './support/axe';
import type { Page } from '@playwright/test';
import { call } from './support/bridge';
import { expect, test } from './support/fixtures';
import { shootBoth, shootWhole } from './support/screens';
import { shanghaiTime } from './support/team-clock';

/** Issue #15: the sample team, from the first start to the three moments of a shift. */

async function expectAccessible(page: Page): Promise<void> {
  expect(await seriousViolations(page)).toEqual([]);
}

const openScreen = (page: Page, name: RegExp) => page.getByRole('navigation').getByRole('link', { name }).click();

// Today in the team's zone, five minutes into the early shift: the start of a shift.
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(Date.now());

test('first start, the sample team, the briefing at the start of a shift: sign, tick, write the handover, approve a prize step', async ({ openComputer }) => {
  test.slow();
  const computer = await openComputer({ clock: shanghaiTime(today, '08:05') });
  const { page } = computer;

  await test.step('the first run offers a sample team beside creating and joining', async () => {
    await expect(page.getByRole('heading', { level: 1, name: '欢迎使用接力' })).toBeVisible();
    await expect(page.getByRole('heading', { name: '想先看看接力用起来是什么样？' })).toBeVisible();
    await shootBoth(computer, 'sample-first-run', /Try a sample team/);
    await expectAccessible(page);
    await page.getByRole('button', { name: '试用示例团队' }).click();
  });

  await test.step('the briefing at the start of the shift: I am on it, the banner says it is a sample', async () => {
    await expect(page.getByRole('heading', { level: 1, name: '开班简报' })).toBeVisible();
    await expect(page.getByText('这是示例团队')).toBeVisible();
    await expect(page.getByText('这一班总体平稳', { exact: false }).first()).toBeVisible();
    await expect(page.getByText('夏日有奖转发：¥446.00 待你审批')).toBeVisible();
    await expect(page.getByText(/早班（主班）进行中/)).toBeVisible();
    await expectAccessible(page);
    await shootBoth(computer, 'sample-briefing', /This is a sample team/);
    await call(computer, 'updateSettings', { theme: 'dark' });
    await shootWhole(page, 'sample-briefing-dark-zh-CN');
    await call(computer, 'updateSettings', { theme: 'light' });
  });

  await test.step("I read and acknowledge the previous shift's handover", async () => {
    const card = page.locator('section[aria-labelledby="briefing-previous-title"]');
    await card.getByRole('button', { name: '阅读并签收' }).click();
    await expect(page.getByText('那条投诉被转发了十几次', { exact: false })).toBeVisible();
    await page.getByRole('button', { name: '我已读完，签收' }).click();
    await expect(page.getByRole('button', { name: '我已读完，签收' })).toHaveCount(0);
    await openScreen(page, /开班简报/);
    await expect(card.getByText(/^你已于 .* 签收$/)).toBeVisible();
  });

  await test.step("I tick an item of my shift's checklist", async () => {
    await openScreen(page, /本班检查单/);
    const item = page.locator('.sop-checklist__item').first();
    await expect(item).toBeVisible();
    await item.getByRole('checkbox').click();
    await expect(item.getByText(/林晓 .* 完成/)).toBeVisible();
    await expectAccessible(page);
    await shootBoth(computer, 'sample-checklist', /Checklist \d{4}-\d{2}-\d{2}/);
  });

  await test.step('I write the handover of my shift', async () => {
    await openScreen(page, /交接班/);
    // The screen still shows the note I signed: the writing tab is beside it.
    await page.getByRole('tab', { name: '写交接班记录' }).click();
    await expect(page.getByRole('heading', { name: '本班交接班记录' })).toBeVisible();
    await page.getByRole('textbox', { name: '本班概况' }).fill('早班平稳；投诉已由客服部回复，粉丝表示满意。');
    await page.getByRole('textbox', { name: '下一班注意事项' }).fill('20:00 话题博文素材已确认。');
    await page.getByRole('button', { name: '提交交接班记录' }).click();
    await expect(page.getByText('早班平稳；投诉已由客服部回复，粉丝表示满意。').first()).toBeVisible();
    await shootBoth(computer, 'sample-handover', /Handover/);
  });

  await test.step('I approve the prize request waiting for a lead', async () => {
    await openScreen(page, /奖品审批/);
    await expect(page.getByRole('heading', { name: '待我审批（1）' })).toBeVisible();
    await page.getByRole('button', { name: /夏日有奖转发/ }).first().click();
    await expect(page.getByText('第 1 步等你审批')).toBeVisible();
    await page.getByRole('button', { name: '批准', exact: true }).click();
    await expect(page.locator('.card__head .prize-status--approved')).toBeVisible();
    await expectAccessible(page);
    await shootBoth(computer, 'sample-prize-approved', /Prize request: /);
  });

  await test.step('leaving the sample brings back the first run, where nothing was set up yet', async () => {
    await page.getByRole('button', { name: '离开示例团队' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '欢迎使用接力' })).toBeVisible();
    await expect(page.getByRole('textbox', { name: '你的名字' })).toHaveValue('');
  });
});

test('with an English screen the sample team is in English: its people, notes and campaigns', async ({ openComputer }) => {
  // Ten minutes into the late shift: the early shift's note is the one to sign.
  const computer = await openComputer({ locale: 'en-US', clock: shanghaiTime(today, '16:10') });
  const { page } = computer;
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Baton' })).toBeVisible();
  await page.getByRole('button', { name: 'Try a sample team' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Shift briefing' })).toBeVisible();
  await expect(page.getByText('This is a sample team')).toBeVisible();
  await expect(page.getByText('A calm shift; posts had about 20% more interaction', { exact: false }).first()).toBeVisible();
  await expect(page.getByText('Summer repost lottery: ¥446.00 waits for your decision')).toBeVisible();
  await expect(page.getByText(/Late shift \(primary\) under way/)).toBeVisible();
  // The notice lies over the briefing's button at this size, which axe reads as its background.
  await page.getByRole('button', { name: 'Dismiss notification' }).click();
  await expectAccessible(page);
  await shootWhole(page, 'sample-briefing-late-en');
});
