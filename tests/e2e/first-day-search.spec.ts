import { expect, test } from './support/fixtures';
import { call } from './support/bridge';
import { shootBoth } from './support/screens';
import { teamOfOne } from './support/team-of-one';

/** Issue #17 item 6: a search result shows the passage that matched, marked, with the shift and the count. */

test('searching 投诉 shows how many, the shift and date, and the passage with the word marked', async ({ openComputer }) => {
  const computer = await openComputer();
  await teamOfOne(computer);
  const { page } = computer;
  const { draft } = await call<{ draft: { sections: Record<string, string> } }>(computer, 'getHandoverDraft', {});
  const me = (await call<{ me: { memberId: string } }>(computer, 'getTeam', {})).me;
  await call(computer, 'submitHandover', {
    draft: {
      ...draft,
      date: '2026-01-05',
      shiftTypeId: 'late',
      sections: { ...draft.sections, summary: '今天一切正常，发了两条产品微博，互动比平时多。', fans: '上午有粉丝在评论区反复**投诉**物流太慢，已经私信安抚并转给客服跟进。' },
    },
  });
  await call(computer, 'createFollowUp', { title: '物流投诉回访', owner: { memberId: me.memberId, name: '小林' }, dueAt: Date.now() + 3_600_000, category: 'other', departmentId: null, escalation: null });

  await page.getByRole('navigation').getByRole('link', { name: /交接班/ }).click();
  await page.getByRole('tab', { name: '历史记录' }).click();
  await page.getByRole('searchbox').fill('投诉');
  await expect(page.getByRole('status').filter({ hasText: '2 条结果' })).toBeVisible();
  const results = page.getByRole('list', { name: '2 条结果' });
  const note = results.getByRole('button', { name: /2026-01-05 晚班/ });
  await expect(note).toContainText('2026-01-05 晚班上午有粉丝在评论区反复投诉物流太慢');
  await expect(note).not.toContainText('**');
  await expect(note.locator('mark')).toHaveText(['投诉']);
  const item = results.getByRole('listitem').filter({ hasText: '物流投诉回访' });
  await expect(item.locator('mark')).toHaveText(['投诉']);
  // The tag is as wide as its word, not a bar across the row.
  const tag = await item.locator('.badge').boundingBox();
  const row = await item.boundingBox();
  expect(tag!.width).toBeLessThan(row!.width / 4);
  await shootBoth(computer, 'first-day-search', /2 results|Results: 2/);

  await page.getByRole('searchbox').fill('快递');
  await expect(page.getByRole('status').filter({ hasText: '没有找到' })).toBeVisible();
  await page.getByRole('searchbox').fill('投诉');
  await note.click();
  await expect(page.getByText('上午有粉丝在评论区反复')).toBeVisible();
});
