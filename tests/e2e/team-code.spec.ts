import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Page } from '@playwright/test';
import { teamFileSchema } from '../../shared/sync/team-files';
import { replaceRoot } from '../support/replaced-root';
import { call } from './support/bridge';
import { expect, test } from './support/fixtures';
import { finishFirstRun, teamCodeOf } from './support/first-run';
import { shootBoth, shootWhole as shoot } from './support/screens';

async function openTeam(page: Page) {
  await page.getByRole('navigation').getByRole('link', { name: /^(团队|Team)/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^(团队|Team)$/ })).toBeVisible();
}

const codeField = (page: Page) => page.getByRole('textbox', { name: /^(团队码|Team code)$/ });

/** Types name and code on the first run's join step and presses the main button. */
async function tryToJoin(page: Page, name: string, code: string) {
  await page.getByRole('textbox', { name: /^(你的名字|Your name)$/ }).fill(name);
  await codeField(page).fill(code);
  await page.getByRole('button', { name: /^(开始使用|Get started)$/ }).click();
}

test('joining asks for the team code: a wrong one is refused, the admin\'s one joins, a replaced team.json is refused', async ({ openComputer }, testInfo) => {
  // Five computers on a shared machine.
  test.setTimeout(240_000);
  const admin = await openComputer({ locale: 'zh-CN' });
  const errors: string[] = [];
  admin.page.on('pageerror', (error) => errors.push(error.message));
  await call(admin, 'createTeam', { memberName: '王主管', teamName: '品牌运营组', path: admin.shared });
  await admin.page.reload();
  const code = await teamCodeOf(admin);

  await test.step('the admin sees the team code on the Team screen, to read aloud or copy', async () => {
    await openTeam(admin.page);
    const card = admin.page.getByRole('region', { name: '团队码' });
    await expect(card.getByLabel('团队码')).toHaveText(code.replace(/-/g, ''));
    await expect(card.getByRole('button', { name: '复制团队码' })).toBeVisible();
    await shootBoth(admin, 'team-code', /^Team code$/);
  });

  const newcomer = await openComputer({ shared: admin.shared, locale: 'zh-CN' });
  const { page } = newcomer;
  newcomer.page.on('pageerror', (error) => errors.push(error.message));

  await test.step('the join step asks for the code; a wrong one is refused next to the field, in both languages', async () => {
    await expect(page.getByText(/这个文件夹里已有团队“品牌运营组”/)).toBeVisible();
    await expect(codeField(page)).toBeVisible();
    await shoot(page, 'team-code-join-zh-CN');
    const wrong = `${code.slice(0, -1)}${code.endsWith('7') ? '8' : '7'}`;
    await tryToJoin(page, '李雷', wrong);
    await expect(page.getByText(/^这个团队码和文件夹里的团队对不上/)).toBeVisible();
    await expect(codeField(page)).toHaveAttribute('aria-invalid', 'true');
    await expect(codeField(page)).toBeFocused();
    await shoot(page, 'team-code-wrong-zh-CN');
    await page.getByRole('radio', { name: 'English' }).check();
    await expect(page.getByText(/^This code does not match the team in this folder/)).toBeVisible();
    await shoot(page, 'team-code-wrong-en');
    expect((await call<{ firstRunDone: boolean }>(newcomer, 'getSettings')).firstRunDone).toBe(false);
  });

  await test.step('the admin\'s code, typed the way it was read aloud, joins and waits for approval', async () => {
    await tryToJoin(page, '李雷', code.toLowerCase().replace(/-/g, ' '));
    await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
    await openTeam(page);
    await expect(page.getByText("Waiting for an admin's approval", { exact: true })).toBeVisible();
    // Not an admin: no code to give out.
    await expect(page.getByRole('region', { name: 'Team code' })).toHaveCount(0);
    await call(admin, 'syncNow');
    await expect(admin.page.getByRole('listitem').filter({ hasText: '李雷 申请加入' })).toBeVisible();
  });

  await test.step('someone replaces the root key in team.json: a newcomer with the real code is refused, the admin keeps refusing the folder', async () => {
    const real = teamFileSchema.parse(JSON.parse(readFileSync(join(admin.shared, 'baton', 'team.json'), 'utf8')));
    for (const [path, text] of replaceRoot(real).files) {
      mkdirSync(dirname(join(admin.shared, path)), { recursive: true });
      writeFileSync(join(admin.shared, path), text);
    }
    const late = await openComputer({ shared: admin.shared, locale: 'en-US' });
    await tryToJoin(late.page, 'Han Meimei', code);
    await expect(late.page.getByText(/^This code does not match the team in this folder/)).toBeVisible();
    await shoot(late.page, 'team-code-replaced-en');
    expect(await call<{ available: boolean }>(admin, 'syncNow')).toMatchObject({ available: false, unavailableReason: 'team-replaced' });
    // The admin's Sync screen says what happened in plain words, not "no team here yet".
    await admin.page.getByRole('navigation').getByRole('link', { name: /^(同步状态|Sync)/ }).click();
    await expect(admin.page.getByText(/^这个文件夹里的 baton\/team\.json 被换掉了/)).toBeVisible();
    await shootBoth(admin, 'sync-team-replaced', /^baton\/team\.json in this folder was replaced/);
    expect(await teamCodeOf(admin)).toBe(code);
    // baton doctor, given the code, says team.json contradicts it and which device is the root.
    const doctor = spawnSync(process.execPath, ['dist/host/baton.mjs', 'doctor', '--shared', admin.shared, '--team-code', code], { encoding: 'utf8' });
    expect(doctor.status).toBe(0);
    const report = JSON.parse(doctor.stdout) as { rootOfTrust: { teamCodeMatches: boolean; findings: Array<{ kind: string; deviceId: string }> } };
    expect(report.rootOfTrust.teamCodeMatches).toBe(false);
    expect(report.rootOfTrust.findings.map((finding) => finding.kind)).toEqual(['team-code-mismatch', 'team-code-matches-device', 'second-root']);
    expect(report.rootOfTrust.findings[1]!.deviceId).toBe(real.rootDeviceId);
    expect(doctor.stderr).toContain('baton/team.json was replaced');
  });

  await test.step('a newcomer who joins through the helper types the code too', async () => {
    const other = await openComputer({ shared: testInfo.outputPath('another-team-folder'), locale: 'en-US' });
    await call(other, 'createTeam', { memberName: 'Lin', teamName: 'Brand Weibo', path: other.shared });
    const joiner = await openComputer({ shared: other.shared, locale: 'en-US' });
    await finishFirstRun(joiner.page, 'Alex', { teamCode: await teamCodeOf(other) });
    // The request is in the folder once the first run ends; this computer reads it back at its next poll.
    await expect.poll(async () => (await call<{ me: { status: string } }>(joiner, 'getTeam')).me.status).toBe('pending');
  });
  expect(errors).toEqual([]);
});
