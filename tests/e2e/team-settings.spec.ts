import { mkdirSync } from 'node:fs';
import type { Locator } from '@playwright/test';
import { call } from './support/bridge';
import { expect, screenshotPath, test, type Computer } from './support/fixtures';
import { teamOfTwo } from './support/team-of-two';

const SHOTS = '/tmp/shots-tset';

interface TeamView {
  me: { memberId: string };
}
interface FollowUp {
  title: string;
  escalation: { escalatedAt: number; deadlineAt: number } | null;
}

/** The card in either language. */
const cardOf = (computer: Computer) => computer.page.getByRole('region', { name: /^(团队设置|Team settings)$/ });

async function openSettingsCard(computer: Computer): Promise<Locator> {
  await computer.page.getByRole('navigation').getByRole('link', { name: /设置|Settings/ }).click();
  const card = cardOf(computer);
  await expect(card).toBeVisible();
  return card;
}

/** The card alone, in Chinese and then in English, for people to look at. */
async function shootCard(computer: Computer, name: string) {
  const card = cardOf(computer);
  mkdirSync(SHOTS, { recursive: true });
  // Tall enough that the whole card is on screen, not under the top bar.
  await computer.page.setViewportSize({ width: 1280, height: 2400 });
  await card.screenshot({ path: `${SHOTS}/${name}-zh-CN.png`, animations: 'disabled' });
  await call(computer, 'updateSettings', { language: 'en' });
  await expect(computer.page.getByRole('heading', { name: 'Team settings' })).toBeVisible();
  await card.screenshot({ path: `${SHOTS}/${name}-en.png`, animations: 'disabled' });
  await call(computer, 'updateSettings', { language: 'zh-CN' });
  await expect(computer.page.getByRole('heading', { name: '团队设置' })).toBeVisible();
  await computer.page.setViewportSize({ width: 1280, height: 820 });
}

