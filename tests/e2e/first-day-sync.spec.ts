import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { call } from './support/bridge';
import { expect, test } from './support/fixtures';
import { finishFirstRun } from './support/first-run';
import { shootBoth } from './support/screens';
import { teamOfOne } from './support/team-of-one';

/** Issue #17 item 8: the Sync screen leads with plain sentences; device ids, file names and keys are one click away. */

interface Status { sharedDir: string; deviceId: string }

async function openSync(page: Page) {
  await page.getByRole('navigation').getByRole('link', { name: /^同步状态/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: '同步状态' })).toBeVisible();
}

test("on Baton's own folder it says nothing is shared yet, and the engineer's view waits behind one click", async ({ openComputer }) => {
  const computer = await openComputer();
  await finishFirstRun(computer.page, '小林', { folder: 'embedded' });
  const { page } = computer;
  await openSync(page);
  const folder = page.getByRole('region', { name: '共享文件夹' });
  await expect(folder.getByText('内容保存在这台电脑上', { exact: true })).toBeVisible();
  await expect(folder.getByText('还没有选团队的共享文件夹，接力现在用的是这台电脑上自己的文件夹：你写的内容都保存着，但同事看不到。')).toBeVisible();
  await expect(page.locator('main')).not.toContainText(/团队的修改会自动收发|同步正常/);
  const { deviceId } = await call<Status>(computer, 'getSyncStatus', {});
  await expect(page.getByText(deviceId.slice(0, 8), { exact: true }).first()).toBeHidden();
  await expect(page.getByText('作为参照')).toBeHidden();
  await shootBoth(computer, 'first-day-sync-own-folder', /^Kept on this computer$/);

  await page.getByText(/^详细信息：/).click();
  await expect(page.getByRole('region', { name: '这台电脑' }).getByText(deviceId.slice(0, 8), { exact: true })).toBeVisible();
  await folder.getByRole('link', { name: '在设置里选团队的共享文件夹' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '设置' })).toBeVisible();
});

test("on the team's folder: whose changes are here up to when, and how many files could not be read, nothing lost", async ({ openComputer }) => {
  const computer = await openComputer();
  await teamOfOne(computer);
  const { page } = computer;
  const { sharedDir, deviceId } = await call<Status>(computer, 'getSyncStatus', {});
  const log = join(sharedDir, 'baton', 'devices', deviceId, 'log');
  mkdirSync(log, { recursive: true });
  writeFileSync(join(log, 'notes.json'), JSON.stringify({ title: '本周选题' }));
  await openSync(page);
  await page.getByRole('button', { name: '立即检查' }).click();

  const folder = page.getByRole('region', { name: '共享文件夹' });
  await expect(folder.getByText(/^大家在 \d\d:\d\d 之前写下的修改都已经在这里了。$/)).toBeVisible();
  await expect(folder.getByText('有 1 个文件读不了：什么都没有丢，详情在下面。')).toBeVisible();
  // The file that could not be read is told at once; the devices' ids and file names stay behind the details.
  await expect(page.getByRole('region', { name: '已搁置的文件' }).getByText('notes.json')).toBeVisible();
  await expect(page.getByRole('region', { name: '看到的设备' })).toBeHidden();
  await shootBoth(computer, 'first-day-sync-team-folder', /^Everyone's changes up to \d\d:\d\d are here\.$/);
});
