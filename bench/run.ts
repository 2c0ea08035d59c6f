import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { cleanBenchWrites, ensureDataset, SIZES, type SizeName } from './generate';
import { apply, floor, fullGc, opens, peer, search } from './measure';
import { continuousPropagation, propagation } from './propagation';
import { setAsideByRules } from './set-aside';
import { median, round, summary } from './stats';
import { syncthingPropagation } from './syncthing';

/**
 * `npm run bench -- --size S|M|L [--seed 1] [--quick] [--reps n] [--results dir] [--data dir]`
 * Generates (or takes from the cache) the seeded team history, measures it, prints a table and
 * writes `<results>/<size>.json`. `--quick`: fewer repetitions (the smoke test).
 */
const { values } = parseArgs({
  options: {
    size: { type: 'string', default: 'S' },
    seed: { type: 'string', default: '1' },
    quick: { type: 'boolean', default: false },
    results: { type: 'string', default: join('bench', 'results') },
    data: { type: 'string' },
    reps: { type: 'string' },
    'skip-propagation': { type: 'boolean', default: false },
  },
});

const size = values.size!.toUpperCase() as SizeName;
if (!(size in SIZES)) throw new Error(`--size must be S, M or L, not ${values.size}`);
const quick = values.quick!;
const reps = values.reps ? Number(values.reps) : quick ? 1 : 3;
const log = (line: string) => console.error(line);

/** A bound: at most (≤) or more than (>) `limit`. */
interface Bound {
  readonly op: '≤' | '>';
  readonly limit: number;
}

interface Target {
  readonly metric: string;
  /** Issue #19's targets per size (S is judged by M's). */
  readonly M: Bound;
  readonly L: Bound;
  readonly value: number | null;
  /** Against this run's size's bound; null where nothing was measured. */
  readonly met: boolean | null;
}
type BenchResult = Awaited<ReturnType<typeof measureAll>>;

