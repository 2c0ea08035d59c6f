import { call } from './support/bridge';
import { expect, test } from './support/fixtures';
import { shootBoth } from './support/screens';

interface Settings {
  settings: { shiftTypes: Array<{ id: string }> };
}

test('an SOP with a picture, a review flag for its owner, and checklist items for chosen shifts', async ({ openComputer }) => {
  test.setTimeout(180_000);
  const computer = await openComputer({ locale: 'zh-CN' });
  const { page } = computer;
  await call(computer, 'createTeam', { memberName: '小林', teamName: '微博运营组', path: computer.shared });
  const me = await call<{ me: { memberId: string } }>(computer, 'getTeam', {});
  await call(computer, 'setMemberRoles', { memberId: me.me.memberId, roles: ['admin', 'lead', 'editor'] });
  await page.reload();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));

  // The picture: a real PNG (this very window), stored as a blob like a pasted screenshot.
  const png = await page.screenshot({ clip: { x: 0, y: 0, width: 480, height: 200 } });
  const put = await call<{ ok: true; attachment: { sha256: string } }>(computer, 'putAttachment', { name: '发布后台.png', dataBase64: png.toString('base64') });
  const [early] = (await call<Settings>(computer, 'getTeamSettings', {})).settings.shiftTypes;
  const body = `## 发布步骤\n\n1. 在发布后台选好账号：\n\n![发布后台](picture:${put.attachment.sha256})\n\n2. 10:00 前发出产品博文。\n`;
  const item = { id: 'product-post', title: '产品博文', kind: 'post', contentType: 'product', times: ['10:00'], everyMinutes: null, shiftTypeIds: [early!.id], days: 'weekdays', holidays: 'skip' };
  const saved = await call<{ id: string; revision: string }>(computer, 'saveSopRevision', { id: null, parents: [], title: '产品博文发布', body, checklist: [item], pictures: [put.attachment], area: 'content' });
  await call(computer, 'publishSopRevision', { id: saved.id, revision: saved.revision, minor: false });
  await call(computer, 'setSopMeta', { id: saved.id, changes: { owner: { memberId: me.me.memberId, name: '小林' }, reviewBy: '2020-01-01' } });

  await page.getByRole('navigation').getByRole('link', { name: /运营规范/ }).click();
  await expect(page.getByRole('heading', { name: /已过复核日期/ })).toBeVisible();
  await page.locator('section.sop-area[aria-labelledby="area-content"]').getByRole('button', { name: '产品博文发布' }).click();
  await expect(page.getByRole('status').filter({ hasText: '应于 2020-01-01 前复核' })).toBeVisible();
  const picture = page.locator('.markdown img[alt="发布后台"]');
  await expect(picture).toHaveAttribute('src', /^blob:/);
  await expect.poll(() => picture.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBeGreaterThan(0);
  await shootBoth(computer, 'sop-picture-document', /was due for review/);

  await page.getByRole('button', { name: '修改' }).click();
  await expect(page.locator('.attachments-editor img[alt="发布后台.png"]')).toBeVisible();
  const shifts = page.locator('.sop-item__shifts');
  await expect(shifts.getByRole('checkbox').first()).toBeChecked();
  await shifts.getByRole('checkbox').nth(1).check();
  await expect(shifts.getByRole('checkbox').nth(1)).toBeChecked();
  await shootBoth(computer, 'sop-picture-editor', /Pictures/);
  expect(errors).toEqual([]);
});
