import type { Page } from '@playwright/test';
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seriousViolations } from './support/axe';
import { expect, screenshotPath, test, type Computer, type ComputerOptions } from './support/fixtures';
import { finishFirstRun } from './support/first-run';
import { heldAtFirstPauseNodeOptions, heldOpenNodeOptions, segmentFilesIn } from './support/held-open';
import { writeLargeHistory } from './support/large-history';
import { writeRootSnapshot } from './support/team-snapshot';

const NOTES = 1_200;

const words = {
  'zh-CN': {
    reading: /^正在读取各台电脑写下的记录… \d+%$/,
    readingSnapshot: /^正在读取团队的记录…( \d+%)?$/,
    arriving: '记录还在读取中…',
    sops: /运营规范/,
    library: '规范库',
    noSops: /^还没有任何运营规范。/,
    noNotes: '还没有交接班记录',
    rest: '已经读到的先显示出来，其余的还在路上；读完后各页会自己更新，不用刷新。',
    briefing: '开班简报',
    handover: /交接班/,
    history: '历史记录',
    total: (count: number) => `共 ${count.toLocaleString('zh-CN')} 份记录`,
    rota: /值班表/,
    onNowArriving: '值班表还在读取中…',
    nobodyOnNow: '现在无人当班',
    slotArriving: '还在读取…',
    notPlanned: '未排班',
  },
  'en-US': {
    reading: /^Reading what each computer wrote… \d+%$/,
    readingSnapshot: /^Reading the team's records…( \d+%)?$/,
    arriving: "Still reading the team's records…",
    sops: /SOPs/,
    library: 'Library',
    noSops: /^No SOPs yet\./,
    noNotes: 'No handover notes yet',
    rest: 'What has been read is shown already; the rest is still arriving. The screens update by themselves when it is in.',
    briefing: 'Shift briefing',
    handover: /Handover/,
    history: 'History',
    total: (count: number) => `Notes: ${count.toLocaleString('en-US')}`,
    rota: /Rota/,
    onNowArriving: 'still reading the rota…',
    nobodyOnNow: 'nobody on duty',
    slotArriving: 'Still reading…',
    notPlanned: 'Not planned',
  },
} as const;

type Locale = keyof typeof words;
type Words = (typeof words)[Locale];
const openLibrary = (page: Page, say: Words) => page.getByRole('navigation').getByRole('link', { name: say.sops }).click();
const library = (page: Page, say: Words) => page.getByRole('region', { name: say.library });

/**
 * A newcomer joins the team in `shared` and reads all of it; then the computer's copy of the team's
 * records (its local cache) is gone, so that its next start reads the folder again (held part-way
 * by the test). What it knows of its own device stays: without that its own request in the folder
 * would look written by a copy of it.
 */
async function joinThenForget(openComputer: (options?: ComputerOptions) => Promise<Computer>, shared: string, profile: string, locale: Locale) {
  await test.step('a newcomer joins; the notice goes once the team is read', async () => {
    const computer = await openComputer({ shared, profile, locale });
    await finishFirstRun(computer.page, locale === 'zh-CN' ? '小周' : 'Zhou');
    await expect(computer.page.getByRole('complementary', { name: /^(正在|Reading|Opening)/ })).toHaveCount(0, { timeout: 60_000 });
    // Its join request is in the folder before its own copy goes (a request never published is lost with it).
    expect(await computer.api('syncNow', {})).toMatchObject({ ok: true });
    await computer.close();
  });
  for (const team of readdirSync(join(profile, 'sync', 'teams'))) rmSync(join(profile, 'sync', 'teams', team, 'cache'), { recursive: true, force: true, maxRetries: 3 });
}

/** How far the open is, from the service itself. */
async function syncStatusOf(computer: Computer) {
  const status = (await computer.api('getSyncStatus', {})) as { ok: true; value: { opening: { phase: string; done: number; total: number } | null; stateHash: string | null } };
  return status.value;
}

