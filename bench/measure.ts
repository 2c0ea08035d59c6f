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
import { BriefingService } from '../electron/services/briefing/briefing-service';
import { SyncService } from '../electron/services/sync/sync-service';
import { tapTrust } from '../electron/services/team/trust-tap';
import type { Briefing } from '../shared/briefing';
import type { FollowUpState, HandoverState } from '../shared/handover';
import { createHandoverSearch, handoverSearchDocument } from '../shared/search';
import { HybridClock } from '../shared/sync/hlc';
import { entityRef, formatOpId, type Op } from '../shared/sync/op';
import { encodeSegment } from '../shared/sync/segment-encode';
import { DAY, HOUR } from './gen-context';
import { START, type Dataset } from './generate';
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
  /** Of `ms`, after the services were ready: building the bench person's briefing (what the home screen asks first). */
  readonly listsMs: number;
  /** The notes the briefing shows (to acknowledge, and changes since I was last here). */
  readonly handovers: number;
  /** The follow-ups the briefing lists. */
  readonly followUps: number;
  /** The briefing's moment for the bench person (not on the rota: `off`). */
  readonly moment: Briefing['moment'];
  readonly fromTeamSnapshot: boolean;
  /** A restart: the state came from this computer's local cache, not from the folder's files. */
  readonly fromLocalCache: boolean;
  /** Entities the restart left on disk until something asks for them (0: it parsed every one). */
  readonly leftOnDisk: number;
}

/** The instant the bench's briefings are built at: 10:00 (Shanghai) on the last day of the history. */
export function briefingInstant(dataset: Dataset): number {
  return START + (dataset.meta.days - 1) * DAY + 10 * HOUR;
}

/**
 * Opens the way the app does (SyncService start: list, read, verify, fold with the app's
 * capabilities and trust), on `profileDir`, until the briefing is built: the app's BriefingService,
 * for the bench's person, at `briefingInstant` (the history's time, not this computer's).
 */
export async function open(dataset: Dataset, profileDir: string, options: { withoutTeamSnapshot?: boolean } = {}): Promise<Opened> {
  const log = quietLog('[bench]');
  const start = performance.now();
  const config = appSyncConfig();
  // As the app does (app-services.ts): the briefing's roster is the one the service's trust plug folded.
  const tap = tapTrust(config.trust!);
  const service = new SyncService({
    ...config,
    trust: tap.source,
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
  const { person } = dataset.meta.bench;
  const briefing = new BriefingService({ sync: service, me: () => person, roster: () => tap.latest()?.roster ?? null, now: () => briefingInstant(dataset) }).get(0);
  const ms = elapsed(start);
  const listsMs = elapsed(ready);
  let handovers = 0;
  let followUps = 0;
  for (const section of briefing.sections) {
    if (section.kind === 'previousHandover' || section.kind === 'changes') handovers += section.notes.length;
    if (section.kind === 'followUps') followUps += section.items.length;
  }
  // What the open left to do (checking or writing the local state) is not part of it, but the heap is measured after it.
  await service.settled;
  const fromTeamSnapshot = log.infos.some((line) => line.includes('started from the team snapshot'));
  const started = log.infos.find((line) => line.includes('started from the local cache'));
  const leftOnDisk = Number(/(\d+) entities left on disk/.exec(started ?? '')?.[1] ?? 0);
  return { service, ms, listsMs, handovers, followUps, moment: briefing.moment, fromTeamSnapshot, fromLocalCache: started !== undefined, leftOnDisk };
}

/** Every note and follow-up the fold holds (the history folds as written): wakes every one, so asked only of a cold open, after its timing. */
function folded(service: SyncService): { handovers: number; followUps: number } {
  return {
    handovers: service.state.list('handover').filter((entry) => (entry.state as HandoverState).note !== null).length,
    followUps: service.state.list('followUp').filter((entry) => (entry.state as FollowUpState).current !== null).length,
  };
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
  /** Median time, after the services were ready, to build the briefing in a warm open. */
  readonly warmBriefingMs: number;
  /** Heap after a warm open, as for the cold one. */
  readonly heapAfterWarmOpenBytes: number;
  /** What the cold open's briefing shows (`Opened.handovers`, `followUps`) and its moment. */
  readonly handoversShown: number;
  readonly followUpsShown: number;
  readonly briefingMoment: Briefing['moment'];
  /** Every note and open follow-up the cold open folded. */
  readonly handoversFolded: number;
  readonly followUpsFolded: number;
  readonly fromTeamSnapshot: boolean;
  readonly heapAfterOpenBytes: number;
  readonly cacheBytes: number;
  readonly opened: Opened;
  readonly profileDir: string;
}

/**
 * The cold opens run in functions of their own, so that nothing of a closed service is left
 * reachable from `opens` (an async function's suspended frame keeps its locals): with the fold of
 * the every-segment open still in the heap (1.5 GB at L), every collection of the warm opens after
 * it traced it, which a restart (a new process) never does.
 */
async function coldOpen(dataset: Dataset, profileDir: string) {
  fullGc();
  const before = process.memoryUsage().heapUsed;
  const opened = await open(dataset, profileDir);
  fullGc();
  const heapBytes = process.memoryUsage().heapUsed - before;
  const shown = { handovers: opened.handovers, followUps: opened.followUps, moment: opened.moment, fromTeamSnapshot: opened.fromTeamSnapshot, folded: folded(opened.service) };
  await opened.service.close();
  return { ms: opened.ms, heapBytes, shown };
}

async function everySegmentOpen(dataset: Dataset, profileDir: string): Promise<number> {
  fullGc();
  const opened = await open(dataset, profileDir, { withoutTeamSnapshot: true });
  await opened.service.close();
  return opened.ms;
}

/** Cold opens on empty profiles, then warm opens on the last one's cache; leaves the last warm open running. */
export async function opens(dataset: Dataset, reps: number): Promise<OpenResults> {
  const cold: number[] = [];
  const everySegment: number[] = [];
  const warm: number[] = [];
  let profileDir = '';
  let heapAfterOpenBytes = 0;
  let shown = { handovers: 0, followUps: 0, moment: 'off' as Briefing['moment'], fromTeamSnapshot: false, folded: { handovers: 0, followUps: 0 } };
  for (let i = 0; i < reps; i += 1) {
    if (profileDir) rmSync(profileDir, { recursive: true, force: true });
    profileDir = tempProfile();
    const measured = await coldOpen(dataset, profileDir);
    cold.push(measured.ms);
    heapAfterOpenBytes = Math.max(heapAfterOpenBytes, measured.heapBytes);
    shown = measured.shown;
  }
  for (let i = 0; i < reps; i += 1) {
    const scratch = tempProfile();
    everySegment.push(await everySegmentOpen(dataset, scratch));
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
    briefingMoment: shown.moment,
    handoversFolded: shown.folded.handovers,
    followUpsFolded: shown.folded.followUps,
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
