import { renameSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { call } from './support/bridge';
import { expect, test, type Computer } from './support/fixtures';
import { shootBoth } from './support/screens';
import { shanghaiTime } from './support/team-clock';
import { teamOfTwo } from './support/team-of-two';

interface TeamView {
  me: { memberId: string };
}
interface Checklist {
  shift: { date: string; shiftTypeId: string } | null;
  setAside: Array<{ by: { name: string }; reason: string }>;
}

const openChecklist = async (page: Page) => page.getByRole('navigation').getByRole('link', { name: /本班检查单/ }).click();
const setAside = (page: Page) => page.locator('section.sop-set-aside');

async function syncBoth(first: Computer, second: Computer): Promise<void> {
  for (const computer of [first, second, first, second]) await call(computer, 'syncNow', {});
}

/**
 * Issue #13: a tick by someone who is not on that shift in the rota counts on no computer, and
 * both say whose tick it was and why. 老王 ticks offline while, offline too, the lead has given
 * his shift to herself: when the folder is back, both computers set his tick aside.
 */
test('a checklist tick by someone no longer on that shift is set aside on both computers, with whose and why', async ({ openComputer }) => {
  test.setTimeout(240_000);
  // Tuesday 10:30 team time, the early shift under way; 老王 works from Berlin (the zone is named).
  const at = shanghaiTime('2026-12-08', '10:30');
  const lead = await openComputer({ locale: 'zh-CN', clock: at });
  const editor = await openComputer({ locale: 'zh-CN', clock: at, timeZone: 'Europe/Berlin' });
  await teamOfTwo(lead, editor);
  const leadId = (await call<TeamView>(lead, 'getTeam', {})).me.memberId;
  const editorId = (await call<TeamView>(editor, 'getTeam', {})).me.memberId;
  await call(lead, 'setMemberRoles', { memberId: leadId, roles: ['admin', 'lead', 'editor'] });
  const errors: string[] = [];
  for (const computer of [lead, editor]) computer.page.on('pageerror', (error) => errors.push(error.message));

  const shift = { date: '2026-12-08', shiftTypeId: 'early' };
  await test.step('the starter SOPs are published and the rota puts 老王 on this early shift', async () => {
    await call(lead, 'addStarterSops', { language: 'zh-CN' });
    await call(lead, 'setRotaSlot', { ...shift, primary: [editorId], backup: null });
    await call(lead, 'publishRotaMonth', { month: '2026-12' });
    await syncBoth(lead, editor);
    await expect.poll(async () => (await call<Checklist>(editor, 'getShiftChecklist', {})).shift).toMatchObject(shift);
  });

  await test.step('the folder goes away; the lead gives the shift to herself while 老王 ticks the first item', async () => {
    // Only syncNow reads the folder: a poll under way while it is renamed could create it again.
    for (const computer of [lead, editor]) await call(computer, 'updateSettings', { pollIntervalSeconds: 300 });
    const folder = (await call<{ sharedDir: string }>(lead, 'getSyncStatus', {})).sharedDir;
    renameSync(folder, `${folder}-away`);
    for (const computer of [lead, editor]) {
      await call(computer, 'syncNow', {});
      await expect.poll(async () => (await call<{ available: boolean }>(computer, 'getSyncStatus', {})).available).toBe(false);
    }
    await call(lead, 'setRotaSlot', { ...shift, primary: [leadId], backup: null });
    await call(lead, 'publishRotaMonth', { month: '2026-12' });

    await editor.page.reload();
    await openChecklist(editor.page);
    await expect(editor.page.getByText('时间均为团队时区（北京/上海）')).toBeVisible();
    const item = editor.page.locator('.sop-checklist__item').first();
    await item.getByRole('checkbox').click();
    // On his computer, which has not seen the new rota, it counts for now.
    await expect(item.getByText(/老王 .* 完成/)).toBeVisible();
    await expect(setAside(editor.page)).toBeHidden();
    renameSync(`${folder}-away`, folder);
  });

  await test.step('with the folder back, both computers set the tick aside and say whose it was and why', async () => {
    await syncBoth(lead, editor);
    for (const computer of [lead, editor]) {
      await expect.poll(async () => (await call<Checklist>(computer, 'getShiftChecklist', {})).setAside).toMatchObject([{ by: { name: '老王' }, reason: 'not-on-shift' }]);
    }
    await lead.page.reload();
    await openChecklist(lead.page);
    for (const { page } of [lead, editor]) {
      await expect(setAside(page).getByRole('heading', { name: '不计入的勾选（1）' })).toBeVisible();
      await expect(setAside(page).getByText(/^老王 于 \d{2}:\d{2} 勾选了「.+」： 排班表上此人不在本班（只有本班人员和主管可以勾选）。$/)).toBeVisible();
      await expect(page.locator('.sop-checklist__item').first().getByText(/完成/)).toBeHidden();
      await expect(page.locator('.sop-checklist__item').first().getByRole('checkbox')).not.toBeChecked();
    }
    // Off the shift now, 老王 is told so before trying again; the lead still ticks.
    await expect(editor.page.getByRole('note')).toHaveText('排班表上你不在这个班次：只有本班人员和主管可以勾选，这里只供查看。');
    await expect(editor.page.locator('.sop-checklist__item').first().getByRole('checkbox')).toBeDisabled();
    await expect(lead.page.getByRole('note')).toBeHidden();
    await expect(lead.page.locator('.sop-checklist__item').first().getByRole('checkbox')).toBeEnabled();
    await shootBoth(editor, 'sop-checklist-set-aside', /Ticks that do not count \(1\)/);
    await expect(setAside(editor.page)).toBeVisible();
  });

  expect(errors).toEqual([]);
});
