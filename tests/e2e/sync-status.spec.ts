import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import { expect, screenshotPath, test, type Computer } from './support/fixtures';
import { finishFirstRun } from './support/first-run';

const run = promisify(execFile);

/** The parts of SyncStatus (shared/sync/status.ts) these tests look at. */
interface Status {
  sharedDir: string;
  deviceId: string;
  available: boolean;
}

function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

async function syncStatus(computer: Computer): Promise<Status> {
  const result = await computer.api('getSyncStatus', {});
  if (!result.ok) throw new Error(`getSyncStatus failed: ${JSON.stringify(result.error)}`);
  return result.value as Status;
}

/** Baton's own folder on that computer; after its first run there, it holds a team of one. */
async function embeddedFolderOf(computer: Computer): Promise<string> {
  const result = await computer.api('getAppInfo', {});
  if (!result.ok) throw new Error('getAppInfo failed');
  return (result.value as { embeddedSharedDir: string }).embeddedSharedDir;
}

/**
 * The frame shows as soon as the settings say the first run is done, a moment before the service
 * has made the team of Baton's own folder: wait for that before reading or using the folder.
 */
async function untilAvailable(computer: Computer) {
  await expect.poll(async () => (await syncStatus(computer)).available).toBe(true);
}

/** The Sync screen with its details (devices, files, this computer) opened, as a curious person would. */
async function openSync(page: Page) {
  await page.getByRole('navigation').getByRole('link', { name: /^(同步状态|Sync)/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^(同步状态|Sync)$/ })).toBeVisible();
  await page.getByText(/^(详细信息：|Details:)/).click();
}

const checkNow = async (page: Page) => {
  await page.getByRole('button', { name: /^(立即检查|Check now)$/ }).click();
  await expect(page.getByRole('status').filter({ hasText: /检查完毕|^Checked at/ })).toBeVisible();
};

/** The language as another window changes it: through the service, pushed to this page. */
async function language(computer: Computer, lang: 'zh-CN' | 'en', pushes = true) {
  expect(await computer.api('updateSettings', { language: lang })).toMatchObject({ ok: true });
  // Without pushes the page learns of it only when it reads the settings again.
  if (!pushes) await computer.page.reload();
  await expect(computer.page.locator('html')).toHaveAttribute('lang', lang);
}

/**
 * test-results/screens/sync-<state>-<lang>.png, with the window as tall as the whole screen so
 * every card is in the picture (the screen scrolls inside <main>, which a page screenshot cuts).
 */
async function shoot(page: Page, name: string) {
  const height = await page.evaluate(() => {
    const top = document.querySelector('.topbar')?.getBoundingClientRect().height ?? 0;
    return Math.ceil(top + (document.querySelector('main')?.scrollHeight ?? 0));
  });
  const viewport = page.viewportSize() ?? { width: 1280, height: 820 };
  await page.setViewportSize({ width: viewport.width, height: Math.max(viewport.height, height) });
  // The first run's fading "all set" would sit over the last card.
  const hideNotices = (hidden: boolean) =>
    page.evaluate((hide) => document.querySelector<HTMLElement>('.notices')?.style.setProperty('visibility', hide ? 'hidden' : ''), hidden);
  await hideNotices(true);
  await page.screenshot({ path: screenshotPath(name), animations: 'disabled' });
  await hideNotices(false);
  await page.setViewportSize(viewport);
}

/** Shoots the screen in Chinese, then in English, and leaves the computer in Chinese. */
async function shootBoth(computer: Computer, state: string, english: RegExp, pushes = true) {
  await shoot(computer.page, `sync-${state}-zh-CN`);
  await language(computer, 'en', pushes);
  await expect(computer.page.getByRole('heading', { level: 1, name: 'Sync' })).toBeVisible();
  // A reload closes the details again (devices, files, this computer): open them as before.
  if (!pushes) await computer.page.getByText(/^Details:/).click();
  await expect(computer.page.getByText(english).first()).toBeVisible();
  await shoot(computer.page, `sync-${state}-en`);
  await language(computer, 'zh-CN', pushes);
  await expect(computer.page.getByRole('heading', { level: 1, name: '同步状态' })).toBeVisible();
  if (!pushes) await computer.page.getByText(/^详细信息：/).click();
}

const region = (page: Page, name: string) => page.getByRole('region', { name, exact: true });
const navDot = (page: Page, name: string) => page.getByRole('navigation').getByRole('img', { name, exact: true });

