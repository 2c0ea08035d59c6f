import { EventEmitter } from 'node:events';
import Module from 'node:module';
import { join } from 'node:path';

/**
 * A recording stand-in for the `electron` module, good enough to run the built main bundle under
 * plain Node: it keeps Electron's ordering rules (privileged schemes only before ready, windows,
 * sessions, screen and protocol handlers only after) and throws on any API it does not know, so
 * a new Electron call in the shell shows up here as a clear failure instead of a silent pass.
 */

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface StandInOptions {
  userData: string;
  version?: string;
  switches?: Record<string, string>;
  singleInstance?: boolean;
  displays?: Rect[];
  /** What the folder picker answers. */
  pickedFolder?: string | null;
  /** What the save dialog answers (null or absent: cancelled); read at each call, so a test may change it. */
  savePath?: string | null;
}

type AnyFunction = (...args: any[]) => any;

export interface FakeEvent {
  defaultPrevented: boolean;
  preventDefault(): void;
  url: string;
}

export const fakeEvent = (url = ''): FakeEvent => ({
  defaultPrevented: false,
  url,
  preventDefault() {
    this.defaultPrevented = true;
  },
});

export class FakeWebContents extends EventEmitter {
  windowOpenHandler: AnyFunction | null = null;
  readonly sent: { channel: string; args: unknown[] }[] = [];
  /** The options of every print to PDF; each answers a tiny PDF. */
  readonly printedToPdf: unknown[] = [];
  destroyed = false;

  setWindowOpenHandler(handler: AnyFunction) {
    this.windowOpenHandler = handler;
  }
  send(channel: string, ...args: unknown[]) {
    if (this.destroyed) throw new Error('Object has been destroyed');
    this.sent.push({ channel, args });
  }
  isDestroyed() {
    return this.destroyed;
  }
  async printToPDF(options: unknown) {
    this.printedToPdf.push(options);
    return Buffer.from('%PDF-1.4 stand-in');
  }
}

/** Throws on unknown members so unexpected Electron use is loud. */
function strict<T extends object>(name: string, target: T): T {
  return new Proxy(target, {
    get(object, key, receiver) {
      if (typeof key === 'symbol' || key in object || key === '__esModule' || key === 'then' || key === 'default') {
        return Reflect.get(object, key, receiver);
      }
      throw new Error(`electron stand-in: ${name}.${key} is not provided`);
    },
  });
}

function newRecord() {
  return {
    /** Chronological names of the calls that have ordering rules. */
    calls: [] as string[],
    privilegedSchemes: [] as { scheme: string; privileges?: Record<string, boolean> }[],
    protocolHandlers: new Map<string, AnyFunction>(),
    ipcHandlers: new Map<string, AnyFunction>(),
    ipcListeners: new Map<string, AnyFunction[]>(),
    windows: [] as FakeWindow[],
    permissionRequestHandler: null as AnyFunction | null,
    permissionCheckHandler: null as AnyFunction | null,
    devicePermissionHandler: null as AnyFunction | null,
    beforeRequest: null as { filter: { urls: string[] }; listener: AnyFunction } | null,
    openedExternal: [] as string[],
    shownInFolder: [] as string[],
    openDialogs: [] as unknown[],
    saveDialogs: [] as unknown[][],
    errorBoxes: [] as { title: string; content: string }[],
    exitCodes: [] as number[],
    quitRequests: 0,
    quit: false,
    sandboxEnabled: false,
    setPaths: [] as { name: string; path: string }[],
  };
}
export type StandInRecord = ReturnType<typeof newRecord>;

/** What the fakes share: the options, the record and whether `ready` has happened. */
interface Context {
  options: StandInOptions;
  record: StandInRecord;
  ready: boolean;
  userData: string;
  app: FakeApp;
}

function mustBeReady(ctx: Context, what: string): void {
  if (!ctx.ready) throw new Error(`electron stand-in: ${what} used before the app is ready`);
}

export class FakeApp extends EventEmitter {
  readonly isPackaged = false;
  readonly commandLine;
  private readyPromise: Promise<void> | null = null;

