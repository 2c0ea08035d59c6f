import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Two real Syncthing instances on loopback, each replicating its own copy of one folder. Nothing
 * leaves 127.0.0.1: discovery, relays, NAT, usage and crash reporting and upgrades are off, and
 * the processes run without proxy variables. Only the processes started here are ever stopped,
 * by PID (the 1.19 monitor and its child), SIGTERM first, SIGKILL after a timeout.
 * Facts this relies on: /work/shared/notes/syncthing-on-loopback.md.
 */

export const SYNCTHING_BIN = process.env.BATON_SYNCTHING_BIN ?? '/usr/bin/syncthing';
export const FOLDER_ID = 'baton-shared';

const PROXY_VARIABLES = /^(?:https?|all|no|ftp)_proxy$/i;

export function assertSyncthingInstalled(): void {
  if (!existsSync(SYNCTHING_BIN)) {
    throw new Error(
      `Syncthing is not installed at ${SYNCTHING_BIN}. These tests need the real engine: ` +
        '`apt-get install -y syncthing` (CI installs it). They are never skipped.',
    );
  }
}

/** Distinct free TCP ports on 127.0.0.1: each bound to port 0 together, then released. */
export async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<ReturnType<typeof createServer>>((resolve, reject) => {
          const server = createServer();
          server.once('error', reject);
          server.listen(0, '127.0.0.1', () => resolve(server));
        }),
    ),
  );
  const ports = servers.map((server) => {
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    return address.port;
  });
  await Promise.all(servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
  return ports;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it returns a value other than undefined/false, or fails after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  check: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 60_000,
  intervalMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const cause = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${cause}`);
    }
    await sleep(intervalMs);
  }
}

interface ProcessRef {
  readonly pid: number;
  /** Field 22 of /proc/<pid>/stat: tells our process from a later one given the same PID. */
  readonly startTime: string;
}

function procStat(pid: number): { ppid: number; state: string; startTime: string } | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may contain spaces: split after the last ')'.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0]!, ppid: Number(fields[1]), startTime: fields[19]! };
  } catch {
    return null;
  }
}

/** Whether this exact process (same PID and start time) still runs (a zombie does not count). */
function isRunning(ref: ProcessRef): boolean {
  const stat = procStat(ref.pid);
  return stat !== null && stat.startTime === ref.startTime && stat.state !== 'Z' && stat.state !== 'X';
}

function childrenOf(pid: number): ProcessRef[] {
  const out: ProcessRef[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = procStat(Number(entry));
    if (stat && stat.ppid === pid) out.push({ pid: Number(entry), startTime: stat.startTime });
  }
  return out;
}

function signal(ref: ProcessRef, name: NodeJS.Signals): void {
  if (!isRunning(ref)) return;
  try {
    process.kill(ref.pid, name);
  } catch {
    // Gone between the check and the signal.
  }
}

export interface SyncthingNode {
  readonly name: string;
  readonly home: string;
  /** This instance's copy of the shared folder. */
  readonly folder: string;
  readonly guiPort: number;
  readonly listenPort: number;
  readonly apiKey: string;
  readonly deviceId: string;
  /** The monitor process (the one spawned) and the syncthing child it runs. */
  readonly processes: () => readonly ProcessRef[];
  readonly log: () => string;
  api<T = unknown>(path: string, init?: { method?: string; body?: unknown }): Promise<T>;
}

interface NodeInternals extends SyncthingNode {
  readonly monitor: ChildProcess;
  readonly refs: ProcessRef[];
}

function editConfig(xml: string, guiPort: number, listenPort: number, apiKey: string): string {
  let out = xml;
  const setIn = (section: string, tag: string, value: string) => {
    const open = out.indexOf(`<${section}`);
    const close = out.indexOf(`</${section}>`, open);
    if (open < 0 || close < 0) throw new Error(`config.xml has no <${section}>`);
    const block = out.slice(open, close);
    const pattern = new RegExp(`<${tag}>[^<]*</${tag}>`);
    if (!pattern.test(block)) throw new Error(`config.xml has no <${tag}> in <${section}>`);
    out = out.slice(0, open) + block.replace(pattern, `<${tag}>${value}</${tag}>`) + out.slice(close);
  };
  setIn('gui', 'address', `127.0.0.1:${guiPort}`);
  setIn('gui', 'apikey', apiKey);
  const options: Record<string, string> = {
    listenAddress: `tcp://127.0.0.1:${listenPort}`,
    globalAnnounceEnabled: 'false',
    localAnnounceEnabled: 'false',
    relaysEnabled: 'false',
    natEnabled: 'false',
    stunKeepaliveStartS: '0',
    stunKeepaliveMinS: '0',
    urAccepted: '-1',
    crashReportingEnabled: 'false',
    autoUpgradeIntervalH: '0',
    startBrowser: 'false',
  };
  for (const [tag, value] of Object.entries(options)) setIn('options', tag, value);
  return out;
}

