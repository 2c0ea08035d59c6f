import { existsSync, readdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, screenshotPath, test, type Computer } from './support/fixtures';
import { finishFirstRun } from './support/first-run';

async function call<T>(computer: Computer, name: string, input: unknown): Promise<T> {
  const result = await computer.api(name, input);
  if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

/** The parts of SyncStatus (shared/sync/status.ts) this test looks at. */
interface Status {
  sharedDir: string;
  deviceId: string;
  available: boolean;
  pendingOutbox: number;
}

const syncStatus = (computer: Computer) => call<Status>(computer, 'getSyncStatus', {});

/** The segments this computer has published into the folder. */
function segmentsOf(status: Status): string[] {
  const log = join(status.sharedDir, 'baton', 'devices', status.deviceId, 'log');
  return existsSync(log) ? readdirSync(log).filter((name) => name.endsWith('.jsonl')) : [];
}

const openScreen = async (page: Page, name: RegExp) => page.getByRole('navigation').getByRole('link', { name }).click();
const queued = (page: Page, text: string) => page.getByRole('status').filter({ hasText: text });

test('a note submitted while the shared folder is away is kept, said so, and published when it is back', async ({ openComputer }) => {
  const computer = await openComputer({ locale: 'zh-CN' });
  const { page } = computer;
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  // Baton's own folder: a team of one, whose creator may write handover notes.
  await finishFirstRun(page, '小林', { folder: 'embedded' });
  await expect.poll(async () => (await syncStatus(computer)).available).toBe(true);
  // Only syncNow reads the folder here: a poll under way while it is renamed could create it again.
  await call(computer, 'updateSettings', { pollIntervalSeconds: 300 });
  const before = await syncStatus(computer);
  const folder = before.sharedDir;
  const away = `${folder}-away`;
  const published = segmentsOf(before).length;

  await test.step('the folder goes away', async () => {
    renameSync(folder, away);
    await call(computer, 'syncNow', {});
    await expect.poll(async () => (await syncStatus(computer)).available).toBe(false);
  });

  await test.step('a note written and submitted now is saved on this computer, and the screen says so', async () => {
    await openScreen(page, /交接班/);
    await expect(page.getByRole('heading', { name: '本班交接班记录' })).toBeVisible();
    await page.getByRole('textbox', { name: '本班概况' }).fill('共享文件夹断开时写的交接');
    await page.getByRole('button', { name: '提交交接班记录' }).click();
    await expect(queued(page, '已保存在这台电脑上，等共享文件夹回来后发布')).toBeVisible();
    // The note it opens is this computer's: there before the folder is back.
    await expect(page.locator('.markdown', { hasText: '共享文件夹断开时写的交接' })).toBeVisible();
    await page.screenshot({ path: screenshotPath('handover-queued-zh-CN'), animations: 'disabled' });
    // The notice is worded when shown: it follows a language switch while it is on screen.
    await call(computer, 'updateSettings', { language: 'en' });
    await expect(queued(page, 'Saved on this computer; it will be published when the shared folder is back')).toBeVisible();
    await page.screenshot({ path: screenshotPath('handover-queued-en'), animations: 'disabled' });
    await call(computer, 'updateSettings', { language: 'zh-CN' });
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    expect((await syncStatus(computer)).pendingOutbox).toBeGreaterThan(0);
  });

  await test.step('the folder is back: after a sync the note is published and in the history', async () => {
    renameSync(away, folder);
    await expect.poll(async () => {
      await call(computer, 'syncNow', {});
      const status = await syncStatus(computer);
      return { available: status.available, pendingOutbox: status.pendingOutbox };
    }).toEqual({ available: true, pendingOutbox: 0 });
    expect(segmentsOf(await syncStatus(computer)).length).toBeGreaterThan(published);
    await page.getByRole('tab', { name: '历史记录' }).click();
    await expect(page.getByText('共 1 份记录')).toBeVisible();
    await expect(page.locator('.history__row', { hasText: '共享文件夹断开时写的交接' })).toBeVisible();
    // The author filter lists the team's members; this note is 小林's.
    await page.getByRole('combobox', { name: '作者', exact: true }).selectOption({ label: '小林' });
    await expect(page.getByText('共 1 份记录')).toBeVisible();
  });

  expect(errors).toEqual([]);
});
