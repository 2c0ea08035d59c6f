import type { Locator, Page } from '@playwright/test';
import { expect, screenshotPath, test } from './support/fixtures';
import { finishFirstRun } from './support/first-run';
import { writeLargeHistory, type HistoryNote } from './support/large-history';

const NOTES = 10_000;
/** A screenful of rows and the few around it: far fewer than the notes. */
const MAX_ROWS_IN_PAGE = 100;

const openScreen = async (page: Page, name: RegExp) => page.getByRole('navigation').getByRole('link', { name }).click();
/** The list itself in view (it sits below the previous shift's note), for people to look at. */
async function shoot(page: Page, list: Locator, name: string): Promise<void> {
  await list.evaluate((element) => element.scrollIntoView({ block: 'end' }));
  await page.screenshot({ path: screenshotPath(`handover-history-large-${name}`), animations: 'disabled' });
}

/** Scrolls the list so that the note at `index` (0: the newest) is the first row in view. */
async function scrollTo(scroller: Locator, index: number, total: number): Promise<void> {
  await scroller.evaluate((element, share) => {
    element.scrollTop = element.scrollHeight * share;
  }, index / total);
}

const row = (list: Locator, index: number) => list.locator(`[aria-posinset="${index + 1}"]`);

test('the history of ten thousand notes is a short list in the page that scrolls, filters and opens deep down', async ({ openComputer }, testInfo) => {
  test.setTimeout(240_000);
  const shared = testInfo.outputPath('shared-folder');
  const history = await writeLargeHistory(shared, NOTES);
  const { notes, counts, members } = history;
  const computer = await openComputer({ shared, locale: 'zh-CN' });
  const { page } = computer;
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  // A newcomer waiting for approval reads the whole team's history.
  await finishFirstRun(page, '小周');
  await openScreen(page, /交接班/);
  await page.getByRole('tab', { name: '历史记录' }).click();
  const list = page.getByRole('list', { name: /^(历史交接班记录|Handover history)$/ });
  const scroller = page.locator('.history__scroller');
  const total = (count: number) => page.getByRole('status').filter({ hasText: `共 ${count.toLocaleString('zh-CN')} 份记录` });
  const shows = async (index: number, note: HistoryNote) => expect(row(list, index)).toContainText(note.summary);

  await test.step('all the notes are counted, the newest first, and only a screenful of rows is in the page', async () => {
    await expect(total(NOTES)).toBeVisible({ timeout: 60_000 });
    await shows(0, notes[0]!);
    expect(await list.getByRole('listitem').count()).toBeLessThan(MAX_ROWS_IN_PAGE);
  });

  await test.step('the middle of the list shows the notes written then', async () => {
    await scrollTo(scroller, NOTES / 2, NOTES);
    await shows(NOTES / 2, notes[NOTES / 2]!);
    await shows(NOTES / 2 + 3, notes[NOTES / 2 + 3]!);
    await expect(list.getByText('…')).toHaveCount(0);
    expect(await list.getByRole('listitem').count()).toBeLessThan(MAX_ROWS_IN_PAGE);
    await shoot(page, list, 'middle-zh-CN');
  });

  await test.step('the end of the list is the oldest note', async () => {
    await scroller.evaluate((element) => {
      element.scrollTop = element.scrollHeight;
    });
    await shows(NOTES - 1, notes[NOTES - 1]!);
    await expect(row(list, NOTES - 1)).toContainText('2012-03-01 早班');
    expect(await list.getByRole('listitem').count()).toBeLessThan(MAX_ROWS_IN_PAGE);
  });

  await test.step('each filter narrows the list to the notes it names, from the top', async () => {
    const shift = page.getByRole('combobox', { name: '班次', exact: true });
    await shift.selectOption({ label: '晚班' });
    await expect(total(counts.byShiftType.late!)).toBeVisible();
    await shows(0, notes.find((note) => note.shiftTypeId === 'late')!);
    await shift.selectOption({ label: '全部班次' });
    await expect(total(NOTES)).toBeVisible();

    const author = page.getByRole('combobox', { name: '作者', exact: true });
    const someone = members[2]!;
    const theirs = notes.filter((note) => note.authorId === someone.memberId);
    await author.selectOption({ label: someone.name });
    await expect(total(counts.byAuthor[someone.memberId]!)).toBeVisible();
    await shows(0, theirs[0]!);
    await scroller.evaluate((element) => {
      element.scrollTop = element.scrollHeight;
    });
    await shows(theirs.length - 1, theirs.at(-1)!);
    await author.selectOption({ label: '全部作者' });
    await expect(total(NOTES)).toBeVisible();
    await shows(0, notes[0]!);

    for (const [label, count] of [['未签收', counts.unacknowledged], ['有未完成的待跟进', counts.withOpenFollowUps]] as const) {
      const box = page.getByRole('checkbox', { name: label });
      await box.check();
      await expect(total(count)).toBeVisible();
      expect(await list.getByRole('listitem').count()).toBeLessThan(MAX_ROWS_IN_PAGE);
      await box.uncheck();
      await expect(total(NOTES)).toBeVisible();
    }
  });

  await test.step('a note deep in the list opens, and going back returns to it', async () => {
    const deep = Math.round(NOTES * 0.75);
    await scrollTo(scroller, deep, NOTES);
    await shows(deep, notes[deep]!);
    await row(list, deep).getByRole('button').click();
    await expect(page.locator('.markdown', { hasText: notes[deep]!.summary })).toBeVisible();
    await page.getByRole('button', { name: '返回历史记录' }).click();
    await shows(deep, notes[deep]!);
    await expect(row(list, deep)).toBeInViewport();
  });

  await test.step('the same list in English', async () => {
    await computer.api('updateSettings', { language: 'en' });
    await expect(page.getByRole('status').filter({ hasText: `Notes: ${NOTES.toLocaleString('en')}` })).toBeVisible();
    await scrollTo(scroller, NOTES / 2, NOTES);
    await shows(NOTES / 2, notes[NOTES / 2]!);
    await expect(list.getByText('…')).toHaveCount(0);
    await shoot(page, list, 'middle-en');
  });

  expect(errors).toEqual([]);
});
