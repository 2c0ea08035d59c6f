import type { Page } from '@playwright/test';
import { call } from './bridge';
import { expect, screenshotPath, type Computer } from './fixtures';

/**
 * The whole screen, as tall as its content (the screen scrolls inside <main>), without notices
 * in the way, at test-results/screens/<name>.png.
 */
export async function shootWhole(page: Page, name: string): Promise<void> {
  const dismiss = page.getByRole('button', { name: /^(关闭通知|Dismiss notification)$/ });
  // A notice may also go by itself between the count and the click: a click then waited for a
  // dismiss button that never came, until the test's time ran out (under load, after a submit).
  while ((await dismiss.count()) > 0) await dismiss.first().click({ timeout: 2_000 }).catch(() => undefined);
  const height = await page.evaluate(() => {
    const top = document.querySelector('.topbar')?.getBoundingClientRect().height ?? 0;
    return Math.ceil(top + (document.querySelector('main')?.scrollHeight ?? document.body.scrollHeight));
  });
  await page.setViewportSize({ width: 1280, height: Math.max(820, height) });
  await page.screenshot({ path: screenshotPath(name), animations: 'disabled' });
  await page.setViewportSize({ width: 1280, height: 820 });
}

/** Chinese, then English, back to Chinese; `english` is a text that shows the switch happened. */
export async function shootBoth(computer: Computer, name: string, english: RegExp): Promise<void> {
  await shootWhole(computer.page, `${name}-zh-CN`);
  await call(computer, 'updateSettings', { language: 'en' });
  await expect(computer.page.getByText(english).first()).toBeVisible();
  await shootWhole(computer.page, `${name}-en`);
  await call(computer, 'updateSettings', { language: 'zh-CN' });
  await expect(computer.page.locator('html')).toHaveAttribute('lang', 'zh-CN');
}