test('the lead adds 夜班 and 公关部 and sets 微博优先 to 90 minutes; the handover screens use them', async ({ openComputer }) => {
  const lead = await openComputer({ locale: 'zh-CN' });
  const colleague = await openComputer({ locale: 'zh-CN' });
  await teamOfTwo(lead, colleague);
  // 小林 leads the team as well as writing handovers.
  const mine = await call<TeamView>(lead, 'getTeam', {});
  await call(lead, 'setMemberRoles', { memberId: mine.me.memberId, roles: ['admin', 'lead', 'editor'] });
  const errors: string[] = [];
  for (const { page } of [lead, colleague]) page.on('pageerror', (error) => errors.push(error.message));
  const { page } = lead;

  await test.step('小林 adds 夜班 00:00–08:00; a missing name is explained and nothing typed is lost', async () => {
    const card = await openSettingsCard(lead);
    await expect(card.getByText('只有值班长可以修改这些设置。')).toHaveCount(0);
    await card.getByRole('button', { name: '添加班次' }).click();
    await card.getByRole('textbox', { name: '班次 3 中文名称' }).fill('夜班');
    await card.getByRole('textbox', { name: '班次 3 开始' }).fill('00:00');
    await card.getByRole('textbox', { name: '班次 3 结束' }).fill('08:00');
    await card.getByRole('button', { name: '保存团队设置' }).click();
    await expect(card.getByText('请填写这一项。')).toBeVisible();
    await expect(card.getByRole('textbox', { name: '班次 3 中文名称' })).toHaveValue('夜班');
    await expect(card.getByRole('textbox', { name: '班次 3 英文名称' })).toHaveAttribute('aria-invalid', 'true');
    await shootCard(lead, 'team-settings-refused');
    await card.getByRole('textbox', { name: '班次 3 英文名称' }).fill('Night shift');
  });

  await test.step('adds the department 公关部, retires 法务部, sets 90 minutes and saves', async () => {
    const card = cardOf(lead);
    await card.getByRole('button', { name: '添加部门' }).click();
    await card.getByRole('textbox', { name: '部门 5 中文名称' }).fill('公关部');
    await card.getByRole('textbox', { name: '部门 5 英文名称' }).fill('PR');
    // Who to call there: a contact too long for a line of the pack is explained, kept as typed, then fixed.
    const contact = card.getByRole('textbox', { name: '部门 1 联系方式' });
    await contact.fill('张'.repeat(201));
    await card.getByRole('button', { name: '保存团队设置' }).click();
    await expect(card.getByText('太长了：最多 200 字（现在 201 字）。')).toBeVisible();
    await expect(contact).toHaveAttribute('aria-invalid', 'true');
    await expect(contact).toHaveValue('张'.repeat(201));
    await contact.fill(' 张敏 138 0000 1234 / 企业微信：客服值班群 ');
    await card.getByRole('textbox', { name: '部门 5 联系方式' }).fill('公关经理 赵倩 139 1111 2222');
    await expect(card.getByRole('textbox', { name: '部门 4 中文名称' })).toHaveValue('法务部');
    await card.getByRole('button', { name: '停用 部门 4' }).click();
    await card.getByLabel('微博优先时限（分钟）').fill('90');
    await expect(card.getByText(/1 小时 30 分钟内答复/)).toBeVisible();
    await card.getByRole('button', { name: '保存团队设置' }).click();
    await expect(card.getByRole('status')).toContainText('已保存');
    await expect(card.getByText('请填写这一项。')).toHaveCount(0);
    // What was saved is what the card shows now: the new rows carry their saved names.
    await expect(card.getByRole('textbox', { name: '班次 3 中文名称' })).toHaveValue('夜班');
    await expect(card.getByRole('button', { name: '停用 班次 3' })).toBeVisible();
    await expect(card.getByRole('button', { name: '恢复 部门 4' })).toBeVisible();
    await expect(card.getByRole('textbox', { name: '部门 1 联系方式' })).toHaveValue('张敏 138 0000 1234 / 企业微信：客服值班群');
    await shootCard(lead, 'team-settings-lead');
  });

  await test.step("the stand-in pack's 'whom to call' gives each department's contact, on screen and on paper", async () => {
    await page.getByRole('navigation').getByRole('link', { name: /代班手册/ }).click();
    const contacts = page.locator('section[aria-labelledby="stand-in-contacts-title"]');
    await expect(contacts.locator('[data-department]')).toHaveText(['客服部：张敏 138 0000 1234 / 企业微信：客服值班群', '公关部：公关经理 赵倩 139 1111 2222']);
    // The departments nobody can be called at yet, named once, with what to do meanwhile.
    await expect(contacts.getByTestId('departments-without-contact')).toHaveText('还没有联系方式：市场部、电商部。急事先找运营主管；联系方式由运营主管在“团队设置 → 投诉升级的部门”里填写。');
    await contacts.screenshot({ path: screenshotPath('stand-in-contacts-zh-CN'), animations: 'disabled' });
    await call(lead, 'updateSettings', { language: 'en' });
    await expect(contacts.locator('[data-department="customer-service"]')).toHaveText('Customer service: 张敏 138 0000 1234 / 企业微信：客服值班群');
    await expect(contacts.getByTestId('departments-without-contact')).toHaveText('No contact yet for Marketing, E-commerce. In a hurry, ask the team lead; a lead adds contacts in Team settings.');
    await contacts.screenshot({ path: screenshotPath('stand-in-contacts-en'), animations: 'disabled' });
    await call(lead, 'updateSettings', { language: 'zh-CN' });
    // On an A4 page, as printed.
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.emulateMedia({ media: 'print' });
    await expect(contacts.getByText('公关部：公关经理 赵倩 139 1111 2222')).toBeVisible();
    await page.screenshot({ path: screenshotPath('stand-in-contacts-print-zh-CN'), animations: 'disabled', fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 1280, height: 820 });
  });

  await test.step('the write view offers 夜班 and the escalation form offers 公关部 (not the retired 法务部) with 90 minutes', async () => {
    await page.getByRole('navigation').getByRole('link', { name: /交接班/ }).click();
    await expect(page.getByRole('heading', { name: '本班交接班记录' })).toBeVisible();
    await expect(page.getByLabel('班次', { exact: true }).locator('option')).toHaveText(['早班 08:00–16:00', '晚班 16:00–24:00', '夜班 00:00–08:00']);
    await page.getByLabel('类别', { exact: true }).selectOption('escalation');
    const departments = page.getByLabel('升级到哪个部门', { exact: true }).locator('option');
    await expect(departments).toHaveText(['请选择部门', '客服部', '市场部', '电商部', '公关部']);
    await expect(page.getByText('微博优先：微博上的投诉粉丝都看得到，所以对方部门要先处理它，在 90 分钟内答复（从升级时开始计时）。')).toBeVisible();
  });

  await test.step('an escalation made now is due 90 minutes later', async () => {
    await page.getByRole('navigation').getByRole('link', { name: /待跟进/ }).click();
    const form = page.getByRole('group', { name: '新的待跟进事项' });
    await form.getByRole('textbox', { name: '事项', exact: true }).fill('品牌危机公关回应');
    await form.getByLabel('类别', { exact: true }).selectOption('escalation');
    await form.getByLabel('升级到哪个部门', { exact: true }).selectOption({ label: '公关部' });
    await form.getByLabel('微博链接', { exact: true }).fill('https://weibo.com/1234/pr');
    await form.getByRole('button', { name: '创建待跟进事项' }).click();
    await expect(page.locator('.fu-list > li').filter({ hasText: '品牌危机公关回应' })).toBeVisible();
    const items = (await call<{ items: FollowUp[] }>(lead, 'listFollowUps', {})).items;
    const escalation = items.find((item) => item.title === '品牌危机公关回应')?.escalation;
    expect(escalation && escalation.deadlineAt - escalation.escalatedAt).toBe(90 * 60_000);
    // The stand-in pack's line for it says whom to call at 公关部.
    await page.getByRole('navigation').getByRole('link', { name: /代班手册/ }).click();
    const followUps = page.locator('section[aria-labelledby="stand-in-follow-ups-title"]');
    await expect(followUps.locator('li').filter({ hasText: '品牌危机公关回应' })).toContainText('已升级公关部，微博优先时限');
    await expect(followUps.locator('li').filter({ hasText: '品牌危机公关回应' })).toContainText('联系 公关经理 赵倩 139 1111 2222');
    await followUps.screenshot({ path: screenshotPath('stand-in-follow-ups-zh-CN'), animations: 'disabled' });
    await call(lead, 'updateSettings', { language: 'en' });
    await expect(followUps.locator('li').filter({ hasText: '品牌危机公关回应' })).toContainText('call 公关经理 赵倩 139 1111 2222');
    await followUps.screenshot({ path: screenshotPath('stand-in-follow-ups-en'), animations: 'disabled' });
    await call(lead, 'updateSettings', { language: 'zh-CN' });
  });

  await test.step('老王, an editor, sees the new settings after a sync, read-only', async () => {
    await call(lead, 'syncNow', {});
    await expect.poll(async () => {
      await call(colleague, 'syncNow', {});
      return (await call<{ settings: { escalationMinutes: number } }>(colleague, 'getTeamSettings', {})).settings.escalationMinutes;
    }).toBe(90);
    const card = await openSettingsCard(colleague);
    await expect(card.getByText('只有值班长可以修改这些设置。')).toBeVisible();
    await expect(card.getByRole('textbox', { name: '班次 3 中文名称' })).toHaveValue('夜班');
    await expect(card.getByRole('textbox', { name: '班次 3 中文名称' })).toBeDisabled();
    await expect(card.getByRole('button', { name: '保存团队设置' })).toHaveCount(0);
    await shootCard(colleague, 'team-settings-read-only');
  });

  expect(errors).toEqual([]);
});
