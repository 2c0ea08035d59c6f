import { app, BrowserWindow, screen, type WebPreferences } from 'electron';
import type { AppServices } from '../services/app-services';
import type { Logger } from '../services/log';
import { capturedState, initialBounds, windowLimits } from './window-state';

export interface MainWindowOptions {
  services: AppServices;
  log: Logger;
  /** Absolute path of the built preload bundle. */
  preload: string;
  url: string;
}

const saveDelayMs = 500;

/** What Baton never uses, switched off so a future bug cannot switch it on by accident. */
const featuresOff = {
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webviewTag: false,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  // A file dropped on the window would otherwise replace the app with that file.
  navigateOnDragDrop: false,
  // On Linux the spellchecker downloads dictionaries from Google; Baton stays offline.
  spellcheck: false,
} as const satisfies WebPreferences;

/** Saves the window's place while it is moved or resized (debounced) and once more on close. */
function persistWindowState(window: BrowserWindow, services: AppServices, log: Logger): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = () => {
    clearTimeout(timer);
    timer = undefined;
    // A minimised window's bounds are not where the user wants it back.
    if (window.isDestroyed() || window.isMinimized()) return;
    const state = capturedState(window.getNormalBounds(), window.isMaximized());
    if (JSON.stringify(state) === JSON.stringify(services.settings.get().window)) return;
    try {
      services.settings.update({ window: state });
    } catch (error) {
      log.error('window', 'could not save the window state', error);
    }
  };
  const saveSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(save, saveDelayMs);
  };
  window.on('move', saveSoon);
  window.on('resize', saveSoon);
  window.on('maximize', saveSoon);
  window.on('unmaximize', saveSoon);
  window.on('close', save);
}

/** The one window of the app, hidden until its first paint so it never flashes blank. */
export function createMainWindow({ services, log, preload, url }: MainWindowOptions): BrowserWindow {
  const saved = services.settings.get().window;
  const bounds = initialBounds(
    saved,
    screen.getPrimaryDisplay().workArea,
    screen.getAllDisplays().map((display) => display.workArea),
  );
  const window = new BrowserWindow({
    ...bounds,
    minWidth: windowLimits.minWidth,
    minHeight: windowLimits.minHeight,
    title: 'Baton 接力',
    show: false,
    // The security baseline, spelled out where reviewers and scanners look for it.
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, preload, webSecurity: true, ...featuresOff,
      // Keeps "paste this into the console" tricks away from the bridge in shipped builds.
      devTools: !app.isPackaged,
    },
  });

  window.once('ready-to-show', () => {
    if (saved.maximized) window.maximize();
    window.show();
  });
  window.webContents.on('did-fail-load', (_event, code, description, failedUrl, isMainFrame) => {
    if (!isMainFrame) return;
    log.error('window', `could not load ${failedUrl}: ${code} ${description}`);
    // ready-to-show never comes for a failed page; an empty window beats an invisible app.
    if (!window.isVisible()) window.show();
  });
  window.webContents.on('render-process-gone', (_event, details) => {
    log.error('window', `renderer gone: ${details.reason} (exit code ${details.exitCode})`);
  });
  persistWindowState(window, services, log);

  window.loadURL(url).catch((error: unknown) => log.error('window', `loadURL ${url} failed`, error));
  return window;
}
