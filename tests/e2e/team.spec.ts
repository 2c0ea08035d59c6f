import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test, type Computer } from './support/fixtures';
import { finishFirstRun } from './support/first-run';
import { call } from './support/bridge';
import { shootBoth, shootWhole as shoot } from './support/screens';

interface TeamView {
  me: { deviceId: string; status: string };
  pending: unknown[];
  setAside: Array<{ reason: string; deviceId: string; type: string }>;
}

const syncNow = (computer: Computer) => call(computer, 'syncNow');

async function openTeam(page: Page) {
  await page.getByRole('navigation').getByRole('link', { name: /^(团队|Team)/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^(团队|Team)$/ })).toBeVisible();
}

test('create with the CLI, join, approve, a newcomer\'s edit counts, a revoked computer\'s does not', async ({ openComputer }, testInfo) => {
  const shared = testInfo.outputPath('team-folder');
  const adminProfile = testInfo.outputPath('admin');
  mkdirSync(shared, { recursive: true });
  const teamId = execFileSync(process.execPath, ['dist/host/baton.mjs', 'team', 'create', '--shared', shared, '--profile', adminProfile,
    '--team', '品牌运营组', '--member', '王主管'], { encoding: 'utf8' });
  expect(teamId).toMatch(/^[a-z2-7]{26}\n$/);

  const admin = await openComputer({ profile: adminProfile, shared });
  const newcomer = await openComputer({ shared });
  const adminErrors: string[] = [];
  admin.page.on('pageerror', (error) => adminErrors.push(error.message));
  admin.page.on('dialog', (dialog) => void dialog.accept());

  await test.step('the CLI\'s profile opens as the admin, first run done', async () => {
    await openTeam(admin.page);
    await expect(admin.page.getByText(/^王主管/).first()).toBeVisible();
    await expect(admin.page.getByText('团队只有一位管理员', { exact: false })).toBeVisible();
  });

  await test.step('the newcomer\'s first run offers to join the folder\'s team', async () => {
    await expect(newcomer.page.getByText(/这个文件夹里已有团队“品牌运营组”/)).toBeVisible();
    await shoot(newcomer.page, 'team-first-run-join-zh-CN');
    await finishFirstRun(newcomer.page, '李雷');
    await openTeam(newcomer.page);
    await expect(newcomer.page.getByText('等待管理员批准', { exact: true })).toBeVisible();
    await expect(newcomer.page.getByRole('navigation').getByText('待批准')).toBeVisible();
    await shootBoth(newcomer, 'team-pending-banner', /^Waiting for an admin's approval$/);
  });

  await test.step('while waiting, the newcomer sees the banner above Handover and cannot submit', async () => {
    await newcomer.page.getByRole('navigation').getByRole('link', { name: /^交接班/ }).click();
    await expect(newcomer.page.getByRole('heading', { level: 1, name: '交接班' })).toBeVisible();
    await expect(newcomer.page.getByText('等待管理员批准', { exact: true })).toBeVisible();
    await expect(newcomer.page.getByText('只读：管理员批准这台电脑成为团队成员后才能写入。')).toBeVisible();
    await expect(newcomer.page.getByRole('button', { name: '提交交接班记录' })).toBeDisabled();
    await shoot(newcomer.page, 'team-pending-handover-zh-CN');
    await openTeam(newcomer.page);
  });

  await test.step('the admin sees the request and approves 李雷 as an editor', async () => {
    await syncNow(admin);
    const request = admin.page.getByRole('listitem').filter({ hasText: '李雷 申请加入' });
    await expect(request).toBeVisible();
    await expect(request.getByRole('checkbox', { name: '编辑' })).toBeChecked();
    await shootBoth(admin, 'team-request', /^Requests to join$/);
    await request.getByRole('button', { name: '批准' }).click();
    await expect(admin.page.getByText('李雷 申请加入')).toHaveCount(0);
    await expect(admin.page.getByRole('listitem').filter({ hasText: /^李雷/ }).getByText('编辑', { exact: true })).toBeVisible();
  });

  await test.step('approved, the newcomer renames itself in Settings (the one place for a name) and the admin sees the new name', async () => {
    await syncNow(newcomer);
    await expect(newcomer.page.getByText('等待管理员批准', { exact: true })).toHaveCount(0);
    await newcomer.page.getByRole('link', { name: '在“设置”里改名字' }).click();
    const name = newcomer.page.getByRole('textbox', { name: '你的名字' });
    await name.fill('李雷（早班）');
    await name.press('Enter');
    await expect(name).toHaveValue('李雷（早班）');
    await syncNow(newcomer);
    await syncNow(admin);
    await expect(admin.page.getByText('李雷（早班）', { exact: true })).toBeVisible();
    await shootBoth(admin, 'team-members', /^Members$/);
  });

  await test.step('revoked while away, the computer\'s next edit is set aside with its reason', async () => {
    const newcomerDevice = (await call<TeamView>(newcomer, 'getTeam')).me.deviceId;
    // The newcomer is offline, and its sync engine will not deliver the revocation before its next edit.
    await newcomer.kill();
    const member = admin.page.getByRole('listitem').filter({ hasText: /^李雷（早班）/ });
    await member.getByRole('button', { name: '停用' }).click();
    await expect(member.getByText('已停用')).toBeVisible();
    // The screen shows the revocation as soon as it is recorded; make sure it is in the folder too.
    expect((await call<{ pendingOutbox: number }>(admin, 'syncNow')).pendingOutbox).toBe(0);
    await admin.kill();
    const adminDevice = readdirSync(join(shared, 'baton', 'devices')).find((id) => id !== newcomerDevice && readdirSync(join(shared, 'baton', 'devices', id, 'log')).length >= 2)!;
    const log = join(shared, 'baton', 'devices', adminDevice, 'log');
    const revocation = readdirSync(log).sort().at(-1)!;
    const held = testInfo.outputPath('held-by-sync-engine');
    renameSync(join(log, revocation), held);

    await newcomer.restart();
    await newcomer.page.getByRole('navigation').getByRole('link', { name: /设置/ }).click();
    const name = newcomer.page.getByRole('textbox', { name: '你的名字' });
    await name.fill('李雷（被停用后）');
    await name.press('Enter');
    await syncNow(newcomer);
    renameSync(held, join(log, revocation));

    await admin.restart();
    await syncNow(admin);
    const view = await call<TeamView>(admin, 'getTeam');
    expect(view.setAside).toContainEqual(expect.objectContaining({ reason: 'device-revoked', deviceId: newcomerDevice, type: 'member.profileSet' }));
    await openTeam(admin.page);
    await expect(admin.page.getByText('李雷（被停用后）')).toHaveCount(0);
    await expect(admin.page.getByText('这台电脑已被停用，这是停用之后写下的')).toBeVisible();
    // Whose computer, in words; what and which device only one click away (issue 17, item 8).
    const setAside = admin.page.getByRole('region', { name: '未计入的操作' });
    await expect(setAside.getByText('来自 李雷（早班） 的电脑')).toBeVisible();
    const detail = setAside.getByText(`member.profileSet · ${newcomerDevice}`);
    await expect(detail).toBeHidden();
    await setAside.getByText('详细信息').first().click();
    await expect(detail).toBeVisible();
    await expect(admin.page.getByRole('listitem').filter({ hasText: /^李雷（早班）/ }).getByText('电脑 1', { exact: true })).toBeVisible();
    await shootBoth(admin, 'team-set-aside', /^Changes not counted$/);

    const doctor = JSON.parse(execFileSync(process.execPath, ['dist/host/baton.mjs', 'team', 'doctor', '--shared', shared], { encoding: 'utf8' })) as TeamView & { setAsideOps: TeamView['setAside'] };
    expect(doctor.setAsideOps).toContainEqual(expect.objectContaining({ reason: 'device-revoked', deviceId: newcomerDevice }));
  });
  expect(adminErrors).toEqual([]);
});

test('first run on an empty shared folder creates a team with this computer as its admin', async ({ openComputer }) => {
  const computer = await openComputer({ locale: 'en-US' });
  const { page } = computer;
  await page.getByRole('textbox', { name: 'Your name' }).fill('Lin');
  await expect(page.getByText(/^This folder holds no team yet/)).toBeVisible();
  await page.getByRole('textbox', { name: 'Team name' }).fill('Brand Weibo');
  await expect(page.getByRole('button', { name: 'Create the team' })).toBeEnabled();
  await shoot(page, 'team-first-run-create-en');
  await call(computer, 'updateSettings', { language: 'zh-CN' });
  await expect(page.getByRole('button', { name: '创建团队' })).toBeVisible();
  await shoot(page, 'team-first-run-create-zh-CN');
  await page.getByRole('button', { name: '创建团队' }).click();
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible();
  await openTeam(page);
  const view = await call<TeamView & { me: { isAdmin: boolean; roles: string[] } }>(computer, 'getTeam');
  expect(view.me).toMatchObject({ status: 'approved', isAdmin: true, roles: ['admin', 'lead', 'approver', 'editor'] });
  await expect(page.getByRole('listitem').filter({ hasText: /^Lin/ }).getByText('管理员', { exact: true })).toBeVisible();
});
