import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { appSyncConfig } from '../electron/services/sync/app-sync-config';
import { teamFolderLayout } from '../electron/services/sync/layout';
import { nodeCrypto } from '../electron/services/sync/node-crypto';
import { nodeReaderFs, type ReaderFs } from '../electron/services/sync/reader-fs';
import { SyncService } from '../electron/services/sync/sync-service';
import type { FollowUpState, HandoverState } from '../shared/handover';
import { createHandoverSearch, handoverSearchDocument } from '../shared/search';
import { HybridClock } from '../shared/sync/hlc';
import { entityRef, formatOpId, type Op } from '../shared/sync/op';
import { encodeSegment } from '../shared/sync/segment-encode';
import type { Dataset } from './generate';
import { loadPeer } from './peer';
import { Rng } from './prng';
import { quietLog } from './quiet-log';
import { median, round, summary } from './stats';
import { chineseText, searchQueries } from './vocabulary';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function fullGc(): void {
  gc();
  gc();
}

const elapsed = (from: number) => performance.now() - from;

/** Floor: read every segment file and JSON.parse every line, nothing else. */
export async function floor(dataset: Dataset): Promise<{ ms: number; lines: number }> {
  const start = performance.now();
  const devicesDir = teamFolderLayout(dataset.sharedDir).devicesDir;
  let lines = 0;
  for (const device of await readdir(devicesDir)) {
    let names: string[];
    try {
      names = await readdir(join(devicesDir, device, 'log'));
    } catch {
      continue;
    }
    await Promise.all(
      names.map(async (name) => {
        const text = await readFile(join(devicesDir, device, 'log', name), 'utf8');
        for (const line of text.split('\n')) {
          if (line === '') continue;
          JSON.parse(line);
          lines += 1;
        }
      }),
    );
  }
  return { ms: elapsed(start), lines };
}

export interface Opened {
  readonly service: SyncService;
  readonly ms: number;
  /** Of `ms`, after the services were ready: reading the briefing's lists. */
  readonly listsMs: number;
  readonly handovers: number;
  readonly followUps: number;
  readonly fromTeamSnapshot: boolean;
  /** A restart: the state came from this computer's local cache, not from the folder's files. */
  readonly fromLocalCache: boolean;
  /** Entities the restart left on disk until something asks for them (0: it parsed every one). */
  readonly leftOnDisk: number;
}

/**
 * Opens the way the app does (SyncService start: list, read, verify, fold with the app's
 * capabilities and trust), on `profileDir`, until the state the briefing shows is there.
 */
export async function open(dataset: Dataset, profileDir: string, options: { withoutTeamSnapshot?: boolean } = {}): Promise<Opened> {
  const log = quietLog('[bench]');
  const start = performance.now();
  const service = new SyncService({
    ...appSyncConfig(),
    ...(options.withoutTeamSnapshot ? { readerFs: withoutSnapshots } : {}),
    profileDir,
    sharedDir: dataset.sharedDir,
    appVersion: '0.1.0-bench',
    log,
    memberName: null,
    watch: false,
    pollIntervalMs: 3_600_000,
    flushDelayMs: 3_600_000,
    cacheDelayMs: 3_600_000,
  });
  await service.ready;
  const ready = performance.now();
  // The briefing's lists (shared/briefing): every note, the follow-ups still open, the SOPs and the rota.
  const handovers = service.state.list('handover').filter((entry) => (entry.state as HandoverState).note !== null).length;
  const followUps = service.state.list('followUp', { live: true }).filter((entry) => (entry.state as FollowUpState).current !== null).length;
  service.state.list('sop');
  service.state.list('rotaSlot');
  const ms = elapsed(start);
  // What the open left to do (checking or writing the local state) is not part of it, but the heap is measured after it.
  await service.settled;
  const fromTeamSnapshot = log.infos.some((line) => line.includes('started from the team snapshot'));
  const started = log.infos.find((line) => line.includes('started from the local cache'));
  const leftOnDisk = Number(/(\d+) entities left on disk/.exec(started ?? '')?.[1] ?? 0);
  return { service, ms, listsMs: elapsed(ready), handovers, followUps, fromTeamSnapshot, fromLocalCache: started !== undefined, leftOnDisk };
}