/** The header and the rota's grid while the open is held: what is still arriving, not "nobody on duty", not "not planned". */
async function rotaStillArriving(page: Page, say: Words, shot: string) {
  await expect(page.getByTestId('on-now')).toContainText(say.onNowArriving);
  await expect(page.getByTestId('on-now')).not.toContainText(say.nobodyOnNow);
  await page.getByRole('navigation').getByRole('link', { name: say.rota }).click();
  await expect(page.getByRole('grid')).toContainText(say.slotArriving);
  await expect(page.getByRole('grid')).not.toContainText(say.notPlanned);
  await page.screenshot({ path: screenshotPath(shot), animations: 'disabled' });
}

/** Once open, a team with no rota: no "on now" in the header, and the grid says its shifts are not planned. */
async function rotaOnceOpen(page: Page, say: Words, shot: string) {
  await expect(page.getByTestId('on-now')).toHaveCount(0);
  await page.getByRole('navigation').getByRole('link', { name: say.rota }).click();
  await expect(page.getByRole('grid')).toContainText(say.notPlanned);
  await expect(page.getByRole('grid')).not.toContainText(say.slotArriving);
  await page.screenshot({ path: screenshotPath(shot), animations: 'disabled' });
}

for (const locale of ['zh-CN', 'en-US'] as const) {
  test(`while the team's records are still being read the screens answer and say so, in ${locale}, and refresh once all are in`, async ({ openComputer }, testInfo) => {
    test.setTimeout(240_000);
    const say = words[locale];
    const shared = testInfo.outputPath('shared-folder');
    const profile = testInfo.outputPath('computer');
    await writeLargeHistory(shared, NOTES);
    const notice = (page: Page) => page.getByRole('complementary', { name: say.reading });
    await joinThenForget(openComputer, shared, profile, locale);
    const files = segmentFilesIn(shared);
    const release = testInfo.outputPath('release');
    const computer = await openComputer({ shared, profile, locale, hostNodeOptions: heldOpenNodeOptions(shared, Math.floor(files * 0.6), release) });
    const { page } = computer;

    await test.step('held part-way, the briefing shows with the notice and how far the reading is', async () => {
      await expect(page.getByRole('heading', { level: 1, name: say.briefing })).toBeVisible();
      await expect(notice(page)).toBeVisible();
      await expect(notice(page)).toContainText(say.rest);
      await expect(notice(page).getByRole('progressbar')).toHaveAttribute('aria-valuenow', /^\d+$/);
      const status = await syncStatusOf(computer);
      expect(status.opening).toMatchObject({ phase: 'segments', total: 2 * files });
      expect(status.stateHash).toBeNull();
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: screenshotPath(`opening-notice-briefing-${locale}`), animations: 'disabled' });
    });

    await test.step('the history answers too, with what has arrived so far', async () => {
      await page.getByRole('navigation').getByRole('link', { name: say.handover }).click();
      await page.getByRole('tab', { name: say.history }).click();
      await expect(notice(page)).toBeVisible();
      await expect(page.getByRole('status').filter({ hasText: say.total(NOTES) })).toHaveCount(0);
      await page.screenshot({ path: screenshotPath(`opening-notice-history-${locale}`), animations: 'disabled' });
    });

    await test.step('the header does not say nobody is on duty, nor the rota that nothing is planned: the rota is still being read', async () => {
      await rotaStillArriving(page, say, `opening-arriving-rota-${locale}`);
    });

    await test.step('the SOP library, empty so far, says the records are still being read, not that there are none', async () => {
      await openLibrary(page, say);
      await expect(library(page, say).getByRole('status').filter({ hasText: say.arriving }).first()).toBeVisible();
      await expect(library(page, say).getByText(say.noSops)).toHaveCount(0);
      await page.screenshot({ path: screenshotPath(`opening-arriving-sops-${locale}`), animations: 'disabled' });
    });

    await test.step('let go, the reading ends: the library says it has no SOP, and the history fills without a reload', async () => {
      writeFileSync(release, 'go');
      await expect(notice(page)).toHaveCount(0, { timeout: 60_000 });
      await expect(library(page, say).getByText(say.noSops)).toBeVisible();
      await expect(library(page, say).getByText(say.arriving)).toHaveCount(0);
      await page.screenshot({ path: screenshotPath(`opening-done-sops-${locale}`), animations: 'disabled' });
      await page.getByRole('navigation').getByRole('link', { name: say.handover }).click();
      await page.getByRole('tab', { name: say.history }).click();
      await expect(page.getByRole('status').filter({ hasText: say.total(NOTES) })).toBeVisible({ timeout: 30_000 });
      const status = await syncStatusOf(computer);
      expect(status.opening).toBeNull();
      expect(status.stateHash).toMatch(/^[0-9a-f]{64}$/);
      await page.screenshot({ path: screenshotPath(`opening-done-history-${locale}`), animations: 'disabled' });
    });

    await test.step('and the rota, with none made yet, says so', async () => {
      await rotaOnceOpen(page, say, `opening-done-rota-${locale}`);
    });
  });
}