async function measureAll() {
  const dataset = await ensureDataset(size, values.seed!, values.data, log);
  cleanBenchWrites(dataset);
  const { meta } = dataset;
  log(`${size}: ${meta.counts.ops} ops in ${meta.counts.segments} segments (${(meta.counts.bytesOnDisk / 2 ** 20).toFixed(1)} MiB), ${meta.members} members on ${meta.devices} devices, ${meta.days} days${dataset.fresh ? `, generated in ${(meta.generatedMs / 1000).toFixed(1)} s` : ' (cached)'}`);

  log('floor ...');
  await floor(dataset); // warms the page cache: every measure below reads from memory
  const floors: number[] = [];
  let lines = 0;
  for (let i = 0; i < Math.max(3, reps); i += 1) {
    const result = await floor(dataset);
    floors.push(result.ms);
    lines = result.lines;
  }
  const floorMs = median(floors);

  log('cold and warm open ...');
  const opened = await opens(dataset, reps);
  log('apply ...');
  const applyTimes = await apply(dataset, opened.opened.service, quick ? 5 : 20);
  log('search ...');
  const searched = search(opened.opened.service, meta.seed, 100);
  await opened.opened.service.close();
  rmSync(opened.profileDir, { recursive: true, force: true });
  fullGc();

  log('peer (Automerge) ...');
  const peerResult = peer(dataset, reps);

  log("the capabilities' rules over the history (nothing should be set aside) ...");
  const setAside = await setAsideByRules(dataset.sharedDir);
  fullGc();

  let watcher = null;
  let polling = null;
  let typing = null;
  if (!values['skip-propagation']) {
    log('propagation with the watcher ...');
    watcher = await propagation(dataset, quick ? 2 : 20, true, 5_000);
    log('propagation, polling only ...');
    polling = await propagation(dataset, quick ? 2 : 20, false, 1_000);
    log('propagation while someone keeps typing (an edit every 300 ms) ...');
    typing = await continuousPropagation(dataset, quick ? 10 : 60, 300);
  }

  const bytes = meta.counts.bytesOnDisk;
  return {
    size,
    seed: meta.seed,
    quick,
    at: new Date().toISOString(),
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? '', memoryGiB: round(totalmem() / 2 ** 30), node: process.version, platform: process.platform },
    dataset: {
      members: meta.members,
      devices: meta.devices,
      days: meta.days,
      shifts: meta.shifts,
      ops: meta.counts.ops,
      segments: meta.counts.segments,
      bytesOnDisk: bytes,
      handovers: meta.counts.handovers,
      followUps: meta.counts.followUps,
      escalations: meta.counts.escalations,
      opsByType: meta.counts.opsByType,
      generatedMs: meta.generatedMs,
      setAsideByRules: setAside,
    },
    floor: { ms: round(floorMs), lines },
    coldOpen: {
      ms: round(opened.coldMs),
      ratioToFloor: round(opened.coldMs / floorMs, 2),
      handoversShown: opened.handoversShown,
      followUpsShown: opened.followUpsShown,
      briefingMoment: opened.briefingMoment,
      handoversFolded: opened.handoversFolded,
      followUpsFolded: opened.followUpsFolded,
      fromTeamSnapshot: opened.fromTeamSnapshot,
    },
    coldOpenEverySegment: { ms: round(opened.coldEverySegmentMs), ratioToFloor: round(opened.coldEverySegmentMs / floorMs, 2) },
    warmOpen: {
      ms: round(opened.warmMs),
      ratioToFloor: round(opened.warmMs / floorMs, 2),
      cacheBytes: opened.cacheBytes,
      fromLocalCache: opened.warmFromLocalCache,
      entitiesLeftOnDisk: opened.warmLeftOnDisk,
      briefingListsMs: round(opened.warmBriefingMs),
      heapAfterOpenBytes: opened.heapAfterWarmOpenBytes,
      heapRatioToDisk: round(opened.heapAfterWarmOpenBytes / meta.counts.bytesOnDisk, 2),
    },
    apply: { opsPerSegment: 20, ...summary(applyTimes) },
    propagation: {
      watcher: watcher && { ...summary(watcher.latencies), publishP50: round(median(watcher.publishMs)) },
      polling: polling && { pollIntervalMs: 1_000, ...summary(polling.latencies), publishP50: round(median(polling.publishMs)) },
      continuousEditing: typing && {
        everyMs: 300,
        ...summary(typing.latencies),
        max: round(Math.max(...typing.latencies)),
        publishP50: round(median(typing.publishMs)),
      },
    },
    search: { queries: 100, ...searched },
    memory: { heapAfterOpenBytes: opened.heapAfterOpenBytes, bytesOnDisk: bytes, ratioToDisk: round(opened.heapAfterOpenBytes / bytes, 2) },
    peer: {
      library: '@automerge/automerge',
      loadMs: round(peerResult.ms),
      bytes: meta.peer.bytes,
      changes: meta.peer.changes,
      handovers: peerResult.handovers,
      ratioToColdOpen: round(peerResult.ms / opened.coldMs, 2),
    },
  };
}

async function main(): Promise<void> {
  const result = await measureAll();
  const judgedBy = size === 'L' ? 'L' : 'M';
  const target = (metric: string, M: Bound, L: Bound, value: number | null): Target => {
    const bound = judgedBy === 'L' ? L : M;
    return { metric, M, L, value, met: value === null ? null : bound.op === '≤' ? value <= bound.limit : value > bound.limit };
  };
  const atMost = (limit: number): Bound => ({ op: '≤', limit });
  // Issue #19's table (and the watcher's propagation from #3).
  const targets: Target[] = [
    target('cold open / floor', atMost(1.5), atMost(1.5), result.coldOpen.ratioToFloor),
    target('warm open (restart) / floor', atMost(0.3), atMost(0.15), result.warmOpen.ratioToFloor),
    target('briefing ready after the services start (ms)', atMost(250), atMost(250), result.warmOpen.briefingListsMs),
    target('apply one 20-op segment, p95 (ms)', atMost(50), atMost(50), result.apply.p95),
    target('propagation, watcher, p50 (ms)', atMost(300), atMost(300), result.propagation.watcher?.p50 ?? null),
    target('search p95 (ms)', atMost(30), atMost(30), result.search.p95),
    target('heap after open / bytes on disk', atMost(2), atMost(1.5), result.memory.ratioToDisk),
    target('Automerge load / Baton cold open', { op: '>', limit: 1 }, { op: '>', limit: 1 }, result.peer.ratioToColdOpen),
  ];
  const output = { ...result, targets: { judgedBy, list: targets } };
  mkdirSync(values.results!, { recursive: true });
  const file = join(values.results!, `${size}.json`);
  writeFileSync(file, `${JSON.stringify(output, null, 2)}\n`);
  printTable(output, targets);
  if (!quick && !values['skip-propagation']) await syncthingPropagation(8, (line) => console.log(`\n  ${line}`));
  log(`written ${file}`);
}

