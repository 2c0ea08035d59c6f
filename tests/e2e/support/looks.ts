import type { Page } from '@playwright/test';
import { call } from './bridge';
import { screenshotPath, type Computer } from './fixtures';

export const LOOKS = [
  { language: 'zh-CN', theme: 'light' },
  { language: 'zh-CN', theme: 'dark' },
  { language: 'en', theme: 'light' },
  { language: 'en', theme: 'dark' },
] as const;
export type Look = (typeof LOOKS)[number];

/** Switches this computer's language and theme through the settings, as the Settings screen does. */
export async function useLook(computer: Computer, look: Look): Promise<void> {
  await call(computer, 'updateSettings', { language: look.language, theme: look.theme });
  await computer.page.waitForFunction(([theme, language]) => document.documentElement.dataset.theme === theme && document.documentElement.lang === language, [look.theme, look.language] as const, { timeout: 15_000 });
}

/** A screenshot under test-results/screens/<name>-<language>-<theme>.png, for a person to look at. */
export const shootLook = (page: Page, name: string, look: Look) =>
  page.screenshot({ path: screenshotPath(`${name}-${look.language}-${look.theme}`), animations: 'disabled' });
