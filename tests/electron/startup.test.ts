import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ipcChannel, ipcEventChannel, operationNames } from '../../shared/api/names';
import { contentSecurityPolicy } from '../../shared/security/csp';
import { buildElectronBundles, type BuiltApp } from './support/build-bundles';
import {
  createElectronStandIn,
  fakeEvent,
  FakeWebContents,
  requireWithElectron,
  type ElectronStandIn,
  type FakeWindow,
  type StandInOptions,
} from './support/electron-stand-in';

const appUrl = 'app://baton/index.html';
const secret = 'outside-the-renderer-bundle';

let built: BuiltApp;

/** A stand-in renderer, plus files one and two levels up that traversal must never reach. */
function layOutRenderer(root: string) {
  const renderer = join(root, 'dist', 'renderer');
  mkdirSync(join(renderer, 'assets'), { recursive: true });
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Baton</title><script type="module" src="./assets/app.js"></script>');
  writeFileSync(join(renderer, 'assets', 'app.js'), 'document.title = "Baton";');
  writeFileSync(join(root, 'package.json'), JSON.stringify({ secret }));
  writeFileSync(join(root, 'dist', 'secret.txt'), secret);
}

function seedSettings(profile: string, settings: Record<string, unknown>) {
  mkdirSync(profile, { recursive: true });
  writeFileSync(join(profile, 'settings.json'), JSON.stringify(settings));
}

async function startMain(options: Parameters<typeof createElectronStandIn>[0], copyName: string): Promise<ElectronStandIn> {
  const standIn = createElectronStandIn(options);
  // Each start loads its own copy of the built bundle, so module state never leaks between them.
  const file = join(built.electronDir, copyName);
  writeFileSync(file, readFileSync(join(built.electronDir, 'main.cjs')));
  requireWithElectron(file, standIn.electron);
  return standIn;
}

beforeAll(async () => {
  built = await buildElectronBundles();
  layOutRenderer(built.root);
});

afterAll(() => built?.cleanup());

