import type { Page } from '@playwright/test';
import { call } from './bridge';
import { expect, type Computer } from './fixtures';

/**
 * Every screen the accessibility suite checks, in both languages, light and dark. A new screen
 * adds one entry: how to get there from the app's frame with a team of two (小林 the admin on
 * `lead`, 老王 on `colleague`, one note by 小林 already acknowledged by 老王), and a text that
 * shows it is there.
 */
export interface AxeScreen {
  readonly name: string;
  open(team: { lead: Computer; colleague: Computer }): Promise<Page>;
}

const nav = (page: Page, name: RegExp) => page.getByRole('navigation').getByRole('link', { name }).click();

async function onScreen(computer: Computer, link: RegExp, ready: (page: Page) => Promise<void>): Promise<Page> {
  await nav(computer.page, link);
  await ready(computer.page);
  return computer.page;
}

export const AXE_SCREENS: readonly AxeScreen[] = [
  {
    name: 'handover-write',
    open: ({ colleague }) => onScreen(colleague, /交接班|Handover/, (page) => expect(page.locator('#write-shift')).toBeVisible()),
  },
  {
    name: 'handover-history',
    open: ({ colleague }) =>
      onScreen(colleague, /交接班|Handover/, async (page) => {
        await page.getByRole('tab', { name: /历史记录|History/ }).click();
        await expect(page.locator('.history__row').first()).toBeVisible();
      }),
  },
  {
    name: 'handover-note',
    open: ({ lead }) =>
      onScreen(lead, /交接班|Handover/, async (page) => {
        await page.locator('section.mine').getByRole('button').click();
        await expect(page.locator('article.note')).toBeVisible();
      }),
  },
  {
    name: 'follow-ups',
    open: ({ lead }) => onScreen(lead, /待跟进|Follow-ups/, (page) => expect(page.locator('.fu-list > li').first()).toBeVisible()),
  },
  {
    name: 'follow-up-detail',
    open: ({ lead }) =>
      onScreen(lead, /待跟进|Follow-ups/, async (page) => {
        await page.locator('.fu-list > li').first().getByRole('button').first().click();
        await expect(page.locator('.fu-detail, [aria-expanded="true"]').first()).toBeVisible();
      }),
  },
  { name: 'team', open: ({ lead }) => onScreen(lead, /团队|Team/, (page) => expect(page.locator('.team-member').first()).toBeVisible()) },
  { name: 'sync', open: ({ lead }) => onScreen(lead, /同步状态|Sync/, (page) => expect(page.locator('.card').first()).toBeVisible()) },
  { name: 'settings', open: ({ lead }) => onScreen(lead, /设置|Settings/, (page) => expect(page.locator('.card, section').first()).toBeVisible()) },
];

/** The team every screen is checked with: a note by 小林 that 老王 acknowledged, and an open follow-up. */
export async function seedForScreens(lead: Computer, colleague: Computer): Promise<void> {
  const { draft } = await call<{ draft: { sections: Record<string, string> } }>(lead, 'getHandoverDraft', {});
  const me = (await call<{ me: { memberId: string } }>(lead, 'getTeam', {})).me;
  const written = await call<{ ok: boolean; id: string }>(lead, 'submitHandover', {
    draft: { ...draft, date: '2026-01-05', shiftTypeId: 'late', sections: { ...draft.sections, summary: '**投诉**两条已转客服', nextShift: '10 点直播' } },
  });
  expect(written.ok).toBe(true);
  await call(lead, 'createFollowUp', {
    title: '回复粉丝私信',
    owner: { memberId: me.memberId, name: '小林' },
    dueAt: Date.now() + 3_600_000,
    category: 'other',
    departmentId: null,
    escalation: null,
  });
  await call(lead, 'syncNow', {});
  await expect.poll(async () => {
    await call(colleague, 'syncNow', {});
    return (await call<{ total: number }>(colleague, 'listHandovers', {})).total;
  }).toBe(1);
  await call(colleague, 'acknowledgeHandover', { id: written.id });
  await call(colleague, 'syncNow', {});
  await expect.poll(async () => {
    await call(lead, 'syncNow', {});
    return (await call<{ mine: { acknowledgements: unknown[] } | null }>(lead, 'getShiftContext', {})).mine?.acknowledgements.length;
  }).toBe(1);
  for (const computer of [lead, colleague]) await computer.page.reload();
}