function cleanEnv(home: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!PROXY_VARIABLES.test(key)) env[key] = value;
  return { ...env, HOME: home, STNORESTART: '1', STNOUPGRADE: '1', STNODEFAULTFOLDER: '1' };
}

/** Every instance this module started and has not stopped yet, for the exit-time safety net. */
const live = new Set<NodeInternals>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const node of live) for (const ref of node.refs) signal(ref, 'SIGKILL');
  });
}

async function startNode(name: string, root: string, folder: string): Promise<NodeInternals> {
  const home = join(root, `${name}-home`);
  mkdirSync(home, { recursive: true });
  const generated = spawnSync(
    SYNCTHING_BIN,
    ['generate', `--home=${home}`, '--no-default-folder', '--skip-port-probing'],
    { env: cleanEnv(home), encoding: 'utf8', timeout: 30_000 },
  );
  if (generated.status !== 0) throw new Error(`syncthing generate failed: ${generated.stderr}${generated.stdout}`);
  const idRun = spawnSync(SYNCTHING_BIN, ['serve', `--home=${home}`, '--device-id'], {
    env: cleanEnv(home),
    encoding: 'utf8',
    timeout: 30_000,
  });
  const deviceId = idRun.stdout.trim();
  if (!/^[A-Z2-7]{7}(?:-[A-Z2-7]{7}){7}$/.test(deviceId)) throw new Error(`unexpected device id: ${idRun.stdout}${idRun.stderr}`);

  const [guiPort, listenPort] = await freePorts(2);
  const apiKey = randomBytes(18).toString('base64url');
  const configFile = join(home, 'config.xml');
  writeFileSync(configFile, editConfig(readFileSync(configFile, 'utf8'), guiPort!, listenPort!, apiKey));
  mkdirSync(join(folder, '.stfolder'), { recursive: true });

  const monitor = spawn(
    SYNCTHING_BIN,
    ['serve', `--home=${home}`, '--no-browser', '--no-restart', '--no-upgrade', '--no-default-folder', '--logfile=-'],
    { env: cleanEnv(home), stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const logLines: string[] = [];
  const keep = (chunk: Buffer) => {
    logLines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    if (logLines.length > 300) logLines.splice(0, logLines.length - 300);
  };
  monitor.stdout!.on('data', keep);
  monitor.stderr!.on('data', keep);
  if (monitor.pid === undefined) throw new Error(`could not start ${SYNCTHING_BIN}`);
  const monitorStat = procStat(monitor.pid);
  const refs: ProcessRef[] = [{ pid: monitor.pid, startTime: monitorStat?.startTime ?? '' }];

  const base = `http://127.0.0.1:${guiPort}`;
  const node: NodeInternals = {
    name,
    home,
    folder,
    guiPort: guiPort!,
    listenPort: listenPort!,
    apiKey,
    deviceId,
    monitor,
    refs,
    processes: () => refs,
    log: () => logLines.join('\n'),
    async api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
      const response = await fetch(`${base}${path}`, {
        method: init.method ?? 'GET',
        headers: { 'X-API-Key': apiKey, ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }) },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        signal: AbortSignal.timeout(10_000),
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${response.status} ${text}`);
      return (text === '' ? undefined : JSON.parse(text)) as T;
    },
  };
  live.add(node);
  installExitHook();

  // The monitor forks the real syncthing; record it too, so that it can be stopped by PID.
  const child = await waitFor(`${name}: the syncthing child of monitor ${monitor.pid}`, () => {
    if (monitor.exitCode !== null) throw new Error(`syncthing exited with ${monitor.exitCode}:\n${node.log()}`);
    return childrenOf(monitor.pid!)[0];
  }, 30_000);
  refs.push(child);
  await waitFor(`${name}: REST API on 127.0.0.1:${guiPort}`, async () => {
    if (monitor.exitCode !== null) throw new Error(`syncthing exited with ${monitor.exitCode}:\n${node.log()}`);
    return (await node.api<{ ping: string }>('/rest/system/ping')).ping === 'pong';
  }, 30_000);
  return node;
}

async function stopNode(node: NodeInternals, timeoutMs: number): Promise<void> {
  const exited = new Promise<void>((resolve) => {
    if (node.monitor.exitCode !== null || node.monitor.signalCode !== null) resolve();
    else node.monitor.once('exit', () => resolve());
  });
  // SIGTERM to the monitor is forwarded to the child; a child orphaned earlier gets its own.
  signal(node.refs[0]!, 'SIGTERM');
  if (!isRunning(node.refs[0]!)) for (const ref of node.refs.slice(1)) signal(ref, 'SIGTERM');
  const deadline = Date.now() + timeoutMs;
  while (node.refs.some(isRunning) && Date.now() < deadline) await sleep(50);
  for (const ref of node.refs) signal(ref, 'SIGKILL');
  await Promise.race([exited, sleep(5_000)]);
  while (node.refs.some(isRunning)) await sleep(20);
  live.delete(node);
}

export interface SyncthingPair {
  readonly root: string;
  readonly a: SyncthingNode;
  readonly b: SyncthingNode;
  readonly folderId: string;
  /** Asks both to rescan now (the watcher would, a second later). */
  scan(): Promise<void>;
  /** Until both are idle with nothing needed and each sees the other 100 % complete. */
  waitInSync(timeoutMs?: number): Promise<void>;
  /** Stops both (by PID), and removes every folder made here. Safe to call twice. */
  stop(): Promise<void>;
}

interface FolderStatus {
  state: string;
  needTotalItems: number;
  errors: number;
  pullErrors?: number;
}

interface Completion {
  completion: number;
  needItems: number;
  remoteState?: string;
}

export interface StartPairOptions {
  /** Folder copies to share (each is created, with its `.stfolder`); default `<root>/a`, `<root>/b`. */
  readonly folderA?: string;
  readonly folderB?: string;
  readonly timeoutMs?: number;
}

/**
 * Starts two instances, introduces them, shares one folder id (each with its own path) with
 * rescanIntervalS 10, fsWatcherEnabled, fsWatcherDelayS 1, and waits until a probe file written
 * on A has arrived on B, which proves the folder is shared both ways.
 */
export async function startSyncthingPair(options: StartPairOptions = {}): Promise<SyncthingPair> {
  assertSyncthingInstalled();
  const timeoutMs = options.timeoutMs ?? 60_000;
  const root = mkdtempSync(join(tmpdir(), 'baton-syncthing-'));
  const folderA = options.folderA ?? join(root, 'a');
  const folderB = options.folderB ?? join(root, 'b');
  const started: NodeInternals[] = [];
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await Promise.all(started.map((node) => stopNode(node, 10_000)));
    rmSync(root, { recursive: true, force: true });
  };
  try {
    const [a, b] = await Promise.all([startNode('a', root, folderA), startNode('b', root, folderB)]);
    started.push(a, b);
    for (const [self, peer] of [[a, b], [b, a]] as const) {
      await self.api('/rest/config/devices', {
        method: 'POST',
        body: { deviceID: peer.deviceId, name: peer.name, addresses: [`tcp://127.0.0.1:${peer.listenPort}`], autoAcceptFolders: false },
      });
    }
    for (const self of [a, b]) {
      await self.api('/rest/config/folders', {
        method: 'POST',
        body: {
          id: FOLDER_ID,
          label: 'Baton shared folder',
          path: self.folder,
          type: 'sendreceive',
          devices: [{ deviceID: a.deviceId }, { deviceID: b.deviceId }],
          rescanIntervalS: 10,
          fsWatcherEnabled: true,
          fsWatcherDelayS: 1,
        },
      });
    }
    const pair: SyncthingPair = {
      root,
      a,
      b,
      folderId: FOLDER_ID,
      async scan() {
        await Promise.all([a, b].map((node) => node.api(`/rest/db/scan?folder=${FOLDER_ID}`, { method: 'POST' })));
      },
      async waitInSync(waitMs = timeoutMs) {
        await waitFor(
          'both Syncthing instances idle and in sync',
          async () => {
            for (const [self, peer] of [[a, b], [b, a]] as const) {
              const status = await self.api<FolderStatus>(`/rest/db/status?folder=${FOLDER_ID}`);
              if (status.state !== 'idle' || status.needTotalItems !== 0) return false;
              const completion = await self.api<Completion>(
                `/rest/db/completion?folder=${FOLDER_ID}&device=${peer.deviceId}`,
              );
              if (completion.completion !== 100 || completion.needItems !== 0) return false;
              if (completion.remoteState !== undefined && completion.remoteState !== 'valid') return false;
            }
            return true;
          },
          waitMs,
          200,
        );
      },
      stop,
    };
    await waitFor(
      'the two instances to connect',
      async () => {
        const connections = await a.api<{ connections: Record<string, { connected: boolean }> }>('/rest/system/connections');
        return connections.connections[b.deviceId]?.connected === true;
      },
      timeoutMs,
      200,
    );
    await pair.waitInSync();
    // Completion 100 does not prove the peer shares the folder yet: a probe file does.
    const probe = `harness-probe-${randomBytes(4).toString('hex')}.txt`;
    writeFileAtomically(join(folderA, probe), 'probe\n');
    await waitFor('the probe file to reach B', () => existsSync(join(folderB, probe)), timeoutMs);
    rmSync(join(folderA, probe));
    await waitFor('the probe deletion to reach B', () => !existsSync(join(folderB, probe)), timeoutMs);
    await pair.waitInSync();
    return pair;
  } catch (error) {
    const logs = started.map((node) => `--- ${node.name} log ---\n${node.log().split('\n').slice(-40).join('\n')}`).join('\n');
    await stop();
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${logs}`, { cause: error });
  }
}

/** Writes a file the way Baton does: a temp file next to it, then a rename. */
export function writeFileAtomically(file: string, data: string | Uint8Array): void {
  const temp = `${file}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(temp, data);
  renameSync(temp, file);
}

/** Every file under `dir`, relative '/'-separated paths, sorted. */
export function listRecursive(dir: string): string[] {
  const out: string[] = [];
  const walk = (at: string, prefix: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const rel = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
      if (entry.isDirectory()) walk(join(at, entry.name), rel);
      else out.push(rel);
    }
  };
  if (existsSync(dir)) walk(dir, '');
  return out.sort();
}

/** For tests of the harness itself: whether any process it started still runs. */
export function anyRunning(node: SyncthingNode): boolean {
  return node.processes().some(isRunning);
}