test('on its own folder sync is healthy at once; a shared folder without a team says so', async ({ openComputer }) => {
  const own = await openComputer({ locale: 'zh-CN' });
  const pageErrors = collectPageErrors(own.page);
  await finishFirstRun(own.page, '小林', { folder: 'embedded' });
  const { page } = own;

  await test.step('the Sync screen sits in the nav before Settings, with a dot that says sync is working', async () => {
    const links = page.getByRole('navigation').getByRole('link');
    await expect(links.filter({ hasText: '同步状态' })).toBeVisible();
    const names = await links.allInnerTexts();
    expect(names.findIndex((n) => n.includes('同步状态'))).toBeLessThan(names.findIndex((n) => n.includes('设置')));
    await expect(navDot(page, '同步正常')).toBeVisible();
  });

  await test.step('the folder is this computer\'s own, available, and checked', async () => {
    await openSync(page);
    const folder = region(page, '共享文件夹');
    await expect(folder.getByText('内容保存在这台电脑上', { exact: true })).toBeVisible();
    await expect(folder.getByText(await embeddedFolderOf(own), { exact: true })).toBeVisible();
    await expect(folder.getByText('这台电脑上的文件夹', { exact: true })).toBeVisible();
    await checkNow(page);
    await expect(folder.getByRole('time').first()).toHaveText('刚刚');
  });

  await test.step('this computer: its short device id; no other devices yet; nothing set aside', async () => {
    const status = await syncStatus(own);
    expect(status.available).toBe(true);
    await expect(region(page, '这台电脑').getByText(status.deviceId.slice(0, 8), { exact: true })).toBeVisible();
    await expect(region(page, '看到的设备').getByText(/^还没有其他设备/)).toBeVisible();
    await expect(region(page, '看到的设备').getByRole('row', { name: /小林.*这台电脑/ })).toBeVisible();
    await expect(region(page, '已搁置的文件').getByText(/^没有搁置的文件/)).toBeVisible();
    await shootBoth(own, 'healthy', /^Kept on this computer$/);
  });

  await test.step('a computer pointed at a shared folder with no team: unavailable, in plain words', async () => {
    const other = await openComputer({ locale: 'zh-CN' });
    const otherErrors = collectPageErrors(other.page);
    await finishFirstRun(other.page, '小王');
    await openSync(other.page);
    const folder = region(other.page, '共享文件夹');
    await expect(folder.getByText('共享文件夹现在用不了', { exact: true })).toBeVisible();
    await expect(folder.getByText(/^这个文件夹里还没有接力团队/)).toBeVisible();
    await expect(folder.getByText(/^你在这台电脑上做的修改都保存着/)).toBeVisible();
    await expect(folder.getByText(other.shared, { exact: true })).toBeVisible();
    await expect(navDot(other.page, '共享文件夹用不了')).toBeVisible();
    await shootBoth(other, 'no-team', /^There is no Baton team in this folder yet/);
    expect(otherErrors).toEqual([]);
  });

  expect(pageErrors).toEqual([]);
});

/** A signed-looking segment whose trailer does not match its content. */
const forgedSegment = (deviceId: string) =>
  `${JSON.stringify({ format: 'baton/segment@1', deviceId, seq: 98, prev: 'a'.repeat(64) })}\n` +
  `${JSON.stringify({ count: 0, sha256: '0'.repeat(64), sig: `${'A'.repeat(85)}A==` })}\n`;

