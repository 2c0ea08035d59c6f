import { join, resolve } from 'node:path';
import { app, dialog, session, type BrowserWindow } from 'electron';
import Store from 'electron-store';
import { createAppServices } from '../services/app-services';
import { codeVersionOf } from '../services/code-version';
import { createFileLogger, type Logger } from '../services/log';
import { settingsStoreOptions, type SettingsStore } from '../services/settings/store-options';
import { forwardEvents, registerIpcHandlers } from './ipc';
import { osKeyVault } from './key-vault';
import { electronPlatform } from './platform';
import { appEntryUrl, handleAppProtocol, registerAppScheme } from './protocol';
import { hardenAllWebContents, lockDownSession } from './security';
import { createMainWindow } from './window';

// This file is bundled to dist/electron/main.cjs; the preload sits beside it, the renderer in
// dist/renderer. Paths are relative to the bundle so they hold inside app.asar too.
const rendererDir = join(__dirname, '../renderer');
const preloadPath = join(__dirname, 'preload.cjs');

/**
 * `--profile=<dir>` gives a separate profile (and with it a separate single-instance lock, which
 * Electron keys on userData), so tests and trainers can run two team members on one machine.
 * `--shared=<dir>` names the team folder for this run, like the web host's `--shared`.
 */
function applyCommandLine(): { sharedDir?: string } {
  const profile = app.commandLine.getSwitchValue('profile');
  if (profile) app.setPath('userData', resolve(profile));
  const shared = app.commandLine.getSwitchValue('shared');
  return shared ? { sharedDir: resolve(shared) } : {};
}

function openSettingsStore(): SettingsStore {
  // electron-store renames `name` to Conf's `configName`, so the file name is given as `name`.
  return new Store({ ...settingsStoreOptions(app.getVersion()), name: 'settings', cwd: app.getPath('userData') }) as unknown as SettingsStore;
}

/**
 * Chromium draws date and time fields in the application's locale, not the page's: without this a
 * Chinese screen on an English system shows mm/dd/yyyy and AM/PM. Only read at start, so a language
 * chosen in Settings reaches those fields at the next start (null follows the system, as Chromium does).
 */
function applyInputLocale(settingsStore: SettingsStore): void {
  const language = settingsStore.store.language;
  if (typeof language === 'string') app.commandLine.appendSwitch('lang', language);
}

function start(log: Logger, extra: { sharedDir?: string }, settingsStore: SettingsStore): void {
  const profileDir = app.getPath('userData');
  const appVersion = app.getVersion();

  let window: BrowserWindow | null = null;
  const currentWindow = () => window;
  const keyVault = osKeyVault();
  if (!keyVault) log.warn('main', 'the operating system offers no key store here: the device key stays in a file only this user can read');
  const services = createAppServices({
    // This bundle (main.cjs) is the build: the local cache's summaries are bound to it.
    profileDir, appVersion, codeVersion: codeVersionOf(appVersion, __filename), platform: electronPlatform(currentWindow), settingsStore, log, ...extra, ...(keyVault ? { keyVault } : {}),
  });

  lockDownSession(session.defaultSession, log);
  handleAppProtocol(rendererDir, log);
  registerIpcHandlers(services, log);
  const stopForwarding = forwardEvents(services, currentWindow);

  const openWindow = () => {
    const created = createMainWindow({ services, log, preload: preloadPath, url: appEntryUrl });
    created.on('closed', () => {
      if (window === created) window = null;
    });
    window = created;
  };
  openWindow();
  log.info('main', `Baton ${appVersion} started with profile ${profileDir}`);

  app.on('second-instance', () => {
    if (!window) return openWindow();
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  });
  // macOS keeps the app alive without windows; clicking the dock icon brings one back.
  app.on('activate', () => {
    if (!window) openWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  // Electron does not await listeners, so quitting is held until the services have closed.
  let closing: Promise<void> | null = null;
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    closing ??= services
      .close()
      .catch((error: unknown) => log.error('main', 'closing the services failed', error))
      .finally(() => {
        closed = true;
        stopForwarding();
        app.quit();
      });
  });
}

function main(): void {
  const extra = applyCommandLine();
  if (!app.requestSingleInstanceLock()) {
    // Another Baton owns this profile; it gets a 'second-instance' event and shows its window.
    app.quit();
    return;
  }
  const log = createFileLogger(app.getPath('userData'));
  app.enableSandbox();
  registerAppScheme();
  hardenAllWebContents(log);
  const failed = (error: unknown) => {
    log.error('main', 'Baton could not start', error);
    // Allowed before 'ready' (Electron's docs), so a settings file that cannot be opened is said too.
    dialog.showErrorBox('Baton could not start', error instanceof Error ? error.message : String(error));
    app.exit(1);
  };
  let settingsStore: SettingsStore;
  try {
    settingsStore = openSettingsStore();
    applyInputLocale(settingsStore);
  } catch (error) {
    failed(error);
    return;
  }
  app
    .whenReady()
    .then(() => start(log, extra, settingsStore))
    .catch(failed);
}

main();
