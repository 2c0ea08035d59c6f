import type { Page } from '@playwright/test';
import { call } from './bridge';
import { expect, type Computer } from './fixtures';

/**
 * Every screen the accessibility suite checks, in both languages, light and dark. A new screen
 * adds one entry: how to get there from the app's frame with a team of two (小林 the admin and lead
 * on `lead`, 老王 on `colleague`, one note by 小林 already acknowledged by 老王, the nine starter
 * SOPs), and a text that shows it is there.
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

const ROTA_TAB_NAMES = {
  month: /月视图|Month/,
  week: /周视图|Week/,
  shifts: /个人班次|Shifts of a person/,
  requests: /请假 \/ 代班 \/ 换班|Leave \/ cover \/ swaps/,
  checks: /排班检查|Checks/,
  fairness: /公平性|Fairness/,
  settings: /设置与导入|Settings and import/,
} as const;
const ROTA_TABS = Object.keys(ROTA_TAB_NAMES) as Array<keyof typeof ROTA_TAB_NAMES>;

const PRIZE_TAB_NAMES = {
  approvals: /待我审批|My approvals/,
  campaigns: /^(活动|Campaigns)$/,
  new: /新奖品申请|New prize request/,
  settings: /审批设置|Approval settings/,
} as const;
const PRIZE_TABS = Object.keys(PRIZE_TAB_NAMES) as Array<keyof typeof PRIZE_TAB_NAMES>;

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
  { name: 'briefing', open: ({ colleague }) => onScreen(colleague, /开班简报|Shift briefing/, (page) => expect(page.locator('.briefing')).toBeVisible()) },
  { name: 'stand-in', open: ({ lead }) => onScreen(lead, /代班手册|Stand-in pack/, (page) => expect(page.locator('.stand-in__grid')).toBeVisible()) },
  { name: 'checklist', open: ({ lead }) => onScreen(lead, /本班检查单|Shift checklist/, (page) => expect(page.locator('main .card, main .empty-state').first()).toBeVisible()) },
  ...ROTA_TABS.map((tab) => ({
    name: `rota-${tab}`,
    open: ({ lead }: { lead: Computer }) =>
      onScreen(lead, /值班表|Rota/, async (page) => {
        await page.getByRole('navigation', { name: /值班表|Rota/ }).getByRole('button', { name: ROTA_TAB_NAMES[tab] }).click();
        await expect(page.getByRole('navigation', { name: /值班表|Rota/ }).getByRole('button', { name: ROTA_TAB_NAMES[tab] })).toHaveAttribute('aria-current', 'page');
      }),
  })),
  {
    name: 'sop-library',
    open: ({ colleague }) => onScreen(colleague, /运营规范|SOPs/, (page) => expect(page.locator('section.sop-area').first()).toBeVisible()),
  },
  {
    name: 'sop-document',
    open: ({ colleague }) =>
      onScreen(colleague, /运营规范|SOPs/, async (page) => {
        await page.locator('section.sop-area .sop-link').first().click();
        await expect(page.getByRole('button', { name: /返回规范库|Back to the library/ })).toBeVisible();
      }),
  },
  {
    name: 'sop-editor',
    open: ({ lead }) =>
      onScreen(lead, /运营规范|SOPs/, async (page) => {
        await page.locator('main .button--primary').first().click();
        await expect(page.getByRole('button', { name: /返回规范库|Back to the library/ })).toBeVisible();
      }),
  },
  ...PRIZE_TABS.map((tab) => ({
    name: `prizes-${tab}`,
    open: ({ lead }: { lead: Computer }) =>
      onScreen(lead, /奖品审批|Prize approvals/, async (page) => {
        await page.getByRole('tab', { name: PRIZE_TAB_NAMES[tab] }).click();
        await expect(page.getByRole('tab', { name: PRIZE_TAB_NAMES[tab] })).toHaveAttribute('aria-selected', 'true');
      }),
  })),
  { name: 'team', open: ({ lead }) => onScreen(lead, /团队|Team/, (page) => expect(page.locator('.team-member').first()).toBeVisible()) },
  { name: 'sync', open: ({ lead }) => onScreen(lead, /同步状态|Sync/, (page) => expect(page.locator('.card').first()).toBeVisible()) },
  { name: 'settings', open: ({ lead }) => onScreen(lead, /设置|Settings/, (page) => expect(page.locator('.card, section').first()).toBeVisible()) },
];

/** The team every screen is checked with: a note by 小林 that 老王 acknowledged, an open follow-up, the starter SOPs. */
export async function seedForScreens(lead: Computer, colleague: Computer): Promise<void> {
  const { draft } = await call<{ draft: { sections: Record<string, string> } }>(lead, 'getHandoverDraft', {});
  const me = (await call<{ me: { memberId: string } }>(lead, 'getTeam', {})).me;
  // A lead sees every screen's lead parts (rota settings, publishing SOPs, approval settings).
  await call(lead, 'setMemberRoles', { memberId: me.memberId, roles: ['admin', 'lead', 'editor'] });
  await call(lead, 'addStarterSops', { language: 'zh-CN' });
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
    const notes = (await call<{ total: number }>(colleague, 'listHandovers', {})).total;
    const sops = (await call<{ areas: Array<{ sops: unknown[] }> }>(colleague, 'getSopLibrary', {})).areas.flatMap((area) => area.sops).length;
    return [notes, sops > 0];
  }).toEqual([1, true]);
  await call(colleague, 'acknowledgeHandover', { id: written.id });
  await call(colleague, 'syncNow', {});
  await expect.poll(async () => {
    await call(lead, 'syncNow', {});
    return (await call<{ mine: { acknowledgements: unknown[] } | null }>(lead, 'getShiftContext', {})).mine?.acknowledgements.length;
  }).toBe(1);
  for (const computer of [lead, colleague]) await computer.page.reload();
}