test('garbage in a device folder is set aside with a reason in words, and stays on disk', async ({ openComputer }) => {
  const computer = await openComputer({ locale: 'zh-CN' });
  const pageErrors = collectPageErrors(computer.page);
  await finishFirstRun(computer.page, '小林', { folder: 'embedded' });
  const { page } = computer;
  await openSync(page);
  await expect(region(page, '共享文件夹').getByText('内容保存在这台电脑上', { exact: true })).toBeVisible();

  const status = await syncStatus(computer);
  const logDir = join(status.sharedDir, 'baton', 'devices', status.deviceId, 'log');
  mkdirSync(logDir, { recursive: true });
  const dropped = {
    '000000000099-deadbeef.jsonl': randomBytes(700),
    'notes.json': Buffer.from(JSON.stringify({ title: '本周选题', items: ['新品预告', '粉丝抽奖'] })),
    '000000000098-cafebabe.jsonl': Buffer.from(forgedSegment(status.deviceId)),
  };
  for (const [name, bytes] of Object.entries(dropped)) writeFileSync(join(logDir, name), bytes);

  const setAside = region(page, '已搁置的文件');
  const item = (name: string) => setAside.getByRole('listitem').filter({ hasText: name });

  await test.step('after "Check now" each file is listed with a plain reason', async () => {
    await checkNow(page);
    await expect(setAside.getByRole('listitem')).toHaveCount(3);
    await expect(item('000000000099-deadbeef.jsonl').getByText('不是接力的文件', { exact: true })).toBeVisible();
    await expect(item('notes.json').getByText('不是接力的文件', { exact: true })).toBeVisible();
    await expect(item('000000000098-cafebabe.jsonl').getByText('文件内容被改动或损坏', { exact: true })).toBeVisible();
    await expect(setAside.getByText(/^接力从不删除这些文件/)).toBeVisible();
    await expect(item('notes.json').getByText(/字节$/)).toBeVisible();
    await expect(navDot(page, '有需要留意的事')).toBeVisible();
    await expect(region(page, '共享文件夹').getByText('已连上共享文件夹，有几件事需要留意', { exact: true })).toBeVisible();
  });

  await test.step('the files are still there, byte for byte', async () => {
    for (const [name, bytes] of Object.entries(dropped)) {
      expect(existsSync(join(logDir, name))).toBe(true);
      expect(readFileSync(join(logDir, name)).equals(bytes)).toBe(true);
    }
  });

  await test.step('"Show in folder" where no file manager can open: the full path to copy', async () => {
    const name = '000000000099-deadbeef.jsonl';
    await item(name).getByRole('button', { name: '在文件夹中显示' }).click();
    // The web host cannot open a file manager; Electron would, and shows nothing more.
    if (computer.webHost) {
      await expect(item(name).getByText('这里没法直接打开文件夹。文件的完整位置：')).toBeVisible();
      await expect(item(name).getByText(join(logDir, name), { exact: true })).toBeVisible();
    }
    await shootBoth(computer, 'set-aside', /^Not a Baton file$/);
    await page.emulateMedia({ colorScheme: 'dark' });
    await shoot(page, 'sync-set-aside-dark-zh-CN');
    await page.emulateMedia({ colorScheme: 'light' });
  });

  await test.step('a narrow window: the nav dot stays beside the icon, the cards still read', async () => {
    await page.setViewportSize({ width: 560, height: 760 });
    await expect(navDot(page, '有需要留意的事')).toBeVisible();
    await shoot(page, 'sync-set-aside-narrow-zh-CN');
    await page.setViewportSize({ width: 1280, height: 820 });
  });

  expect(pageErrors).toEqual([]);
});

/**
 * A team folder as an admin sets one up for the team, with `baton team create` (the CLI of
 * docs/ARCHITECTURE.md) from the admin's own profile; then two colleagues' computers, each
 * completing its first run on that folder.
 */
async function teamOfTwo(openComputer: (options?: { shared?: string; locale?: 'zh-CN' | 'en-US' }) => Promise<Computer>, outputPath: (name: string) => string) {
  const shared = outputPath('team-shared-folder');
  mkdirSync(shared, { recursive: true });
  const cli = ['dist/host/baton.mjs', 'team', 'create', '--shared', shared, '--profile', outputPath('admin-computer'), '--team', '运营部', '--member', '王主管'];
  const { stdout } = await run(process.execPath, cli);
  expect(stdout.trim()).toMatch(/^[a-z2-7]{26}$/);
  const first = await openComputer({ locale: 'zh-CN', shared });
  await finishFirstRun(first.page, '小林');
  const second = await openComputer({ locale: 'zh-CN', shared });
  await finishFirstRun(second.page, '小王');
  return { first, second, folder: shared };
}