function printTable(r: BenchResult, targets: readonly Target[]): void {
  const mib = (n: number) => `${(n / 2 ** 20).toFixed(1)} MiB`;
  const rows: Array<[string, string]> = [
    ['dataset', `${r.dataset.ops} ops, ${r.dataset.segments} segments, ${mib(r.dataset.bytesOnDisk)}, ${r.dataset.handovers} notes, ${r.dataset.followUps} follow-ups`],
    ['set aside by the rules', Object.keys(r.dataset.setAsideByRules).length === 0 ? 'nothing' : JSON.stringify(r.dataset.setAsideByRules)],
    ['floor (read + JSON.parse)', `${r.floor.ms} ms`],
    ['cold open (team snapshot)', `${r.coldOpen.ms} ms (${r.coldOpen.ratioToFloor} × floor)`],
    ['cold open, every segment', `${r.coldOpenEverySegment.ms} ms (${r.coldOpenEverySegment.ratioToFloor} × floor)`],
    [
      'warm open (local cache)',
      `${r.warmOpen.ms} ms (${r.warmOpen.ratioToFloor} × floor)${r.warmOpen.fromLocalCache ? '' : ', NOT from the local cache'}, ${r.warmOpen.entitiesLeftOnDisk} entities left on disk; briefing built ${r.warmOpen.briefingListsMs} ms after ready; heap ${mib(r.warmOpen.heapAfterOpenBytes)} (${r.warmOpen.heapRatioToDisk} × disk)`,
    ],
    ['apply 20-op segment', `p50 ${r.apply.p50} ms, p95 ${r.apply.p95} ms`],
    ['propagation, watcher', r.propagation.watcher ? `p50 ${r.propagation.watcher.p50} ms, p95 ${r.propagation.watcher.p95} ms` : 'skipped'],
    ['propagation, polling 1 s', r.propagation.polling ? `p50 ${r.propagation.polling.p50} ms, p95 ${r.propagation.polling.p95} ms` : 'skipped'],
    [
      'propagation, typing (300 ms)',
      r.propagation.continuousEditing
        ? `p50 ${r.propagation.continuousEditing.p50} ms, p95 ${r.propagation.continuousEditing.p95} ms, max ${r.propagation.continuousEditing.max} ms`
        : 'skipped',
    ],
    ['search (100 queries)', `p50 ${r.search.p50} ms, p95 ${r.search.p95} ms; index of ${r.search.documents} notes built in ${r.search.buildMs} ms`],
    ['heap after open', `${mib(r.memory.heapAfterOpenBytes)} (${r.memory.ratioToDisk} × disk)`],
    ['peer: Automerge load', `${r.peer.loadMs} ms (${r.peer.ratioToColdOpen} × Baton cold open)`],
  ];
  const width = Math.max(...rows.map(([name]) => name.length));
  console.log(`\nBaton bench, size ${r.size}${r.quick ? ' (quick)' : ''}`);
  for (const [name, value] of rows) console.log(`  ${name.padEnd(width)}  ${value}`);
  const judgedBy = r.size === 'L' ? 'L' : 'M';
  const bound = (b: Bound) => `${b.op} ${b.limit}`.padEnd(7);
  const metricWidth = Math.max(...targets.map((t) => t.metric.length));
  console.log(`\n  targets (issue #19; this run judged by ${judgedBy}'s):`);
  console.log(`       ${'metric'.padEnd(metricWidth)}  ${'M'.padEnd(7)} ${'L'.padEnd(7)} measured at ${r.size}`);
  for (const t of targets) {
    const verdict = t.met === null ? '-   ' : t.met ? 'met ' : 'MISS';
    console.log(`  ${verdict} ${t.metric.padEnd(metricWidth)}  ${bound(t.M)} ${bound(t.L)} ${t.value ?? 'not measured'}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