/** The folder as a team without a root-written snapshot looks: every segment must be read. */
const withoutSnapshots: ReaderFs = {
  ...nodeReaderFs,
  readdir: (path) => (basename(path) === 'snap' ? Promise.reject(Object.assign(new Error('hidden'), { code: 'ENOENT' })) : nodeReaderFs.readdir(path)),
};

export function tempProfile(): string {
  return mkdtempSync(join(tmpdir(), 'baton-bench-profile-'));
}

export interface OpenResults {
  readonly coldMs: number;
  /** A cold open that reads every segment (no team snapshot). */
  readonly coldEverySegmentMs: number;
  readonly warmMs: number;
  /** Every warm open started from the local cache. */
  readonly warmFromLocalCache: boolean;
  /** The fewest entities a warm open left on disk (0: some restart parsed every one). */
  readonly warmLeftOnDisk: number;
  /** Median time, after the services were ready, to read the briefing's lists in a warm open. */
  readonly warmBriefingMs: number;
  /** Heap after a warm open, as for the cold one. */
  readonly heapAfterWarmOpenBytes: number;
  readonly handoversShown: number;
  readonly followUpsShown: number;
  readonly fromTeamSnapshot: boolean;
  readonly heapAfterOpenBytes: number;
  readonly cacheBytes: number;
  readonly opened: Opened;
  readonly profileDir: string;
}

/** Cold opens on empty profiles, then warm opens on the last one's cache; leaves the last warm open running. */
export async function opens(dataset: Dataset, reps: number): Promise<OpenResults> {
  const cold: number[] = [];
  const everySegment: number[] = [];
  const warm: number[] = [];
  let profileDir = '';
  let heapAfterOpenBytes = 0;
  let shown = { handovers: 0, followUps: 0, fromTeamSnapshot: false };
  for (let i = 0; i < reps; i += 1) {
    if (profileDir) rmSync(profileDir, { recursive: true, force: true });
    profileDir = tempProfile();
    fullGc();
    const before = process.memoryUsage().heapUsed;
    const opened = await open(dataset, profileDir);
    cold.push(opened.ms);
    shown = { handovers: opened.handovers, followUps: opened.followUps, fromTeamSnapshot: opened.fromTeamSnapshot };
    fullGc();
    heapAfterOpenBytes = Math.max(heapAfterOpenBytes, process.memoryUsage().heapUsed - before);
    await opened.service.close();
  }
  for (let i = 0; i < reps; i += 1) {
    const scratch = tempProfile();
    fullGc();
    const opened = await open(dataset, scratch, { withoutTeamSnapshot: true });
    everySegment.push(opened.ms);
    await opened.service.close();
    rmSync(scratch, { recursive: true, force: true });
  }
  let last: Opened | null = null;
  let warmFromLocalCache = true;
  let warmLeftOnDisk = Infinity;
  let heapAfterWarmOpenBytes = 0;
  const briefing: number[] = [];
  for (let i = 0; i < reps; i += 1) {
    // A restart is a new process: the closed service's fold must be garbage before the next open.
    if (last) await last.service.close();
    last = null;
    fullGc();
    const before = process.memoryUsage().heapUsed;
    last = await open(dataset, profileDir);
    warm.push(last.ms);
    briefing.push(last.listsMs);
    warmFromLocalCache &&= last.fromLocalCache;
    warmLeftOnDisk = Math.min(warmLeftOnDisk, last.leftOnDisk);
    fullGc();
    heapAfterWarmOpenBytes = Math.max(heapAfterWarmOpenBytes, process.memoryUsage().heapUsed - before);
  }
  const cacheDir = join(profileDir, 'sync', 'teams', dataset.meta.teamId, 'cache');
  const cacheBytes = readdirSync(cacheDir).reduce((sum, name) => sum + readFileSync(join(cacheDir, name)).length, 0);
  return {
    coldMs: median(cold),
    coldEverySegmentMs: median(everySegment),
    warmMs: median(warm),
    warmFromLocalCache,
    warmLeftOnDisk,
    warmBriefingMs: median(briefing),
    heapAfterWarmOpenBytes,
    handoversShown: shown.handovers,
    followUpsShown: shown.followUps,
    fromTeamSnapshot: shown.fromTeamSnapshot,
    heapAfterOpenBytes,
    cacheBytes,
    opened: last!,
    profileDir,
  };
}

