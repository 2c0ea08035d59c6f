import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach } from 'vitest';
import { memoryLog, type MemoryLog } from '../support/memory-log';
import { SyncService, type OpDraft, type SyncServiceOptions } from '../../electron/services/sync/sync-service';
import { decodeSegment, type Op } from '../../shared/sync';
import { note } from '../sync/example-capabilities';
import { nodeCrypto } from '../../electron/services/sync/node-crypto';
import { nodeReaderFs, type ReaderFs } from '../../electron/services/sync/reader-fs';

/** Temp folders made during a test, removed after it. */
const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export function tempDir(name = 'baton'): string {
  const dir = mkdtempSync(join(tmpdir(), `${name}-`));
  made.push(dir);
  return dir;
}

/** A computer: its profile, and the shared folder it syncs through. */
export function computer(sharedDir: string, name = 'pc') {
  const profileDir = join(tempDir(name), 'profile');
  mkdirSync(profileDir, { recursive: true });
  return { profileDir, sharedDir };
}

export { memoryLog as testLog, type MemoryLog as TestLog };

const services: SyncService[] = [];
afterEach(async () => {
  for (const service of services.splice(0)) await service.close();
});

/**
 * A service driven by hand: no timers fire during a test (polls and flushes are called), no
 * watcher. Closed after the test.
 */
export function startService(
  place: { profileDir: string; sharedDir: string },
  overrides: Partial<SyncServiceOptions> = {},
): SyncService {
  const service = new SyncService({
    profileDir: place.profileDir,
    sharedDir: place.sharedDir,
    appVersion: '0.1.0-test',
    log: memoryLog(),
    capabilities: [note],
    memberName: 'Alice',
    watch: false,
    pollIntervalMs: 3_600_000,
    flushDelayMs: 3_600_000,
    cacheDelayMs: 3_600_000,
    ...overrides,
  });
  services.push(service);
  return service;
}

/** Closes a service now (to restart on the same profile), and stops the after-test close. */
export async function stopService(service: SyncService): Promise<void> {
  services.splice(services.indexOf(service), 1);
  await service.close();
}

let noteCounter = 0;
export function noteEdit(title: string, id = `n${++noteCounter}`): OpDraft {
  return { type: 'note.set', entity: `note:${id}`, data: { set: { title }, seen: {} } };
}

/** A shared folder with a team, created by a first computer (returned, running). */
export async function teamFolder(name = 'shared'): Promise<{ sharedDir: string; founder: SyncService; founderPlace: ReturnType<typeof computer> }> {
  const sharedDir = join(tempDir(name), 'team');
  mkdirSync(sharedDir, { recursive: true });
  const founderPlace = computer(sharedDir, 'founder');
  const founder = startService(founderPlace);
  await founder.ready;
  await founder.createTeam({ teamName: '运营组', memberName: 'Alice' });
  return { sharedDir, founder, founderPlace };
}

/** Every file under `dir`, relative, with size and mtime: compared before and after to prove nothing changed. */
export function listing(dir: string): string[] {
  const out: string[] = [];
  const walk = (current: string) => {
    for (const name of readdirSync(current).sort()) {
      const path = join(current, name);
      const info = statSync(path);
      if (info.isDirectory()) walk(path);
      else out.push(`${relative(dir, path)} ${info.size} ${info.mtimeMs}`);
    }
  };
  walk(dir);
  return out;
}

export function logDir(sharedDir: string, deviceId: string): string {
  return join(sharedDir, 'baton', 'devices', deviceId, 'log');
}

export function filesIn(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}

/** The public key a device wrote into its device.json. */
export function deviceKey(sharedDir: string, deviceId: string): string {
  return (JSON.parse(readFileSync(join(sharedDir, 'baton', 'devices', deviceId, 'device.json'), 'utf8')) as { publicKey: string }).publicKey;
}

/** The ops of every valid segment in a device's log folder, by file name. */
export function publishedOps(sharedDir: string, deviceId: string): Map<string, readonly Op[]> {
  const key = deviceKey(sharedDir, deviceId);
  const byFile = new Map<string, readonly Op[]>();
  for (const name of filesIn(logDir(sharedDir, deviceId))) {
    const decoded = decodeSegment(readFileSync(join(logDir(sharedDir, deviceId), name)), () => key, nodeCrypto);
    if (decoded.ok) byFile.set(name, decoded.ops);
  }
  return byFile;
}

/** A device's keys, read from its profile (plain-file protection), to forge files as that device. */
export function identityOf(profileDir: string): { deviceId: string; publicKeyPem: string; privateKeyPem: string } {
  const file = JSON.parse(readFileSync(join(profileDir, 'sync', 'identity.json'), 'utf8')) as {
    deviceId: string;
    publicKey: string;
    privateKey: { sealed: string };
  };
  return { deviceId: file.deviceId, publicKeyPem: file.publicKey, privateKeyPem: file.privateKey.sealed };
}

/** A clock a test moves by hand. */
export function manualClock(start = Date.UTC(2026, 0, 5, 1, 0, 0)) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms), set: (ms: number) => (now = ms) };
}

/** A reader fs that counts the segment files read. */
export function countingFs() {
  const reads: string[] = [];
  const fs: ReaderFs = {
    ...nodeReaderFs,
    readFile: (path) => {
      if (path.includes('log') && path.endsWith('.jsonl')) reads.push(path);
      return nodeReaderFs.readFile(path);
    },
  };
  return { fs, reads };
}