describe('the built main process, started under a stand-in electron', () => {
  let standIn: ElectronStandIn;
  let standInOptions: StandInOptions;
  let window: FakeWindow;
  const profile = () => join(built.root, 'profile');

  const invoke = (name: string, payload: unknown, frame: unknown = { url: appUrl, parent: null }) =>
    standIn.record.ipcHandlers.get(ipcChannel(name as never))!({ senderFrame: frame, sender: window.webContents }, payload);
  const fetchApp = (url: string, method = 'GET') => standIn.record.protocolHandlers.get('app')!({ url, method }) as Promise<Response>;

  beforeAll(async () => {
    // A window last seen on a monitor that is no longer connected.
    seedSettings(profile(), { window: { x: 50000, y: 50000, width: 1000, height: 700, maximized: false } });
    standInOptions = { userData: profile() };
    standIn = await startMain(standInOptions, 'main.cjs');
    await vi.waitFor(() => expect(standIn.record.windows[0]?.loadedUrls).toHaveLength(1), { timeout: 10_000 });
    window = standIn.record.windows[0]!;
  });

  it('starts cleanly and takes the single-instance lock', () => {
    expect(standIn.record.errorBoxes).toEqual([]);
    expect(standIn.record.exitCodes).toEqual([]);
    expect(standIn.record.calls).toContain('app.requestSingleInstanceLock');
    expect(standIn.record.sandboxEnabled).toBe(true);
  });

  it('registers app:// as privileged before ready and serves it', () => {
    const { calls, privilegedSchemes, protocolHandlers } = standIn.record;
    expect(calls.indexOf('protocol.registerSchemesAsPrivileged')).toBeLessThan(calls.indexOf('app.ready'));
    expect(privilegedSchemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    expect([...protocolHandlers.keys()]).toEqual(['app']);
  });

  it('creates exactly one sandboxed, isolated window and loads the app page', () => {
    expect(standIn.record.windows).toHaveLength(1);
    const { webPreferences, show } = window.options;
    expect(webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
    expect(webPreferences.preload).toBe(join(built.electronDir, 'preload.cjs'));
    expect(existsSync(webPreferences.preload)).toBe(true);
    expect(show).toBe(false);
    expect(window.loadedUrls).toEqual([appUrl]);
    window.emit('ready-to-show');
    expect(window.visible).toBe(true);
  });

  it('brings a window saved off-screen back onto a connected display', () => {
    expect(window.options.x).toBeUndefined();
    expect(window.options.y).toBeUndefined();
    expect(window.options).toMatchObject({ width: 1000, height: 700 });
  });

  it('handles exactly one IPC channel per operation', () => {
    expect([...standIn.record.ipcHandlers.keys()].sort()).toEqual(operationNames.map(ipcChannel).sort());
  });

  it('keeps the window on the app: navigation, redirects, pop-ups and webviews are refused', async () => {
    const contents = window.webContents;
    for (const name of ['will-navigate', 'will-redirect']) {
      const away = fakeEvent('https://evil.example/');
      contents.emit(name, away);
      expect(away.defaultPrevented, name).toBe(true);
      const home = fakeEvent('app://baton/index.html#/rota');
      contents.emit(name, home);
      expect(home.defaultPrevented, name).toBe(false);
    }
    expect(contents.windowOpenHandler!({ url: 'https://weibo.com/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    await vi.waitFor(() => expect(standIn.record.openedExternal).toEqual(['https://weibo.com/']));
    const webview = fakeEvent();
    contents.emit('will-attach-webview', webview, {}, {});
    expect(webview.defaultPrevented).toBe(true);

    // Web contents created later (devtools, a future window) get the same rules.
    const later = new FakeWebContents();
    standIn.app.emit('web-contents-created', fakeEvent(), later);
    const escape = fakeEvent('http://example.com/');
    later.emit('will-navigate', escape);
    expect(escape.defaultPrevented).toBe(true);
    expect(later.windowOpenHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });

  it('denies every permission and cancels network requests', () => {
    const { permissionRequestHandler, permissionCheckHandler, devicePermissionHandler, beforeRequest } = standIn.record;
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      permissionRequestHandler!(window.webContents, permission, callback, {});
      expect(callback).toHaveBeenCalledWith(false);
      expect(permissionCheckHandler!(window.webContents, permission, 'app://baton', {})).toBe(false);
    }
    expect(devicePermissionHandler!({ deviceType: 'usb' })).toBe(false);
    expect(beforeRequest!.filter.urls).toEqual(expect.arrayContaining(['http://*/*', 'https://*/*']));
    const callback = vi.fn();
    beforeRequest!.listener({ url: 'https://tracker.example/' }, callback);
    expect(callback).toHaveBeenCalledWith({ cancel: true });
  });

  it('answers IPC only for the app page, with typed errors', async () => {
    for (const frame of [{ url: 'https://evil.example/', parent: null }, { url: 'file:///tmp/x.html', parent: null }, { url: appUrl, parent: {} }, null]) {
      expect(await invoke('getSettings', {}, frame)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(await invoke('getSettings', { unexpected: 1 })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const settings = await invoke('getSettings', {});
    expect(settings).toMatchObject({ ok: true, value: { theme: 'system', firstRunDone: false } });
    const info = await invoke('getAppInfo', {});
    expect(info).toMatchObject({ ok: true, value: { host: 'electron', version: '0.1.0', canPickFolder: true, profileDir: profile() } });
  });

  it('pushes service events to the window', async () => {
    expect(await invoke('updateSettings', { theme: 'dark' })).toMatchObject({ ok: true, value: { theme: 'dark' } });
    const pushed = window.webContents.sent.filter((m) => m.channel === ipcEventChannel('settingsChanged'));
    expect(pushed.at(-1)?.args[0]).toMatchObject({ theme: 'dark' });
  });

  it('opens only web links externally and shows only files Baton saved', async () => {
    expect(await invoke('openExternal', { url: 'javascript:alert(1)' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await invoke('showInFolder', { path: join(profile(), 'settings.json') })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await invoke('showInFolder', { path: 'relative/path' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await invoke('pickFolder', {})).toEqual({ ok: true, value: { path: null } });
    expect(standIn.record.openDialogs).toHaveLength(1);
  });

  it('saves the window as a PDF where the person chooses, under a name no file system refuses', async () => {
    expect(await invoke('savePdf', { fileName: '2026-01-05 早班 交接班记录' })).toEqual({ ok: true, value: { outcome: 'canceled' } });
    const [parent, offered] = standIn.record.saveDialogs[0] as [unknown, { defaultPath: string; filters: unknown }];
    expect(parent).toBe(window);
    expect(offered.defaultPath).toBe(join(profile(), 'stand-in-documents', '2026-01-05 早班 交接班记录.pdf'));
    expect(offered.filters).toEqual([{ name: 'PDF', extensions: ['pdf'] }]);
    // Cancelled in the dialog: nothing is rendered or written.
    expect(window.webContents.printedToPdf).toEqual([]);

    const target = join(built.root, 'exports', 'note.pdf');
    mkdirSync(join(built.root, 'exports'), { recursive: true });
    standInOptions.savePath = target;
    expect(await invoke('savePdf', { fileName: '../../etc/passwd' })).toEqual({ ok: true, value: { outcome: 'saved', path: target } });
    const [, second] = standIn.record.saveDialogs[1] as [unknown, { defaultPath: string }];
    expect(basename(second.defaultPath)).toBe('-..-etc-passwd.pdf');
    expect(window.webContents.printedToPdf).toEqual([{ pageSize: 'A4', preferCSSPageSize: true }]);
    expect(readFileSync(target, 'utf8')).toBe('%PDF-1.4 stand-in');
    // A file Baton saved may be shown in its folder.
    expect(await invoke('showInFolder', { path: target })).toEqual({ ok: true, value: { shown: true } });
    standInOptions.savePath = null;
  });

  it('serves the renderer with the CSP on every response', async () => {
    for (const url of [appUrl, 'app://baton/']) {
      const page = await fetchApp(url);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await page.text()).toContain('<title>Baton</title>');
    }
    const script = await fetchApp('app://baton/assets/app.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('refuses paths that leave the renderer folder', async () => {
    const attempts = [
      'app://baton/../package.json',
      'app://baton/%2e%2e/package.json',
      'app://baton/..%2fpackage.json',
      'app://baton/..%2f..%2fpackage.json',
      'app://baton/%2e%2e%2fsecret.txt',
      'app://baton/assets/..%2f..%2fsecret.txt',
      'app://baton/..%5csecret.txt',
      `app://baton/${encodeURIComponent(join(built.root, 'package.json'))}`,
      'app://baton//etc/passwd',
      'app://baton/%00index.html',
      'app://baton/%E0%A4%A',
      'app://elsewhere/index.html',
    ];
    for (const url of attempts) {
      const response = await fetchApp(url);
      expect(response.status, url).toBe(404);
      expect(response.headers.get('content-security-policy'), url).toBe(contentSecurityPolicy);
      expect(await response.text(), url).not.toContain(secret);
    }
    expect((await fetchApp(appUrl, 'POST')).status).toBe(404);
  });

  it('saves the window state and brings the window back for a second instance', async () => {
    window.setBounds({ x: 40, y: 60, width: 1111, height: 777 });
    window.minimized = true;
    standIn.app.emit('second-instance', fakeEvent(), [], '/');
    expect(window.restoreCount).toBe(1);
    expect(window.focusCount).toBe(1);
    window.close();
    const saved = await invoke('getSettings', {});
    expect(saved).toMatchObject({ ok: true, value: { window: { x: 40, y: 60, width: 1111, height: 777, maximized: false } } });
  });

  it('quits when the window is gone, after closing the services', async () => {
    await vi.waitFor(() => expect(standIn.record.quit).toBe(true));
    expect(standIn.record.quitRequests).toBe(2);
  });
});

describe('other starts of the built main process', () => {
  it('a second instance quits without opening a window', async () => {
    const standIn = await startMain({ userData: join(built.root, 'second'), singleInstance: false }, 'main-second.cjs');
    await new Promise((done) => setTimeout(done, 50));
    expect(standIn.record.quitRequests).toBe(1);
    expect(standIn.record.windows).toEqual([]);
    expect(standIn.record.ipcHandlers.size).toBe(0);
    expect(standIn.record.calls).not.toContain('app.ready');
  });

  it('--profile and --shared choose the profile and the team folder for the run', async () => {
    const chosenProfile = join(built.root, 'chosen-profile');
    const shared = join(built.root, 'team-share');
    const standIn = await startMain(
      { userData: join(built.root, 'default-profile'), switches: { profile: chosenProfile, shared } },
      'main-switches.cjs',
    );
    await vi.waitFor(() => expect(standIn.record.windows).toHaveLength(1), { timeout: 10_000 });
    const window = standIn.record.windows[0]!;
    const settings = await standIn.record.ipcHandlers.get(ipcChannel('getSettings'))!({ senderFrame: { url: appUrl, parent: null }, sender: window.webContents }, {});
    expect(settings).toMatchObject({ ok: true, value: { sharedFolder: { kind: 'path', path: shared } } });
    expect(existsSync(join(chosenProfile, 'settings.json'))).toBe(true);
    expect(existsSync(join(chosenProfile, 'logs', 'baton.log'))).toBe(true);
    // The services that start after the open keep their files there too (and are done before the test's folders go).
    await vi.waitFor(() => expect(existsSync(join(chosenProfile, 'prizes', 'contact-key.json'))).toBe(true), { timeout: 10_000 });
  });
});
