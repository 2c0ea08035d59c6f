import type { Page } from '@playwright/test';
import { expect } from './fixtures';

export interface FirstRunOptions {
  /**
   * Where the team's data lives. Left out, the choice stays as Baton offers it: the shared folder
   * the computer was started with (`openComputer` always names one), else this computer's own.
   */
  folder?: 'embedded' | 'shared';
}

/**
 * Completes the first run as a person does, in either language: types the name, keeps or changes
 * the folder choice, presses the main button, and waits for the app's frame. On a shared folder
 * that holds a team this joins it; on one without, no team name is typed, so none is created.
 */
export async function finishFirstRun(page: Page, name: string, options: FirstRunOptions = {}): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: /^(欢迎使用接力|Welcome to Baton)$/ })).toBeVisible();
  await page.getByRole('textbox', { name: /^(你的名字|Your name)$/ }).fill(name);
  if (options.folder === 'embedded') await page.getByRole('radio', { name: /^(先在这台电脑上开始|Start on this computer for now)$/ }).check();
  if (options.folder === 'shared') await page.getByRole('radio', { name: /^(团队的共享文件夹|The team's shared folder)$/ }).check();
  await page.getByRole('button', { name: /^(开始使用|Get started)$/ }).click();
  await expect(page.getByRole('navigation', { name: /^(主导航|Main navigation)$/ })).toBeVisible();
}
