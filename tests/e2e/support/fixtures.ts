import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test as base, _electron, type Browser, type Page, type TestInfo } from '@playwright/test';
import type { ApiResult } from '../../../shared/api/result';
import { clockNodeOptions } from './team-clock';
import { startWebHostProcess, type WebHostProcess } from './web-host-process';

export interface ComputerOptions {
  /** A profile folder: the same one again means the same computer after a restart. */
  profile?: string;
  shared?: string;
  locale?: 'zh-CN' | 'en-US';
  /** The instant this computer's clock reads when it starts (web host only); time flows from there. */
  clock?: number;
  /** This computer's own time zone (web host: the browser's), e.g. a person working from abroad. */
  timeZone?: string;
  /** More NODE_OPTIONS for the web host process (web host only), e.g. `heldOpenNodeOptions`. */
  hostNodeOptions?: string;
}

/** One person's Baton on one computer, in whichever host this project runs. */
export interface Computer {
  page: Page;
  profile: string;
  shared: string;
  /** Calls an operation of the bridge from inside the page, as the UI would. */
  api(name: string, input: unknown): Promise<ApiResult<unknown>>;
  restart(): Promise<void>;
  /** Ends the process without a chance to save (power cut, crash). */
  kill(): Promise<void>;
  close(): Promise<void>;
  webHost?: WebHostProcess;
}

const isElectron = (info: TestInfo) => info.project.metadata.host === 'electron';

async function openWebComputer(browser: Browser, profile: string, shared: string, locale: string, clock?: number, timeZone?: string, hostNodeOptions?: string): Promise<Computer> {
  const nodeOptions = [clock === undefined ? '' : clockNodeOptions(clock), hostNodeOptions ?? ''].filter(Boolean).join(' ') || undefined;
  const start = () => startWebHostProcess({ profile, shared, ...(nodeOptions ? { nodeOptions } : {}) });
  let host = await start();
  const context = await browser.newContext({ locale, ...(timeZone ? { timezoneId: timeZone } : {}) });
  if (clock !== undefined) await context.clock.install({ time: clock });
  const computer: Computer = {
    page: await context.newPage(),
    profile,
    shared,
    webHost: host,
    api: (name, input) =>
      computer.page.evaluate(
        async ([op, payload]) => {
          const token = sessionStorage.getItem('baton-token') ?? '';
          const response = await fetch(`/api/op/${op}`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', 'X-Baton-Token': token },
            body: JSON.stringify(payload),
          });
          return response.json();
        },
        [name, input] as const,
      ),
    restart: async () => {
      await host.stop();
      host = await start();
      computer.webHost = host;
      await computer.page.goto(host.url);
    },
    kill: async () => {
      await host.stop('SIGKILL');
    },
    close: async () => {
      await host.stop();
      await context.close();
    },
  };
  await computer.page.goto(host.url);
  return computer;
}

async function openElectronComputer(profile: string, shared: string, locale: string): Promise<Computer> {
  const launch = () =>
    _electron.launch({
      args: [resolve('dist/electron/main.cjs'), `--profile=${profile}`, `--shared=${shared}`, `--lang=${locale}`],
    });
  let app = await launch();
  const computer: Computer = {
    page: await app.firstWindow(),
    profile,
    shared,
    api: (name, input) =>
      computer.page.evaluate(
        ([op, payload]) => ((window as unknown as { baton: Record<string, (i: unknown) => Promise<ApiResult<unknown>>> }).baton as Record<string, (i: unknown) => Promise<ApiResult<unknown>>>)[op]!(payload),
        [name, input] as const,
      ),
    restart: async () => {
      await app.close();
      app = await launch();
      computer.page = await app.firstWindow();
    },
    kill: async () => {
      app.process().kill('SIGKILL');
    },
    close: () => app.close(),
  };
  return computer;
}

export const test = base.extend<{ openComputer: (options?: ComputerOptions) => Promise<Computer> }>({
  openComputer: async ({ browser }, use, testInfo) => {
    const opened: Computer[] = [];
    let count = 0;
    await use(async (options = {}) => {
      count += 1;
      const profile = options.profile ?? testInfo.outputPath(`computer-${count}`);
      const shared = options.shared ?? testInfo.outputPath('shared-folder');
      mkdirSync(profile, { recursive: true });
      mkdirSync(shared, { recursive: true });
      const locale = options.locale ?? 'zh-CN';
      const computer = isElectron(testInfo)
        ? await openElectronComputer(profile, shared, locale)
        : await openWebComputer(browser, profile, shared, locale, options.clock, options.timeZone, options.hostNodeOptions);
      opened.push(computer);
      return computer;
    });
    for (const computer of opened) await computer.close().catch(() => undefined);
    // A failed test shows each computer's log: an 'internal' answer's cause is only written there.
    if (testInfo.status !== testInfo.expectedStatus) {
      for (const [index, computer] of opened.entries()) {
        const log = join(computer.profile, 'logs', 'baton.log');
        if (existsSync(log)) await testInfo.attach(`computer-${index + 1}-baton.log`, { path: log, contentType: 'text/plain' });
      }
    }
  },
});

export const screenshotPath = (name: string) => join('test-results', 'screens', `${name}.png`);
export { expect } from '@playwright/test';
