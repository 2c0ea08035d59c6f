import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const results = mkdtempSync(join(tmpdir(), 'baton-bench-results-'));
afterAll(() => rmSync(results, { recursive: true, force: true }));

/** Every number in the results, with its path. */
function numbers(value: unknown, path = ''): Array<[string, number]> {
  if (typeof value === 'number') return [[path, value]];
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => numbers(item, `${path}.${key}`));
  return [];
}

describe('npm run bench (smoke)', () => {
  // The S history is generated once per machine into os.tmpdir()/baton-bench/S-1 (about 30 s), then reused.
  // On a shared, loaded machine the run takes over 5 minutes (6 at a load of 28 on 2 cores).
  it('runs at size S and writes every metric as a finite number (no timing is asserted)', { timeout: 900_000 }, async () => {
    await run(process.execPath, ['--import', 'tsx', 'bench/run.ts', '--size', 'S', '--quick', '--results', results], { maxBuffer: 16 * 2 ** 20 });
    const report = JSON.parse(readFileSync(join(results, 'S.json'), 'utf8'));
    const metrics = [
      report.floor.ms,
      report.coldOpen.ms,
      report.coldOpen.ratioToFloor,
      report.coldOpenEverySegment.ms,
      report.coldOpenEverySegment.ratioToFloor,
      report.warmOpen.ms,
      report.warmOpen.ratioToFloor,
      report.apply.p50,
      report.apply.p95,
      report.propagation.watcher.p50,
      report.propagation.watcher.p95,
      report.propagation.polling.p50,
      report.propagation.polling.p95,
      report.search.p50,
      report.search.p95,
      report.memory.heapAfterOpenBytes,
      report.memory.ratioToDisk,
      report.peer.loadMs,
      report.peer.ratioToColdOpen,
    ];
    for (const value of metrics) expect(Number.isFinite(value)).toBe(true);
    for (const [path, value] of numbers(report)) expect(Number.isFinite(value), path).toBe(true);
    // The history folds as written: the trust layer admits every device, and every note and follow-up is there.
    expect(report.dataset.ops).toBeGreaterThan(10_000);
    expect(report.coldOpen.handoversFolded).toBe(report.dataset.handovers);
    expect(report.coldOpen.followUpsFolded).toBe(report.dataset.followUps);
    // The open ends with the app's briefing of the bench's person (an editor off the rota) in the history's time.
    expect(report.coldOpen.briefingMoment).toBe('off');
    // A cold open starts the way a computer new to the team does: from the root device's snapshot.
    expect(report.coldOpen.fromTeamSnapshot).toBe(true);
    // Every capability's ops are in the history, made with its own builders.
    for (const type of ['rota.monthPublished', 'rota.leaveDecided', 'rota.coverTaken', 'rota.swapAnswered', 'sop.published', 'sop.acknowledged', 'shiftChecklist.ticked', 'prize.decided', 'prize.fulfil.shipped', 'campaign.set']) {
      expect(report.dataset.opsByType[type], type).toBeGreaterThan(0);
    }
    // ... written by the people the rules allow: the rota, SOP and prize rules set nothing aside.
    expect(report.dataset.setAsideByRules).toEqual({});
    expect(report.peer.handovers).toBe(report.dataset.handovers);
    // A restart starts from this computer's local cache, not from the folder's files.
    expect(report.warmOpen.fromLocalCache).toBe(true);
    // ... and leaves the entities of its local state on disk until something asks for them.
    expect(report.warmOpen.entitiesLeftOnDisk).toBeGreaterThan(0);
    expect(report.targets.list).toHaveLength(8);
  });
});
