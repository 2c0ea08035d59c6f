import type { Locator, Page } from '@playwright/test';
import { seedForScreens } from './support/axe-screens';
import { call } from './support/bridge';
import { expect, test } from './support/fixtures';
import { teamOfTwo } from './support/team-of-two';

/**
 * Every screen by keyboard alone: each sidebar link is reached with Tab and opened with Enter, the
 * screen's heading takes focus, and every control on it is reached with Tab in turn, shown (not
 * hidden or off the page) with a visible focus ring, without trapping focus. Then a few controls
 * are used with Enter and typing only: a rota tab, a prize tab, an SOP, the handover note.
 */

test.describe.configure({ timeout: 420_000 });

/** More stops than any screen has: a screen still holding focus after this many is a trap. */
const MAX_STOPS = 400;

interface Stop {
  readonly where: 'main' | 'sidebar' | 'topbar' | 'skip' | 'elsewhere';
  readonly what: string;
  readonly shown: boolean;
  readonly ring: boolean;
}

/** Where focus is now and whether a person can see it: the element has a size, and it or the control it stands for (a visually hidden input's label or picture) shows a ring. */
const focusNow = (page: Page): Promise<Stop> =>
  page.evaluate(async () => {
    // The ring fades in (a 120 ms transition): judge what a person sees once it has.
    await Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => undefined)));
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return { where: 'elsewhere', what: 'body', shown: true, ring: true } as const;
    const box = element.getBoundingClientRect();
    const hasRing = (node: Element | null) => {
      if (!node) return false;
      const style = getComputedStyle(node);
      return (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
    };
    // A visually hidden control (a file input, a segmented option's radio) shows its ring on what stands for it.
    const hidden = box.width <= 2 && box.height <= 2;
    const ring = hidden ? hasRing(element.closest('label')) || hasRing(element.nextElementSibling) : hasRing(element);
    const where = element.closest('.skip-link') ? 'skip' : element.closest('main') ? 'main' : element.closest('.sidebar') ? 'sidebar' : element.closest('.topbar') ? 'topbar' : 'elsewhere';
    const what = `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''} "${(element.getAttribute('aria-label') ?? (element as HTMLInputElement).labels?.[0]?.textContent ?? element.textContent ?? '').trim().slice(0, 40)}"`;
    return { where, what, shown: box.width > 0 && box.height > 0, ring } as const;
  });

/** Presses Tab until `target` has focus; fails naming what took focus instead. */
async function tabTo(page: Page, target: Locator, limit = MAX_STOPS): Promise<void> {
  const seen: string[] = [];
  for (let press = 0; press < limit; press += 1) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((element) => element === document.activeElement)) return;
    seen.push((await focusNow(page)).what);
  }
  throw new Error(`Tab never reached the control; focus went to: ${seen.slice(-10).join(', ')}`);
}

/** Tabs from the screen's heading through everything in the main area until focus leaves it; answers the stops. */
async function walkMain(page: Page): Promise<Stop[]> {
  const stops: Stop[] = [];
  for (let press = 0; press < MAX_STOPS; press += 1) {
    await page.keyboard.press('Tab');
    const stop = await focusNow(page);
    if (stop.where !== 'main') return stops;
    stops.push(stop);
  }
  throw new Error(`focus stayed in the screen for ${MAX_STOPS} presses: a trap (last: ${stops.slice(-3).map((stop) => stop.what).join(', ')})`);
}

test('every screen is reached, walked and used with the keyboard alone', async ({ openComputer }) => {
  const lead = await openComputer({ locale: 'zh-CN' });
  const colleague = await openComputer({ locale: 'zh-CN' });
  await teamOfTwo(lead, colleague);
  await seedForScreens(lead, colleague);
  const { page } = lead;
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const links = page.getByRole('navigation', { name: '主导航' }).getByRole('link');
  const count = await links.count();
  expect(count).toBeGreaterThanOrEqual(10);

  const problems: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const link = links.nth(index);
    const title = (await link.locator('.nav__label').innerText()).trim();
    await test.step(`${title}: Tab to its link, Enter, walk its controls`, async () => {
      // From the top of the page, as after a reload's first Tab: the skip link, then the sidebar.
      await page.locator('.skip-link').focus();
      const shownAlready = (await link.getAttribute('aria-current')) === 'page';
      await tabTo(page, link);
      await page.keyboard.press('Enter');
      const heading = page.getByRole('heading', { level: 1 });
      await expect(heading).toHaveText(title);
      if (shownAlready) {
        // The screen on show (the briefing, at the start) keeps focus on its link: the skip link leads into it.
        await page.locator('.skip-link').focus();
        await page.keyboard.press('Enter');
        await expect(page.locator('main')).toBeFocused();
      } else {
        await expect(heading).toBeFocused();
      }
      // A screen reads its data after it shows ("正在读取…"): walk what a person can use once it is there.
      await expect(page.locator('main').getByText(/^正在(读取|准备|打开|整理)/)).toHaveCount(0);
      const stops = await walkMain(page);
      if (stops.length === 0) problems.push(`${title}: Tab reaches none of its controls`);
      for (const stop of stops) {
        if (!stop.shown) problems.push(`${title}: ${stop.what} takes focus but is not shown`);
        if (!stop.ring) problems.push(`${title}: ${stop.what} shows no focus ring`);
      }
    });
  }
  expect(problems).toEqual([]);

  const openByKeyboard = async (title: RegExp) => {
    await page.locator('.skip-link').focus();
    await tabTo(page, page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: title }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  };

  await test.step('the rota: another view with Tab and Enter', async () => {
    await openByKeyboard(/值班表/);
    const week = page.getByRole('navigation', { name: '值班表' }).getByRole('button', { name: '周视图' });
    await tabTo(page, week);
    await page.keyboard.press('Enter');
    await expect(week).toHaveAttribute('aria-current', 'page');
  });

  await test.step('prizes: the campaigns tab with Tab and Enter', async () => {
    await openByKeyboard(/奖品审批/);
    const campaigns = page.getByRole('tab', { name: '活动', exact: true });
    await tabTo(page, campaigns);
    await page.keyboard.press('Enter');
    await expect(campaigns).toHaveAttribute('aria-selected', 'true');
  });

  await test.step('an SOP opened and left with Tab and Enter', async () => {
    await openByKeyboard(/运营规范/);
    await tabTo(page, page.locator('section.sop-area .sop-link').first());
    await page.keyboard.press('Enter');
    const back = page.getByRole('button', { name: '← 返回规范库' });
    await tabTo(page, back);
    await page.keyboard.press('Enter');
    await expect(page.locator('section.sop-area').first()).toBeVisible();
  });

  await test.step('a handover note typed with the keyboard', async () => {
    await openByKeyboard(/交接班/);
    const summary = page.getByRole('textbox', { name: '本班概况' });
    await tabTo(page, summary);
    await page.keyboard.type('键盘写的交接');
    await expect(summary).toHaveValue('键盘写的交接');
  });

  await call(lead, 'discardHandoverDraft', {});
  expect(errors).toEqual([]);
});