  constructor(private readonly ctx: Context) {
    super();
    this.commandLine = strict('app.commandLine', {
      getSwitchValue: (name: string) => ctx.options.switches?.[name] ?? '',
      hasSwitch: (name: string) => ctx.options.switches?.[name] !== undefined,
    });
  }
  whenReady() {
    this.readyPromise ??= new Promise<void>((done) =>
      setImmediate(() => {
        this.ctx.ready = true;
        this.ctx.record.calls.push('app.ready');
        this.emit('ready');
        done();
      }),
    );
    return this.readyPromise;
  }
  isReady() {
    return this.ctx.ready;
  }
  requestSingleInstanceLock() {
    this.ctx.record.calls.push('app.requestSingleInstanceLock');
    return this.ctx.options.singleInstance ?? true;
  }
  getPath(name: string) {
    return name === 'userData' ? this.ctx.userData : join(this.ctx.userData, `stand-in-${name}`);
  }
  setPath(name: string, path: string) {
    this.ctx.record.setPaths.push({ name, path });
    if (name === 'userData') this.ctx.userData = path;
  }
  getVersion() {
    return this.ctx.options.version ?? '0.1.0';
  }
  getName() {
    return 'Baton';
  }
  enableSandbox() {
    if (this.ctx.ready) throw new Error('electron stand-in: app.enableSandbox() must be called before ready');
    this.ctx.record.sandboxEnabled = true;
  }
  /** Like Electron: before-quit, then will-quit (cancellable), then quit. */
  quit() {
    this.ctx.record.quitRequests += 1;
    this.emit('before-quit', fakeEvent());
    const willQuit = fakeEvent();
    this.emit('will-quit', willQuit);
    if (willQuit.defaultPrevented) return;
    this.ctx.record.quit = true;
    this.emit('quit', fakeEvent(), 0);
  }
  exit(code = 0) {
    this.ctx.record.exitCodes.push(code);
  }
}

export class FakeWindow extends EventEmitter {
  readonly webContents = new FakeWebContents();
  readonly loadedUrls: string[] = [];
  bounds: Rect;
  visible = false;
  maximized = false;
  minimized = false;
  destroyed = false;
  focusCount = 0;
  restoreCount = 0;

  constructor(
    private readonly ctx: Context,
    readonly options: Record<string, any>,
  ) {
    super();
    mustBeReady(ctx, 'new BrowserWindow()');
    this.bounds = { x: options.x ?? 100, y: options.y ?? 100, width: options.width ?? 800, height: options.height ?? 600 };
    ctx.record.windows.push(this);
    ctx.app.emit('web-contents-created', fakeEvent(), this.webContents);
  }
  loadURL(url: string) {
    this.loadedUrls.push(url);
    return Promise.resolve();
  }
  show() {
    this.visible = true;
  }
  isVisible() {
    return this.visible;
  }
  maximize() {
    this.maximized = true;
    this.emit('maximize');
  }
  isMaximized() {
    return this.maximized;
  }
  isMinimized() {
    return this.minimized;
  }
  restore() {
    this.restoreCount += 1;
    this.minimized = false;
  }
  focus() {
    this.focusCount += 1;
  }
  getNormalBounds() {
    return { ...this.bounds };
  }
  getBounds() {
    return { ...this.bounds };
  }
  setBounds(bounds: Partial<Rect>) {
    this.bounds = { ...this.bounds, ...bounds };
    this.emit('resize');
    this.emit('move');
  }
  isDestroyed() {
    return this.destroyed;
  }
  close() {
    const event = fakeEvent();
    this.emit('close', event);
    if (event.defaultPrevented) return;
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
    if (!this.ctx.record.windows.some((w) => !w.destroyed)) this.ctx.app.emit('window-all-closed');
  }
}

export interface ElectronStandIn {
  /** What `require('electron')` returns. */
  electron: Record<string, unknown>;
  record: StandInRecord;
  app: FakeApp;
}