for (const locale of ['zh-CN', 'en-US'] as const) {
  test(`a computer new to the team, opening from the team snapshot, says the empty screens are still arriving, in ${locale}, and shows the team's own once open`, async ({ openComputer }, testInfo) => {
    test.setTimeout(240_000);
    const say = words[locale];
    const shared = testInfo.outputPath('shared-folder');
    const profile = testInfo.outputPath('computer');
    const { root } = await writeLargeHistory(shared, NOTES);
    // The founder's computer has folded the history and published the team snapshot, as it does every 10,000 ops.
    await writeRootSnapshot(shared, root);
    const notice = (page: Page) => page.getByRole('complementary', { name: say.readingSnapshot });
    // Its own copy gone, the next start opens from the team snapshot again, held at its first pause.
    await joinThenForget(openComputer, shared, profile, locale);
    const release = testInfo.outputPath('release');
    const computer = await openComputer({ shared, profile, locale, hostNodeOptions: heldAtFirstPauseNodeOptions(release) });
    const { page } = computer;
    // A failed step still lets the open go, so that the computer can close.
    try {
      await test.step('held while the snapshot is read, the history says its notes are still arriving, not that there are none', async () => {
        await expect(page.getByRole('heading', { level: 1, name: say.briefing })).toBeVisible();
        await expect(notice(page)).toBeVisible();
        const { opening } = await syncStatusOf(computer);
        expect(opening).toMatchObject({ phase: 'snapshot' });
        expect(opening!.done).toBeLessThan(opening!.total);
        await page.getByRole('navigation').getByRole('link', { name: say.handover }).click();
        await page.getByRole('tab', { name: say.history }).click();
        await expect(page.getByRole('status').filter({ hasText: say.arriving })).toBeVisible();
        await expect(page.getByText(say.noNotes)).toHaveCount(0);
        expect(await seriousViolations(page)).toEqual([]);
        await page.screenshot({ path: screenshotPath(`opening-snapshot-arriving-history-${locale}`), animations: 'disabled' });
      });

      await test.step('the header and the rota too', async () => {
        await rotaStillArriving(page, say, `opening-snapshot-arriving-rota-${locale}`);
      });

      await test.step('the SOP library too', async () => {
        await openLibrary(page, say);
        await expect(library(page, say).getByRole('status').filter({ hasText: say.arriving }).first()).toBeVisible();
        await expect(library(page, say).getByText(say.noSops)).toHaveCount(0);
        await page.screenshot({ path: screenshotPath(`opening-snapshot-arriving-sops-${locale}`), animations: 'disabled' });
      });

      await test.step('let go, the open ends: the library says it has no SOP, the history shows every note', async () => {
        writeFileSync(release, 'go');
        await expect(notice(page)).toHaveCount(0, { timeout: 60_000 });
        await expect(library(page, say).getByText(say.noSops)).toBeVisible();
        await expect(library(page, say).getByText(say.arriving)).toHaveCount(0);
        await page.getByRole('navigation').getByRole('link', { name: say.handover }).click();
        await page.getByRole('tab', { name: say.history }).click();
        await expect(page.getByRole('status').filter({ hasText: say.total(NOTES) })).toBeVisible({ timeout: 30_000 });
        await expect(page.getByText(say.arriving)).toHaveCount(0);
        expect((await syncStatusOf(computer)).opening).toBeNull();
        await page.screenshot({ path: screenshotPath(`opening-snapshot-done-history-${locale}`), animations: 'disabled' });
      });

      await test.step('and the rota says nothing is planned', async () => {
        await rotaOnceOpen(page, say, `opening-snapshot-done-rota-${locale}`);
      });
    } finally {
      writeFileSync(release, 'go');
    }
  });
}
