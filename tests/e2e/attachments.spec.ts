import type { Page } from '@playwright/test';
import { printOnce } from './support/print';
import { expect, screenshotPath, test } from './support/fixtures';
import { finishFirstRun } from './support/first-run';
import { pastePng } from './support/paste';

/** The screens scroll inside <main>: a window this tall shows a whole note or form in one picture. */
const TALL = { width: 1280, height: 1700 };
const shoot = (page: Page, name: string) => page.screenshot({ path: screenshotPath(`attachments-${name}`), animations: 'disabled' });

/** The print layout on a page as wide as A4 (at 96 dpi), whole. */
async function shootPrint(page: Page, name: string): Promise<void> {
  await page.setViewportSize({ width: 794, height: 1123 });
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: screenshotPath(`attachments-${name}`), animations: 'disabled', fullPage: true });
  await page.emulateMedia({ media: 'screen' });
  await page.setViewportSize(TALL);
}

const openScreen = async (page: Page, name: RegExp) => page.getByRole('navigation').getByRole('link', { name }).click();

const MB = 1024 * 1024;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
/** A real PNG to attach: a picture of the top of the app, as a person's screenshot would be. */
const pictureOf = (page: Page) => page.screenshot({ clip: { x: 240, y: 0, width: 480, height: 300 } });

/** Baton's own folder: a team of one whose creator may write notes and escalations. */
async function startAlone(page: Page): Promise<void> {
  await page.setViewportSize(TALL);
  await finishFirstRun(page, '小林', { folder: 'embedded' });
  await openScreen(page, /交接班/);
  await expect(page.getByRole('heading', { name: '本班交接班记录' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: '本班概况' })).toBeEnabled();
}

test('a note and its addendum take pictures and PDFs, refuse the rest where the person is, and print as a document', async ({ openComputer }) => {
  const computer = await openComputer({ locale: 'zh-CN' });
  const { page } = computer;
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await startAlone(page);
  const summary = page.getByRole('textbox', { name: '本班概况' });
  const picture = await pictureOf(page);

  await test.step('a PNG and a PDF picked together are listed, the picture inline', async () => {
    await summary.fill('两条**投诉**已交给客服，截图和工单见附件');
    await page.getByLabel('选择图片或 PDF…').setInputFiles([
      { name: '微博截图.png', mimeType: 'image/png', buffer: picture },
      { name: '客服工单.pdf', mimeType: 'application/pdf', buffer: PDF },
    ]);
    await expect(page.getByRole('img', { name: '微博截图.png' })).toBeVisible();
    await expect(page.getByRole('link', { name: '客服工单.pdf' })).toBeVisible();
  });

  await test.step('a 21 MB file, an .exe and a .txt are refused by name, and nothing typed or attached is lost', async () => {
    const big = Buffer.concat([picture.subarray(0, 16), Buffer.alloc(21 * MB)]);
    await page.getByLabel('选择图片或 PDF…').setInputFiles({ name: '长截图.png', mimeType: 'image/png', buffer: big });
    const refused = page.locator('.attachments-editor [role="alert"]');
    await expect(refused).toHaveText('长截图.png 太大（21 MB），附件最大 20 MB。');
    await page.getByLabel('选择图片或 PDF…').setInputFiles([
      { name: 'setup.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ\x90\x00\x03\x00\x00\x00 not a picture') },
      { name: '说明.txt', mimeType: 'text/plain', buffer: Buffer.from('只是一段文字') },
    ]);
    await expect(refused).toContainText('setup.exe 不是可以附加的文件类型：只能是 PNG、JPEG、GIF、WebP 图片或 PDF。');
    await expect(refused).toContainText('说明.txt 不是可以附加的文件类型');
    await expect(summary).toHaveValue('两条**投诉**已交给客服，截图和工单见附件');
    await expect(page.locator('.attachments-editor .attachment')).toHaveCount(2);
    await page.getByRole('region', { name: '附件' }).scrollIntoViewIfNeeded();
    await shoot(page, 'refused-zh-CN');
  });

  await test.step('a pasted screenshot is added too, and the note is submitted with all three', async () => {
    await pastePng(page, 'form.write textarea');
    await expect(page.getByRole('img', { name: /^screenshot-.*\.png$/ })).toBeVisible();
    await expect(page.locator('.attachments-editor [role="alert"]')).toHaveCount(0);
    await page.getByRole('button', { name: '提交交接班记录' }).click();
    await expect(page.locator('.note .markdown strong', { hasText: '投诉' })).toBeVisible();
    await expect(page.locator('.note > .attachments .attachment')).toHaveCount(3);
  });

  await test.step('an addendum takes a picked PDF and a pasted screenshot; a refused file keeps its words', async () => {
    const addendum = page.getByRole('textbox', { name: '补充说明' });
    await addendum.fill('客服 16:20 回复了，处理结果见截图');
    await page.getByLabel('选择图片或 PDF…').setInputFiles({ name: '说明.txt', mimeType: 'text/plain', buffer: Buffer.from('文字') });
    await expect(page.locator('.addendum [role="alert"]')).toContainText('说明.txt 不是可以附加的文件类型');
    await expect(addendum).toHaveValue('客服 16:20 回复了，处理结果见截图');
    await page.getByLabel('选择图片或 PDF…').setInputFiles({ name: '处理结果.pdf', mimeType: 'application/pdf', buffer: PDF });
    await pastePng(page, '#addendum');
    await expect(page.locator('.addendum .attachment')).toHaveCount(2);
    await expect(page.locator('.addendum [role="alert"]')).toHaveCount(0);
    await page.getByRole('button', { name: '添加补充说明' }).click();
    const added = page.locator('.note__addenda > li');
    await expect(added).toHaveCount(1);
    await expect(added).toContainText(/小林 补充于/);
    await expect(added).toContainText('客服 16:20 回复了');
    await expect(added.getByRole('link', { name: '处理结果.pdf' })).toBeVisible();
    await expect(added.getByRole('img', { name: /^screenshot-.*\.png$/ })).toBeVisible();
    // The form is emptied for the next addendum.
    await expect(addendum).toHaveValue('');
    await expect(page.locator('.addendum .attachment')).toHaveCount(0);
    await shoot(page, 'addendum-zh-CN');
  });

  await test.step('the print button opens the browser print, since a browser tab cannot save the PDF itself', async () => {
    await printOnce(page, '打印 / 存为 PDF');
  });

  await test.step('printed, the note is a document: no navigation, buttons or forms', async () => {
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('navigation')).toBeHidden();
    await expect(page.getByRole('button', { name: '打印 / 存为 PDF' })).toBeHidden();
    await expect(page.getByRole('textbox', { name: '补充说明' })).toBeHidden();
    await expect(page.getByRole('tab', { name: '历史记录' })).toBeHidden();
    await expect(page.getByRole('heading', { name: /交接班记录$/ })).toBeVisible();
    await expect(page.locator('.note__addenda')).toBeVisible();
    await page.emulateMedia({ media: 'screen' });
    await shootPrint(page, 'print-zh-CN');
  });

  await test.step('the same in English', async () => {
    await computer.api('updateSettings', { language: 'en' });
    await expect(page.getByRole('button', { name: 'Print / Save as PDF' })).toBeVisible();
    await page.getByLabel('Pick an image or PDF…').setInputFiles({ name: 'big.png', mimeType: 'image/png', buffer: Buffer.concat([picture.subarray(0, 16), Buffer.alloc(21 * MB)]) });
    await expect(page.locator('.addendum [role="alert"]')).toHaveText('big.png is too large (21 MB); attachments are 20 MB at most.');
    await shoot(page, 'addendum-en');
    await shootPrint(page, 'print-en');
  });

  expect(errors).toEqual([]);
});