test('two computers on one shared folder each list the other by name', async ({ openComputer }, testInfo) => {
  const { first, second } = await teamOfTwo(openComputer, (name) => testInfo.outputPath(name));
  const errors = [collectPageErrors(first.page), collectPageErrors(second.page)];
  const firstId = (await syncStatus(first)).deviceId;
  const secondId = (await syncStatus(second)).deviceId;

  await test.step('the second computer sees the first, 小林, and itself', async () => {
    await openSync(second.page);
    await checkNow(second.page);
    const devices = region(second.page, '看到的设备');
    await expect(devices.getByRole('row', { name: new RegExp(`^小林 ${firstId.slice(0, 8)}`) })).toBeVisible();
    await expect(devices.getByRole('row', { name: /^小王\s*这台电脑/ })).toBeVisible();
    // The admin's computer, which made the team with the CLI, is one of the team's devices too.
    await expect(devices.getByRole('row', { name: /^王主管/ })).toBeVisible();
    await expect(devices.getByText(/^还没有其他设备/)).toHaveCount(0);
    await expect(region(second.page, '共享文件夹').getByText('运营部', { exact: true })).toBeVisible();
  });

  await test.step('the first computer sees the second, 小王', async () => {
    await openSync(first.page);
    await checkNow(first.page);
    const devices = region(first.page, '看到的设备');
    await expect(devices.getByRole('row', { name: new RegExp(`^小王 ${secondId.slice(0, 8)}`) })).toBeVisible();
    await expect(devices.getByRole('row', { name: /^小林\s*这台电脑/ })).toBeVisible();
    await expect(region(first.page, '共享文件夹').getByText('同步正常', { exact: true })).toBeVisible();
    await shootBoth(first, 'two-devices', /^Devices seen$/);
  });

  for (const list of errors) expect(list).toEqual([]);
});

