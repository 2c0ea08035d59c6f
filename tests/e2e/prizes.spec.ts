import type { Page } from '@playwright/test';
import { expect, test, type Computer } from './support/fixtures';
import { call } from './support/bridge';
import { shootBoth } from './support/screens';
import { teamOfTwo } from './support/team-of-two';
import { dateField, fillDateField } from './support/date-fields';

interface TeamView {
  me: { memberId: string };
  members: Array<{ memberId: string; displayName: string }>;
}

const ZONE = 'Asia/Shanghai';
const day = (days: number) => new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(Date.now() + days * 86_400_000);

async function openPrizes(page: Page) {
  // After a reload, wait for the app to show its first screen before moving on from it.
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.getByRole('navigation').getByRole('link', { name: /奖品审批/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: '奖品审批' })).toBeVisible();
  await expect(page.getByRole('tab', { name: '待我审批' })).toBeVisible();
}

/** A 1×1 PNG: the quotation attached to the request. */
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

const card = (page: Page, id: string) => page.locator(`section[aria-labelledby="${id}-title"]`);

async function syncBoth(a: Computer, b: Computer) {
  await call(a, 'syncNow');
  await call(b, 'syncNow');
  await call(a, 'syncNow');
}

test('a prize request: requested, approved by the lead and the approver on the other computer, winners, fulfilment, closed', async ({ openComputer }) => {
  // The whole journey on two computers, with three screens shot in two languages: longer than one default budget.
  test.slow();
  const first = await openComputer({ locale: 'zh-CN' });
  const second = await openComputer({ locale: 'zh-CN' });
  await teamOfTwo(first, second);
  const errors: string[] = [];
  for (const { page } of [first, second]) page.on('pageerror', (error) => errors.push(error.message));

  const team = await call<TeamView>(first, 'getTeam', {});
  const wang = team.members.find((member) => member.displayName === '老王')!;
  await call(first, 'setMemberRoles', { memberId: wang.memberId, roles: ['lead', 'approver', 'editor'] });
  await syncBoth(first, second);
  await expect.poll(async () => {
    await call(second, 'syncNow');
    return (await call<{ me: { roles: string[] } }>(second, 'getPrizes', {})).me.roles;
  }).toContain('approver');
  const campaign = await call<{ ok: boolean; id: string }>(second, 'savePrizeCampaign', {
    id: null,
    fields: { type: 'repostLottery', name: '春季有奖转发', startDate: day(3), endDate: day(10), owner: { memberId: wang.memberId, name: '老王' }, budgetFen: 200_000, department: null, heardOn: null },
  });
  expect(campaign.ok).toBe(true);
  // The content calendar the campaign meets: the starter SOPs' daily posts.
  await call(second, 'addStarterSops', { language: 'zh-CN' });
  await syncBoth(second, first);

  await test.step('小林 fills in a request: a prize above the cap is refused with the reason; ¥600.00 goes to lead then approver', async () => {
    const { page } = first;
    await page.reload();
    await openPrizes(page);
    await page.getByRole('tab', { name: '新奖品申请' }).click();
    await page.getByLabel('第 1 行奖品名称').fill('笔记本电脑');
    await page.getByLabel('第 1 行数量').fill('1');
    await page.getByLabel('第 1 行单价（元）').fill('50000.01');
    await page.getByLabel('申请理由').fill('春季新品推广');
    await page.getByLabel('参与条件及方式').fill('关注并转发本条微博的用户');
    await page.getByLabel('开奖方式').fill('微博抽奖平台随机抽取');
    await page.getByLabel('兑奖条件、时间及方式').fill('中奖后7天内私信提供收件信息');
    await page.getByLabel('奖品交付方式').fill('快递寄送，包邮');
    await fillDateField(dateField(page, /^开奖时间/), `${day(10)}T20:00`);
    await expect(page.getByRole('status').filter({ hasText: '合计' })).toHaveText('合计：¥50,000.01');
    await page.getByRole('button', { name: '提交申请' }).click();
    await expect(page.getByText(/单价超过抽奖式有奖销售最高奖上限 ¥50,000.00/)).toBeVisible();
    await page.getByLabel('第 1 行奖品名称').fill('蓝牙耳机');
    await page.getByLabel('第 1 行数量').fill('2');
    await page.getByLabel('第 1 行单价（元）').fill('300');
    await expect(page.getByRole('status').filter({ hasText: '合计' })).toHaveText('合计：¥600.00');
    await page.getByLabel('添加附件').setInputFiles({ name: '报价单.png', mimeType: 'image/png', buffer: Buffer.from(PNG, 'base64') });
    await expect(page.getByRole('img', { name: '报价单.png' })).toBeVisible();
    await shootBoth(first, 'prizes-request-form', /Add attachments/);
    await page.getByRole('button', { name: '提交申请' }).click();
    await expect(page.getByRole('heading', { name: '奖品申请：春季有奖转发' })).toBeVisible();
    await expect(page.getByText('可审批：老王')).toBeVisible();
  });

  await test.step('老王, on the other computer, approves as lead, then as approver', async () => {
    await syncBoth(first, second);
    const { page } = second;
    await page.reload();
    await openPrizes(page);
    await expect(page.getByRole('heading', { name: '待我审批（1）' })).toBeVisible();
    await card(page, 'prize-waiting').getByRole('button', { name: /春季有奖转发/ }).click();
    await expect(page.getByText('第 1 步等你审批')).toBeVisible();
    // The quotation attached on the other computer came with the request.
    await expect(page.getByRole('img', { name: '报价单.png' })).toBeVisible();
    await page.getByRole('button', { name: '批准', exact: true }).click();
    await expect(page.getByText('第 2 步等你审批')).toBeVisible();
    await page.getByLabel('意见（退回或驳回时必填）').fill('同意，注意按时公示');
    await page.getByRole('button', { name: '批准', exact: true }).click();
    await expect(page.locator('.card__head .prize-status--approved')).toBeVisible();
    await shootBoth(second, 'prizes-approved', /Prize request: /);
  });

  await test.step('小林 enters the winners, their contacts (shown masked), ships, and closes', async () => {
    await syncBoth(second, first);
    const { page } = first;
    await page.reload();
    await openPrizes(page);
    await card(page, 'prize-mine').getByRole('button', { name: /春季有奖转发/ }).click();
    await expect(page.locator('.card__head .prize-status--approved')).toBeVisible();
    for (const name of ['小蓝', '阿紫']) {
      await page.getByPlaceholder('微博昵称').fill(name);
      await page.getByRole('button', { name: '添加中奖者' }).click();
      await expect(page.locator('.winner').filter({ hasText: name })).toBeVisible();
    }
    const winner = page.locator('.winner').filter({ hasText: '小蓝' });
    await winner.getByPlaceholder('手机号').fill('13812341234');
    await winner.getByPlaceholder('收件地址').fill('上海市徐汇区漕溪北路88号');
    await winner.getByRole('button', { name: '保存联系方式' }).click();
    await expect(winner.getByText('138****1234 · 上海市徐汇区****')).toBeVisible();
    await winner.getByRole('button', { name: '查看原文' }).click();
    await expect(winner.getByText('13812341234 · 上海市徐汇区漕溪北路88号')).toBeVisible();
    await expect(winner.getByText(/查看记录：小林/)).toBeVisible();
    for (const [name, tracking] of [['小蓝', 'SF1001'], ['阿紫', 'SF1002']] as const) {
      const row = page.locator('.winner').filter({ hasText: name });
      await row.getByPlaceholder('快递公司').fill('顺丰');
      await row.getByPlaceholder('运单号').fill(tracking);
      await row.getByRole('button', { name: '登记发货' }).click();
      await expect(row.getByText(`已发货 顺丰 ${tracking}`)).toBeVisible();
    }
    await page.getByRole('button', { name: '结案' }).click();
    await expect(page.locator('.card__head .prize-status--closed')).toBeVisible();
    await page.reload();
    await openPrizes(page);
    await card(page, 'prize-mine').getByRole('button', { name: /春季有奖转发/ }).click();
    await expect(page.locator('.card__head .prize-status--closed')).toBeVisible();
    await expect(page.locator('.winner').filter({ hasText: '小蓝' }).getByText('138****1234')).toBeVisible();
    await shootBoth(first, 'prizes-closed', /Fulfilment/);
  });

  await test.step('the other computer sees it closed, with the budget spent', async () => {
    await syncBoth(first, second);
    const { page } = second;
    await page.getByRole('tab', { name: '活动' }).click();
    await expect(page.getByText('已发放 ¥600.00')).toBeVisible();
    await page.getByText(/与内容排期重叠：活动期间有 \d+ 天已排 \d+ 条博文/).click();
    await expect(page.getByText(/20:00 大众话题博文/).first()).toBeVisible();
    await shootBoth(second, 'prizes-campaigns', /Meets the content calendar/);
    await page.getByRole('tab', { name: '待我审批' }).click();
    await shootBoth(second, 'prizes-approvals', /My approvals/);
  });
  expect(errors).toEqual([]);
});