/** Apply: one new remote segment of 20 ops (a note, acknowledgements, follow-up comments) into the open state. */
export async function apply(dataset: Dataset, service: SyncService, samples: number): Promise<number[]> {
  const device = dataset.meta.bench.apply;
  const by = dataset.meta.bench.person;
  const rng = new Rng(`apply:${dataset.meta.seed}`);
  const clock = new HybridClock(device.deviceId);
  const logDir = teamFolderLayout(dataset.sharedDir).logDir(device.deviceId);
  rmSync(logDir, { recursive: true, force: true });
  let counter = 0;
  let prev: string | null = null;
  const times: number[] = [];
  for (let seq = 1; seq <= samples; seq += 1) {
    const at = Date.now();
    const ops: Op[] = [];
    const emit = (type: string, entity: string, data: Record<string, unknown>) =>
      ops.push({ id: formatOpId(device.deviceId, (counter += 1)), hlc: clock.now(at), type, entity, data });
    const noteId = `bench-apply-${seq}`;
    for (let i = 0; i < 5; i += 1) emit('handover.acknowledged', entityRef('handover', rng.pick(dataset.meta.recentHandovers)), { by, at });
    for (let i = 0; i < 14; i += 1) {
      emit('followUp.commented', entityRef('followUp', rng.pick(dataset.meta.openFollowUps)), { text: chineseText(rng, 15, 90), by, at });
    }
    const sections = { summary: chineseText(rng, 50, 300), posts: chineseText(rng, 50, 300), fans: '', opinion: '', campaigns: '', nextShift: chineseText(rng, 50, 300) };
    emit('handover.submitted', entityRef('handover', noteId), {
      date: new Date(at).toISOString().slice(0, 10),
      shiftTypeId: 'early',
      shiftStartAt: at - 3_600_000,
      shiftEndAt: at,
      author: by,
      at,
      sections,
      attachments: [],
      followUpIds: [],
    });
    const encoded = encodeSegment({ deviceId: device.deviceId, seq, prev, ops }, device.privateKeyPem, nodeCrypto);
    prev = encoded.sha256;
    mkdirSync(logDir, { recursive: true });
    writeFileSync(join(logDir, encoded.fileName), encoded.bytes);
    const start = performance.now();
    await service.pollNow();
    if (service.state.get(entityRef('handover', noteId)) === undefined) throw new Error(`the applied segment ${seq} did not show in the state`);
    times.push(elapsed(start));
  }
  rmSync(logDir, { recursive: true, force: true });
  return times;
}

/** Search: the index over every note, then 100 Chinese queries, one at a time. */
export function search(service: SyncService, seed: string, queries: number) {
  const documents = service.state
    .list('handover')
    .map((entry) => handoverSearchDocument(entry.state as HandoverState))
    .filter((document) => document !== null);
  const start = performance.now();
  const index = createHandoverSearch();
  index.addAll(documents);
  const buildMs = elapsed(start);
  const times: number[] = [];
  let hits = 0;
  for (const query of searchQueries(new Rng(`search:${seed}`), queries)) {
    const began = performance.now();
    hits += index.search(query).length;
    times.push(elapsed(began));
  }
  return { documents: documents.length, buildMs: round(buildMs), meanHits: round(hits / queries), ...summary(times) };
}

/** The peer: the saved Automerge document, read and loaded. */
export function peer(dataset: Dataset, reps: number): { ms: number; handovers: number } {
  const times: number[] = [];
  let handovers = 0;
  for (let i = 0; i < reps; i += 1) {
    fullGc();
    const start = performance.now();
    const loaded = loadPeer(readFileSync(dataset.meta.peer.file));
    times.push(elapsed(start));
    handovers = loaded.handovers;
  }
  return { ms: median(times), handovers };
}

export { fullGc };
