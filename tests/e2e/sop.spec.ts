import type { Page } from '@playwright/test';
import { call } from './support/bridge';
import { expect, test, type Computer } from './support/fixtures';
import { shootBoth } from './support/screens';
import { teamOfTwo } from './support/team-of-two';

interface TeamView {
  me: { memberId: string | null };
}
interface Library {
  areas: Array<{ area: string; sops: Array<{ id: string; title: string }> }>;
}
interface Detail {
  editFrom: { id: string; body: string } | null;
  fork: { heads: unknown[] } | null;
}

/** A card of the screen by its id, and the content area of the library. */
const card = (page: Page, id: string) => page.locator(`section.card[aria-labelledby="${id}-title"]`);
const contentPlan = (page: Page) => page.locator('section.sop-area[aria-labelledby="area-content"]').getByRole('button', { name: '每日内容发布规范' });

const openScreen = async (page: Page, name: RegExp) => page.getByRole('navigation').getByRole('link', { name }).click();

async function syncBoth(first: Computer, second: Computer): Promise<void> {
  for (const computer of [first, second, first, second]) await call(computer, 'syncNow', {});
}

test('SOPs on two computers: publish, acknowledge the diff at next start, the checklist in the handover, a fork merged once', async ({ openComputer }) => {
  // Two computers, four steps and eight screenshots on a shared 2-core machine.
  test.setTimeout(300_000);
  const first = await openComputer({ locale: 'zh-CN' });
  const second = await openComputer({ locale: 'zh-CN' });
  await teamOfTwo(first, second);
  // 小林 leads the team (publishes SOPs) and writes too; 老王 is an editor.
  const mine = await call<TeamView>(first, 'getTeam', {});
  await call(first, 'setMemberRoles', { memberId: mine.me.memberId, roles: ['admin', 'lead', 'editor'] });
  await first.page.reload();
  const errors: string[] = [];
  for (const computer of [first, second]) computer.page.on('pageerror', (error) => errors.push(error.message));
  let contentId = '';

  await test.step('the lead starts from the nine starter SOPs', async () => {
    await openScreen(first.page, /运营规范/);
    await first.page.getByRole('button', { name: '使用九个方面的模板' }).click();
    await expect(contentPlan(first.page)).toBeVisible();
    await expect(first.page.getByRole('heading', { name: '舆情监测' })).toBeVisible();
    await shootBoth(first, 'sop-library', /Daily content plan|Library/);
    const library = await call<Library>(first, 'getSopLibrary', {});
    contentId = library.areas.find((area) => area.area === 'content')!.sops[0]!.id;
  });

  await test.step('老王 acknowledges version 1 of the content plan', async () => {
    await syncBoth(first, second);
    await second.page.reload();
    await openScreen(second.page, /运营规范/);
    await expect(second.page.getByRole('heading', { name: /需要我已读确认的规范/ })).toBeVisible();
    await card(second.page, 'sop-pending').getByRole('button', { name: '每日内容发布规范' }).click();
    await expect(second.page.getByRole('heading', { name: '请阅读并确认第 1 版' })).toBeVisible();
    // A first read is the rendered text itself (above the button), not the raw Markdown as one long diff.
    await expect(card(second.page, 'sop-ack').getByText('你还没有确认过这份规范：读完上面的全文后确认。')).toBeVisible();
    await expect(card(second.page, 'sop-ack').locator('.sop-diff__added')).toHaveCount(0);
    await second.page.getByRole('button', { name: '我已阅读第 1 版' }).click();
    await expect(second.page.getByRole('heading', { name: '请阅读并确认第 1 版' })).toBeHidden();
  });

  await test.step('the lead edits the content plan and publishes version 2', async () => {
    await syncBoth(first, second);
    await contentPlan(first.page).click();
    await first.page.getByRole('button', { name: '修改' }).click();
    const body = first.page.getByLabel('正文（Markdown）');
    await expect(body).toHaveValue(/工作日 10:00、15:00/);
    await body.fill((await body.inputValue()).replace('工作日 10:00、15:00', '工作日 10:30、15:00'));
    await first.page.getByRole('button', { name: '保存并提交审核' }).click();
    await expect(first.page.getByText('待审核').first()).toBeVisible();
    await card(first.page, 'sop-history').getByRole('button', { name: '发布' }).first().click();
    await expect(first.page.getByText(/第 2 版 · .* 由 小林 发布/)).toBeVisible();
  });

  await test.step('at its next start, 老王 is asked to acknowledge version 2 and sees what changed', async () => {
    await call(first, 'syncNow', {});
    await second.restart();
    await openScreen(second.page, /运营规范/);
    await expect(second.page.getByText('第 1 版 → 第 2 版')).toBeVisible();
    await card(second.page, 'sop-pending').getByRole('button', { name: '每日内容发布规范' }).click();
    await expect(second.page.getByRole('heading', { name: '请阅读并确认第 2 版' })).toBeVisible();
    await expect(card(second.page, 'sop-ack').locator('.sop-diff__removed', { hasText: '10:00、15:00' })).toBeVisible();
    await expect(card(second.page, 'sop-ack').locator('.sop-diff__added', { hasText: '10:30、15:00' })).toBeVisible();
    await shootBoth(second, 'sop-acknowledge', /Please read and acknowledge version 2/);
    await second.page.getByRole('button', { name: '我已阅读第 2 版' }).click();
    await expect(second.page.getByRole('heading', { name: '请阅读并确认第 2 版' })).toBeHidden();
  });

  await test.step("the checklist of 老王's shift; a tick with the post's link shows in the shift's handover", async () => {
    await openScreen(second.page, /本班检查单/);
    const item = second.page.locator('.sop-checklist__item').first();
    await expect(item).toBeVisible();
    await item.getByRole('textbox').fill('https://weibo.com/1234/sop');
    // Controlled by the fold: it shows ticked once the tick is recorded and read back.
    await item.getByRole('checkbox').click();
    await expect(item.getByText(/老王 .* 完成/)).toBeVisible();
    await shootBoth(second, 'sop-checklist', /Checklist \d{4}-\d{2}-\d{2}/);
    await openScreen(second.page, /交接班/);
    await expect(second.page.getByRole('heading', { name: /本班检查单：完成 1 \// })).toBeVisible();
    await expect(second.page.getByText(/老王 .*https:\/\/weibo\.com\/1234\/sop/)).toBeVisible();
  });

  await test.step('a fork made on both computers offline is shown on both and merged once', async () => {
    const from = (await call<Detail>(first, 'getSop', { id: contentId })).editFrom!;
    const edit = (computer: Computer, time: string) =>
      call(computer, 'saveSopRevision', { id: contentId, parents: [from.id], title: '每日内容发布规范', body: from.body.replace('每天 20:00', `每天 ${time}`), checklist: [] });
    await edit(first, '20:30');
    await edit(second, '21:00');
    await syncBoth(first, second);
    for (const computer of [first, second]) {
      await computer.page.reload();
      await openScreen(computer.page, /运营规范/);
      await contentPlan(computer.page).click();
      await expect(computer.page.getByText(/有 2 个同时修改的版本/)).toBeVisible();
    }
    await second.page.getByRole('button', { name: '查看并合并' }).click();
    await expect(second.page.getByText('冲突 1')).toBeVisible();
    await shootBoth(second, 'sop-merge', /Merge two versions/);
    await second.page.getByRole('radio', { name: '用 老王 的' }).check();
    await second.page.getByRole('button', { name: '保存合并后的版本' }).click();
    await expect(second.page.getByText(/同时修改的版本/)).toBeHidden();
    await syncBoth(first, second);
    for (const computer of [first, second]) expect((await call<Detail>(computer, 'getSop', { id: contentId })).fork).toBeNull();
    expect((await call<Detail>(first, 'getSop', { id: contentId })).editFrom!.body).toContain('每天 21:00');
  });

  expect(errors).toEqual([]);
});
