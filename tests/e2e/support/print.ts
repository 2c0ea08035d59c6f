import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/**
 * A browser tab cannot save a PDF itself, so Baton's print button opens the browser's print there:
 * clicks the button and checks that window.print ran once (counted instead of opening the dialog,
 * which would block a headless page).
 */
export async function printOnce(page: Page, buttonName: string): Promise<void> {
  await page.evaluate(() => {
    const counted = window as unknown as { printed: number };
    counted.printed = 0;
    window.print = () => {
      counted.printed += 1;
    };
  });
  await page.getByRole('button', { name: buttonName }).click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
}