export function createElectronStandIn(options: StandInOptions): ElectronStandIn {
  const displays = options.displays ?? [{ x: 0, y: 0, width: 1920, height: 1040 }];
  const ctx = { options, record: newRecord(), ready: false, userData: options.userData } as Context;
  ctx.app = new FakeApp(ctx);
  const { record } = ctx;

  const BrowserWindow = class BrowserWindow extends FakeWindow {
    static getAllWindows() {
      return record.windows.filter((w) => !w.destroyed);
    }
    constructor(windowOptions: Record<string, any>) {
      super(ctx, windowOptions);
    }
  };

  const defaultSession = strict('session.defaultSession', {
    setPermissionRequestHandler: (handler: AnyFunction) => void (record.permissionRequestHandler = handler),
    setPermissionCheckHandler: (handler: AnyFunction) => void (record.permissionCheckHandler = handler),
    setDevicePermissionHandler: (handler: AnyFunction) => void (record.devicePermissionHandler = handler),
    webRequest: strict('session.defaultSession.webRequest', {
      onBeforeRequest: (filter: { urls: string[] }, listener: AnyFunction) => void (record.beforeRequest = { filter, listener }),
    }),
  });

  const electron = strict('electron', {
    app: ctx.app,
    BrowserWindow,
    protocol: strict('protocol', {
      registerSchemesAsPrivileged(schemes: { scheme: string; privileges?: Record<string, boolean> }[]) {
        if (ctx.ready) throw new Error('electron stand-in: registerSchemesAsPrivileged after ready');
        record.calls.push('protocol.registerSchemesAsPrivileged');
        record.privilegedSchemes.push(...schemes);
      },
      handle(scheme: string, handler: AnyFunction) {
        mustBeReady(ctx, 'protocol.handle');
        if (record.protocolHandlers.has(scheme)) throw new Error(`scheme ${scheme} is already handled`);
        record.protocolHandlers.set(scheme, handler);
      },
    }),
    ipcMain: strict('ipcMain', {
      handle(channel: string, handler: AnyFunction) {
        if (record.ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
        record.ipcHandlers.set(channel, handler);
      },
      on(channel: string, listener: AnyFunction) {
        record.ipcListeners.set(channel, [...(record.ipcListeners.get(channel) ?? []), listener]);
      },
    }),
    session: strict('session', {
      get defaultSession() {
        mustBeReady(ctx, 'session.defaultSession');
        return defaultSession;
      },
    }),
    screen: strict('screen', {
      getPrimaryDisplay() {
        mustBeReady(ctx, 'screen');
        return { workArea: displays[0]!, bounds: displays[0]! };
      },
      getAllDisplays() {
        mustBeReady(ctx, 'screen');
        return displays.map((area) => ({ workArea: area, bounds: area }));
      },
    }),
    dialog: strict('dialog', {
      async showOpenDialog(...args: unknown[]) {
        record.openDialogs.push(args);
        const picked = options.pickedFolder ?? null;
        return picked === null ? { canceled: true, filePaths: [] } : { canceled: false, filePaths: [picked] };
      },
      async showSaveDialog(...args: unknown[]) {
        record.saveDialogs.push(args);
        const path = options.savePath ?? null;
        return path === null ? { canceled: true, filePath: '' } : { canceled: false, filePath: path };
      },
      showErrorBox(title: string, content: string) {
        record.errorBoxes.push({ title, content });
      },
    }),
    // Like Electron's on a desktop with a key store: sealed text that is not the plain key.
    safeStorage: strict('safeStorage', {
      isEncryptionAvailable() {
        mustBeReady(ctx, 'safeStorage');
        return true;
      },
      encryptString: (text: string) => Buffer.from(`sealed:${Buffer.from(text).toString('base64')}`),
      decryptString: (sealed: Buffer) => Buffer.from(sealed.toString().replace(/^sealed:/, ''), 'base64').toString(),
    }),
    shell: strict('shell', {
      async openExternal(url: string) {
        record.openedExternal.push(url);
      },
      showItemInFolder(path: string) {
        record.shownInFolder.push(path);
      },
      async openPath() {
        return '';
      },
    }),
  });

  return { electron, record, app: ctx.app };
}

type Loader = (request: string, parent: unknown, isMain: boolean) => unknown;

/**
 * Requires a CommonJS file with `require('electron')` answered by the stand-in. Only the
 * requires made while the file loads are redirected (esbuild hoists them all to the top), so
 * several copies can be loaded with different stand-ins in one test file.
 */
export function requireWithElectron(file: string, electron: unknown): unknown {
  const loader = Module as unknown as { _load: Loader };
  const original = loader._load;
  loader._load = function load(this: unknown, request, parent, isMain) {
    if (request === 'electron') return electron;
    return original.call(this, request, parent, isMain);
  };
  try {
    return Module.createRequire(file)(file);
  } finally {
    loader._load = original;
  }
}
