import type { Page } from '@playwright/test';

/** A 1×1 PNG. */
export const PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==';

/**
 * Pastes a PNG into the element `selector` names, as a clipboard event carrying a file, the way a
 * screenshot paste does (clipboards name every picture image.png).
 */
export async function pastePng(page: Page, selector: string): Promise<void> {
  await page.evaluate(
    ([base64, target]) => {
      const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
      const data = new DataTransfer();
      data.items.add(new File([bytes], 'image.png', { type: 'image/png' }));
      const element = document.querySelector(target);
      if (!element) throw new Error(`nothing to paste into: ${target}`);
      element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    },
    [PNG_BASE64, selector] as const,
  );
}
