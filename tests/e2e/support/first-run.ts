import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { nodeCrypto } from '../../../electron/services/sync/node-crypto';
import { teamCode } from '../../../shared/team/team-code';
import { call } from './bridge';
import { expect, type Computer } from './fixtures';

export interface FirstRunOptions {
  /**
   * Where the team's data lives. Left out, the choice stays as Baton offers it: the shared folder
   * the computer was started with (`openComputer` always names one), else this computer's own.
   */
  folder?: 'embedded' | 'shared';
  /**
   * Joining a folder's team: the team code an admin gave (`teamCodeOf`). Left out, the code of the
   * folder's team.json is typed, as an admin of that team would have read it out.
   */
  teamCode?: string;
}

/** The team code of the team.json in a shared folder (what its admin's Team screen shows). */
export function teamCodeInFolder(sharedDir: string): string {
  const team = JSON.parse(readFileSync(join(sharedDir, 'baton', 'team.json'), 'utf8')) as { rootPublicKey: string };
  return teamCode(team.rootPublicKey, nodeCrypto.sha256Hex);
}

/** The team code an admin reads out to a newcomer, from their Team screen's data. */
export async function teamCodeOf(admin: Computer): Promise<string> {
  const view = await call<{ teamCode: string | null }>(admin, 'getTeam');
  if (!view.teamCode) throw new Error('this computer is not an admin of a team: it shows no team code');
  return view.teamCode;
}

/**
 * Completes the first run as a person does, in either language: types the name, keeps or changes
 * the folder choice, presses the main button, and waits for the app's frame. On a shared folder
 * that holds a team this joins it, typing its team code; on one without, no team name is typed,
 * so none is created.
 */
export async function finishFirstRun(page: Page, name: string, options: FirstRunOptions = {}): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: /^(欢迎使用接力|Welcome to Baton)$/ })).toBeVisible();
  await page.getByRole('textbox', { name: /^(你的名字|Your name)$/ }).fill(name);
  if (options.folder === 'embedded') await page.getByRole('radio', { name: /^(先在这台电脑上开始|Start on this computer for now)$/ }).check();
  if (options.folder === 'shared') await page.getByRole('radio', { name: /^(团队的共享文件夹|The team's shared folder)$/ }).check();
  const path = page.getByRole('textbox', { name: /^(共享文件夹的路径|Path of the shared folder)$/ });
  if (await path.isVisible()) {
    // The folder is looked at once typing pauses: wait for what it holds before deciding.
    await expect(page.getByText(/^(正在查看这个文件夹…|Looking at this folder…)$/)).toHaveCount(0);
    const code = page.getByRole('textbox', { name: /^(团队码|Team code)$/ });
    if (await code.isVisible()) await code.fill(options.teamCode ?? teamCodeInFolder(await path.inputValue()));
  }
  await page.getByRole('button', { name: /^(开始使用|Get started)$/ }).click();
  await expect(page.getByRole('navigation', { name: /^(主导航|Main navigation)$/ })).toBeVisible();
}
