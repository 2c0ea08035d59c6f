import { expect, test } from './support/fixtures';
import { shootBoth } from './support/screens';
import { teamOfTwo } from './support/team-of-two';

/** Issue #17 items 2 and 7: every role, 停用 and 移出团队 explained where they are chosen; contradictory roles refused. */

test('an admin choosing roles reads what each does, and cannot give 编辑 with 只读', async ({ openComputer }) => {
  const admin = await openComputer();
  const colleague = await openComputer();
  await teamOfTwo(admin, colleague);
  const { page } = admin;
  await page.getByRole('navigation').getByRole('link', { name: /团队/ }).click();
  const members = page.getByRole('region', { name: '成员' });
  await expect(members.getByText('“停用”只停掉某一台电脑（丢失或换电脑时用），这个人仍在团队里；“移出团队”让这个人和他所有的电脑都不再计入。')).toBeVisible();

  const wang = members.getByRole('listitem').filter({ hasText: '老王' }).first();
  await wang.getByRole('button', { name: '修改角色' }).click();
  const picker = wang.getByRole('group', { name: '老王 的角色' });
  await expect(picker.getByRole('checkbox', { name: '审批人' })).toHaveAccessibleDescription('审批金额超过值班长权限的奖品申请，例如市场经理。');
  await expect(picker.getByRole('checkbox', { name: '只读' })).toHaveAccessibleDescription('只能查看，什么都不能写。不能和其他角色同时选。');

  await picker.getByRole('checkbox', { name: '只读' }).check();
  await expect(picker.getByRole('alert')).toHaveText('“只读”表示什么都不能写，不能和其他角色一起选：请去掉“只读”或其他角色。');
  await expect(wang.getByRole('button', { name: '保存角色' })).toBeDisabled();
  await shootBoth(admin, 'first-day-roles', /A viewer writes nothing/);

  await picker.getByRole('checkbox', { name: '编辑' }).uncheck();
  await expect(picker.getByRole('alert')).toHaveCount(0);
  await wang.getByRole('button', { name: '保存角色' }).click();
  await expect(wang.locator('.team-tag')).toHaveText(['只读']);
});