test('a damaged team snapshot is passed over: everything is read, the sync screen says so, the file stays', async ({ openComputer }, testInfo) => {
  const shared = testInfo.outputPath('team-shared-folder');
  mkdirSync(shared, { recursive: true });
  await run(process.execPath, ['dist/host/baton.mjs', 'team', 'create', '--shared', shared, '--profile', testInfo.outputPath('admin-computer'), '--team', '运营部', '--member', '王主管']);
  const { rootDeviceId } = JSON.parse(readFileSync(join(shared, 'baton', 'team.json'), 'utf8')) as { rootDeviceId: string };
  const snapDir = join(shared, 'baton', 'devices', rootDeviceId, 'snap');
  mkdirSync(snapDir, { recursive: true });
  const name = '001795000000000-deadbeef.snap';
  const damaged = randomBytes(4096);
  writeFileSync(join(snapDir, name), damaged);

  const computer = await openComputer({ locale: 'zh-CN', shared });
  const pageErrors = collectPageErrors(computer.page);
  await finishFirstRun(computer.page, '小林');
  await openSync(computer.page);
  const notices = region(computer.page, '提醒');
  await expect(notices.getByText(new RegExp(`^团队快照（baton/devices/${rootDeviceId}/snap/${name}）已损坏`))).toBeVisible();
  await expect(region(computer.page, '共享文件夹').getByText('运营部', { exact: true })).toBeVisible();
  await shootBoth(computer, 'snapshot-passed-over', /^The team snapshot \(/);
  expect(readFileSync(join(snapDir, name)).equals(damaged)).toBe(true);
  expect(pageErrors).toEqual([]);
});

test('the shared folder goes away and comes back', async ({ openComputer }, testInfo) => {
  const { first, second, folder } = await teamOfTwo(openComputer, (name) => testInfo.outputPath(name));
  const { page } = second;
  const pageErrors = collectPageErrors(page);
  const away = `${folder}-away`;
  // Only "Check now" reads the folder here. A poll already under way when the folder is renamed
  // can write device.json or a segment after it is gone, and those writes create the folder
  // again (mkdir -p) without its team.json: the service's bug, reported; this keeps the test
  // about what the screen says.
  for (const computer of [first, second]) {
    expect(await computer.api('updateSettings', { pollIntervalSeconds: 300 })).toMatchObject({ ok: true });
  }
  await openSync(page);
  await checkNow(page);
  await expect(region(page, '共享文件夹').getByText('同步正常', { exact: true })).toBeVisible();

  await test.step('renamed away: unavailable, with the reason and the reassurance in Chinese', async () => {
    renameSync(folder, away);
    await checkNow(page);
    const card = region(page, '共享文件夹');
    await expect(card.getByText('共享文件夹现在用不了', { exact: true })).toBeVisible();
    await expect(card.getByText('找不到这个文件夹。NAS 或移动硬盘连上了吗？网络盘是否已经连接？', { exact: true })).toBeVisible();
    await expect(card.getByText('你在这台电脑上做的修改都保存着，不会丢失；等文件夹能用了，会自动发布。', { exact: true })).toBeVisible();
    await expect(navDot(page, '共享文件夹用不了')).toBeVisible();
    // What was read stays on screen: the colleague is still listed.
    await expect(region(page, '看到的设备').getByRole('row', { name: /^小林/ })).toBeVisible();
    await shootBoth(second, 'unavailable', /^The folder can't be found/);
  });

  await test.step('renamed back: available again', async () => {
    renameSync(away, folder);
    await checkNow(page);
    await expect(region(page, '共享文件夹').getByText('同步正常', { exact: true })).toBeVisible();
    await expect(navDot(page, '同步正常')).toBeVisible();
    expect((await syncStatus(second)).available).toBe(true);
    await shoot(page, 'sync-back-zh-CN');
  });

  expect(pageErrors).toEqual([]);
});

/**
 * States a test cannot bring about on the real service yet (edits waiting while the folder is away,
 * wrong clocks, every kind of notice and every reason a file is set aside): the service's answer
 * is replaced by a status built from its real one, to see each of them worded on screen.
 */
test('wrong clocks, waiting edits, notices and every set-aside reason, in words (status stubbed)', async ({ openComputer }) => {
  const computer = await openComputer({ locale: 'zh-CN' });
  // The stub replaces HTTP answers; inside Electron the bridge is IPC, with nothing to replace.
  if (!computer.webHost) return;
  const pageErrors = collectPageErrors(computer.page);
  await finishFirstRun(computer.page, '小林', { folder: 'embedded' });
  const { page } = computer;
  await untilAvailable(computer);
  const real = (await computer.api('getSyncStatus', {})) as { ok: true; value: Record<string, unknown> & Status };
  const self = real.value.deviceId;
  const now = Date.now();
  const hour = 3600_000;
  const wang = 'wangwangwangwangwangwangwa';
  const jie = 'jiejiejiejiejiejiejiejieji';
  const reasons = [
    'too-large', 'empty', 'incomplete', 'not-a-segment', 'bad-json', 'bad-header', 'unsupported-format', 'bad-trailer',
    'count-mismatch', 'hash-mismatch', 'bad-signature', 'bad-op', 'unknown-device', 'wrong-device-folder', 'bad-device-file', 'not-a-device-folder',
  ];
  const stub = {
    ...real.value,
    available: true,
    pendingOutbox: 3,
    devices: [
      { deviceId: self, memberName: '小林', segments: 4, lastSegment: '000000000004-0f3a9c21.jsonl', lastHlc: null, lastSeenAt: now - 5 * 60_000, clockSkewMs: null, clockSkewWarning: false },
      { deviceId: wang, memberName: '小王', segments: 12, lastSegment: '000000000012-ab12cd34.jsonl', lastHlc: null, lastSeenAt: now - 2 * hour, clockSkewMs: 3 * hour, clockSkewWarning: true },
      { deviceId: jie, memberName: '阿杰', segments: 7, lastSegment: '000000000007-77aa88bb.jsonl', lastHlc: null, lastSeenAt: now - 3 * 24 * hour, clockSkewMs: -2 * 24 * hour, clockSkewWarning: true },
    ],
    setAside: reasons.map((reason, index) => ({
      path: `baton/devices/${wang}/log/${String(index + 1).padStart(12, '0')}-deadbeef.jsonl`,
      reason,
      detail: `stubbed ${reason}`,
      size: 1000 * (index + 1),
      firstSeenAt: now - index * hour,
    })),
    salvaged: [{ path: `baton/devices/${wang}/log/000000000003-11223344.sync-conflict-20261127-101010-ABCDEFG.jsonl`, original: '000000000003-11223344.jsonl' }],
    notices: [
      { kind: 'device-cloned', at: now - 50 * 60_000, detail: 'stub', data: { oldDeviceId: 'x'.repeat(26), newDeviceId: self } },
      { kind: 'cache-rebuilt', at: now - 40 * 60_000, detail: 'stub', data: {} },
      { kind: 'op-clash', at: now - 30 * 60_000, detail: 'stub', data: { opId: `${wang}:7` } },
      { kind: 'publish-failed', at: now - 20 * 60_000, detail: 'stub', data: {} },
      { kind: 'reduce-failed', at: now - 10 * 60_000, detail: 'stub', data: { entity: 'handover:h1' } },
    ],
    localClockBehind: { byMs: 3 * hour, deviceId: wang },
    stateHash: null,
  };
  const answer = (value: unknown) => async (route: { fulfill(options: { json: unknown }): Promise<void> }) => route.fulfill({ json: { ok: true, value } });

  await test.step('available, with wrong clocks, notices and files set aside', async () => {
    await page.route('**/api/op/getSyncStatus', answer(stub));
    await page.route('**/api/op/syncNow', answer(stub));
    // No pushes: the real service would soon overwrite the stub with its own status.
    await page.route('**/api/events', (route) => route.abort());
    await page.reload();
    await openSync(page);
    const devices = region(page, '看到的设备');
    await expect(devices.getByText(/^小王的电脑时钟快了 3\s?小时。/)).toBeVisible();
    await expect(devices.getByText(/^阿杰的电脑时钟慢了 2\s?天。/)).toBeVisible();
    await expect(devices.getByRole('row', { name: /^小王/ }).getByText(/^时钟快了 3\s?小时$/)).toBeVisible();
    await expect(region(page, '这台电脑').getByText(/^这台电脑的时钟好像慢了至少 3\s?小时：小王写下的时间/)).toBeVisible();
    await expect(region(page, '提醒').getByText(`这台电脑的资料是从另一台电脑复制来的，已换成新的设备编号 ${self.slice(0, 8)}。原来的内容都没动。`)).toBeVisible();
    await expect(region(page, '提醒').getByRole('listitem')).toHaveCount(5);
    await expect(region(page, '已搁置的文件').getByRole('listitem')).toHaveCount(reasons.length);
    await expect(region(page, '已搁置的文件').getByText('签名不对：不是团队成员的设备写的', { exact: true })).toBeVisible();
    await expect(region(page, '已搁置的文件').getByText('来自不认识的设备', { exact: true })).toBeVisible();
    await expect(region(page, '已搁置的文件').getByText('文件太大，不可能是接力写的', { exact: true })).toBeVisible();
    await expect(region(page, '已搁置的文件').getByText(/^有 1 个同步软件生成的副本/)).toBeVisible();
    await expect(navDot(page, '有需要留意的事')).toBeVisible();
    await shootBoth(computer, 'warnings', /^The clock of 小王's computer is 3 hours ahead\./, false);
  });

  await test.step('faults told while they last: publishing refused, no change notices', async () => {
    const faulty = {
      ...stub,
      setAside: [],
      salvaged: [],
      notices: [],
      localClockBehind: null,
      devices: stub.devices.slice(0, 1),
      faults: [
        { kind: 'publish-failing', since: now - 3 * 60_000, detail: 'stubbed EPERM' },
        { kind: 'watch-silent', since: now - 60_000, detail: 'stubbed' },
      ],
    };
    await page.unroute('**/api/op/getSyncStatus');
    await page.unroute('**/api/op/syncNow');
    await page.route('**/api/op/getSyncStatus', answer(faulty));
    await page.route('**/api/op/syncNow', answer(faulty));
    await checkNow(page);
    const folder = region(page, '共享文件夹');
    await expect(folder.getByText('接力暂时写不进共享文件夹；你的修改保存在这台电脑上，接力会一直重试。', { exact: false })).toBeVisible();
    await expect(folder.getByText(/^共享文件夹的变化通知没有送达；改为每 5\s?秒钟?检查一次。/)).toBeVisible();
    await expect(navDot(page, '有需要留意的事')).toBeVisible();
    await shootBoth(computer, 'faults', /^Change notices from the folder are not arriving; checking every 5 seconds\./, false);
  });

  await test.step('the folder away with three edits waiting', async () => {
    const away = {
      ...stub,
      available: false,
      unavailableReason: 'folder-missing',
      unavailableDetail: 'stubbed',
      setAside: [],
      notices: [],
      localClockBehind: null,
      devices: stub.devices.slice(0, 2),
      // Said once, by the folder's state: not again as an alert.
      faults: [{ kind: 'folder-unavailable', since: now - 60_000, detail: 'stubbed' }],
    };
    await page.unroute('**/api/op/getSyncStatus');
    await page.unroute('**/api/op/syncNow');
    await page.route('**/api/op/getSyncStatus', answer(away));
    await page.route('**/api/op/syncNow', answer(away));
    await checkNow(page);
    const folder = region(page, '共享文件夹');
    await expect(folder.getByText('共享文件夹现在用不了', { exact: true })).toBeVisible();
    await expect(folder.getByText('3 条修改等待发布', { exact: true })).toBeVisible();
    await expect(folder.getByRole('alert')).toHaveCount(0);
    await shootBoth(computer, 'pending', /^3 edits waiting to be published$/, false);
  });

  expect(pageErrors).toEqual([]);
});