test('an escalation carries a pasted or picked screenshot in place of the link, and shows it', async ({ openComputer }) => {
  const computer = await openComputer({ locale: 'zh-CN' });
  const { page } = computer;
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await startAlone(page);
  const picture = await pictureOf(page);

  await test.step('in a note, a screenshot pasted into the escalation is its screenshot, not a note attachment', async () => {
    await page.getByRole('textbox', { name: '事项', exact: true }).fill('差评投诉转客服');
    await page.getByLabel('类别', { exact: true }).selectOption('escalation');
    await page.getByLabel('升级到哪个部门', { exact: true }).selectOption('customer-service');
    await pastePng(page, '#fu-title');
    const field = page.getByRole('group', { name: '截图' });
    await expect(field.getByRole('img', { name: /^screenshot-.*\.png$/ })).toBeVisible();
    await expect(page.getByRole('region', { name: '附件' }).locator('.attachment')).toHaveCount(0);
    await expect(field.getByLabel('换一张截图…')).toBeAttached();
  });

  await test.step('on its own, an escalation without link or screenshot is refused; a PDF is not a screenshot', async () => {
    await openScreen(page, /待跟进/);
    await page.getByRole('textbox', { name: '事项', exact: true }).fill('微博已删除的侵权投诉');
    await page.getByLabel('类别', { exact: true }).selectOption('escalation');
    await page.getByLabel('升级到哪个部门', { exact: true }).selectOption('legal');
    await page.getByRole('button', { name: '创建待跟进事项' }).click();
    await expect(page.getByText('投诉升级需要微博链接或截图。')).toBeVisible();
    const field = page.getByRole('group', { name: '截图' });
    await field.getByLabel('选择截图…').setInputFiles({ name: '投诉.pdf', mimeType: 'application/pdf', buffer: PDF });
    await expect(field.getByRole('alert')).toHaveText('投诉.pdf 不是图片：截图只能是 PNG、JPEG、GIF 或 WebP 图片。');
    await field.getByLabel('选择截图…').setInputFiles({ name: '侵权微博.png', mimeType: 'image/png', buffer: picture });
    await expect(field.getByRole('img', { name: '侵权微博.png' })).toBeVisible();
    await expect(page.getByRole('textbox', { name: '事项', exact: true })).toHaveValue('微博已删除的侵权投诉');
    await shoot(page, 'escalation-form-zh-CN');
  });

  await test.step('created, it shows the screenshot when opened', async () => {
    await page.getByRole('button', { name: '创建待跟进事项' }).click();
    const item = page.locator('.fu-list > li', { hasText: '微博已删除的侵权投诉' });
    await expect(item).toBeVisible();
    await expect(page.getByRole('group', { name: '截图' }).locator('.attachment')).toHaveCount(0);
    await item.getByRole('button').first().click();
    await expect(item.getByRole('img', { name: '投诉升级时附的微博截图' })).toBeVisible();
    await shoot(page, 'escalation-detail-zh-CN');
  });

  await test.step('the same in English', async () => {
    await computer.api('updateSettings', { language: 'en' });
    await expect(page.getByRole('img', { name: 'Screenshot of the Weibo post, attached when escalating' })).toBeVisible();
    await shoot(page, 'escalation-detail-en');
    await page.getByLabel('Category', { exact: true }).selectOption('escalation');
    await page.getByRole('group', { name: 'Screenshot' }).getByLabel('Pick a screenshot…').setInputFiles({ name: 'post.png', mimeType: 'image/png', buffer: picture });
    await expect(page.getByRole('img', { name: 'post.png' })).toBeVisible();
    await shoot(page, 'escalation-form-en');
  });

  expect(errors).toEqual([]);
});
