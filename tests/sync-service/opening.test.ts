import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it, vi } from 'vitest';
import { BriefingService } from '../../electron/services/briefing/briefing-service';
import { nodeReaderFs, type ReaderFs } from '../../electron/services/sync/reader-fs';
import { snapshotHeaderOf } from '../../electron/services/sync/snapshots/snapshot-codec';
import type { SyncService } from '../../electron/services/sync/sync-service';
import type { SyncOpening, SyncStatus } from '../../shared/sync/status';
import { note } from '../sync/example-capabilities';
import { computer, filesIn, noteEdit, startService, stopService, teamFolder, testLog } from './helpers';

const snapDir = (sharedDir: string, deviceId: string) => join(sharedDir, 'baton', 'devices', deviceId, 'snap');

/** A team whose root wrote 60 notes and a team snapshot of the first 50 or more; then 30 more notes in 3 segments by another computer. */
async function teamWithHistory() {
  const { sharedDir, founder, founderPlace } = await teamFolder('opening');
  await stopService(founder);
  const root = startService(founderPlace, { cacheDelayMs: 5, snapshotPolicy: { teamEveryOps: 50, baseEveryOps: 1_000_000 } });
  await root.ready;
  for (let batch = 0; batch < 6; batch += 1) {
    root.record(Array.from({ length: 10 }, (_, index) => noteEdit(`第 ${batch} 批第 ${index} 条`, `before-${batch}-${index}`)));
    await root.flushNow();
  }
  await vi.waitFor(() => {
    const names = filesIn(snapDir(sharedDir, root.deviceId));
    expect(names).toHaveLength(1);
    expect(snapshotHeaderOf(readFileSync(join(snapDir(sharedDir, root.deviceId), names[0]!)).subarray(0, 4096))?.opCount).toBeGreaterThanOrEqual(50);
  });
  await stopService(root);
  // Written after the snapshot, by another computer: read as segments.
  const member = startService(computer(sharedDir, 'member'), { memberName: 'Carol' });
  await member.ready;
  for (let batch = 0; batch < 3; batch += 1) {
    member.record(Array.from({ length: 10 }, (_, index) => noteEdit(`之后 ${batch}-${index}`, `after-${batch}-${index}`)));
    await member.flushNow();
  }
  const stateHash = member.getStatus().stateHash;
  await stopService(member);
  return { sharedDir, stateHash };
}

interface Seen {
  readonly statuses: SyncStatus[];
  readonly briefings: number;
  readonly notesListed: number[];
}

/**
 * Starts a newcomer and, between every turn of the event loop until it is ready, asks it what an
 * API call would: its status (with the hash, as getSyncStatus does), the briefing, a list.
 */
async function openWatched(sharedDir: string, overrides: Parameters<typeof startService>[1]): Promise<{ service: SyncService } & Seen> {
  const service = startService(computer(sharedDir, `new-${Math.random().toString(36).slice(2, 8)}`), { memberName: 'Bob', ...overrides });
  const briefing = new BriefingService({ sync: service, me: () => null });
  const seen = { statuses: [] as SyncStatus[], briefings: 0, notesListed: [] as number[] };
  let ready = false;
  void service.ready.then(() => (ready = true));
  while (!ready) {
    seen.statuses.push(service.getStatus());
    if (briefing.get(0).sections.length > 0) seen.briefings += 1;
    seen.notesListed.push(service.state.list(note).length);
    await nextTurn();
  }
  await service.ready;
  return { service, ...seen };
}

const openings = (statuses: readonly SyncStatus[]) => statuses.map((status) => status.opening).filter((opening): opening is SyncOpening => opening !== null);

describe('opening a team with a history', () => {
  it('answers API calls while it installs the team snapshot and reads what came after it, and ends where an open without pauses ends', async () => {
    const { sharedDir, stateHash } = await teamWithHistory();
    const log = testLog();
    const { service, statuses, briefings, notesListed } = await openWatched(sharedDir, { openSliceMs: 0, log });
    expect(log.lines.some((line) => line.includes('started from the team snapshot'))).toBe(true);

    const seen = openings(statuses);
    // Answered all along: the status says what is still arriving, in order, and how far.
    expect(statuses.length).toBeGreaterThan(10);
    expect(briefings).toBe(statuses.length);
    expect(seen[0]!.phase).toBe('folder');
    const snapshot = seen.filter((opening) => opening.phase === 'snapshot');
    expect(snapshot.some((opening) => opening.done > 0 && opening.done < opening.total)).toBe(true);
    expect(snapshot.map((opening) => opening.done)).toEqual(snapshot.map((opening) => opening.done).sort((a, b) => a - b));
    expect(seen.some((opening) => opening.phase === 'segments' && opening.total > 0)).toBe(true);
    expect(seen.map((opening) => opening.phase).join(' ')).toMatch(/^(folder )+(snapshot )+(segments ?)+$/);
    // Meanwhile the hash is not computed (the state is not whole); lists show what is known so far.
    expect(statuses.filter((status) => status.opening !== null).every((status) => status.stateHash === null)).toBe(true);
    expect(notesListed[0]).toBe(0);
    expect(notesListed).toEqual([...notesListed].sort((a, b) => a - b));

    // Once open: nothing more is arriving, and the state is the team's, as without any pause.
    const after = service.getStatus();
    expect(after.opening).toBeNull();
    expect(after.stateHash).toBe(stateHash);
    expect(service.state.list(note)).toHaveLength(90);
    const unpaused = await openWatched(sharedDir, { openSliceMs: Infinity });
    expect(unpaused.service.getStatus().stateHash).toBe(stateHash);
  });

  it('says how far it read every segment when the team has no snapshot, and pushes its progress', async () => {
    const { sharedDir, stateHash } = await teamWithHistory();
    const hidden: ReaderFs = {
      ...nodeReaderFs,
      readdir: (path) => (path.endsWith('snap') ? Promise.reject(Object.assign(new Error('hidden'), { code: 'ENOENT' })) : nodeReaderFs.readdir(path)),
    };
    const pushed: Array<SyncOpening | null> = [];
    const service = startService(computer(sharedDir, 'no-snapshot'), { memberName: 'Bob', readerFs: hidden, openSliceMs: 0 });
    service.onStatus((status) => pushed.push(status.opening));
    const { statuses } = await (async () => {
      const seen: SyncStatus[] = [];
      let ready = false;
      void service.ready.then(() => (ready = true));
      while (!ready) {
        seen.push(service.getStatus({ freshHash: false }));
        await nextTurn();
      }
      return { statuses: seen };
    })();
    const seen = openings(statuses);
    expect(seen.some((opening) => opening.phase === 'snapshot')).toBe(false);
    const segments = seen.filter((opening) => opening.phase === 'segments');
    expect(segments.some((opening) => opening.done > 0 && opening.done < opening.total)).toBe(true);
    // Pushed as it went, the last push saying it is over.
    expect(pushed.some((opening) => opening?.phase === 'segments')).toBe(true);
    expect(pushed.at(-1)).toBeNull();
    expect(service.getStatus().stateHash).toBe(stateHash);
  });

  it('lets an edit wait until the open has read everything (whenOpen), and answers at once when open', async () => {
    const { sharedDir } = await teamWithHistory();
    const service = startService(computer(sharedDir, 'edits-wait'), { memberName: 'Bob', openSliceMs: 0 });
    const seenWhenOpen: Array<{ notes: number; opening: boolean }> = [];
    // Asked right away: the open has started and read nothing yet.
    await nextTurn();
    expect(service.getStatus({ freshHash: false }).opening).not.toBeNull();
    await service.whenOpen().then(() => seenWhenOpen.push({ notes: service.state.list(note).length, opening: service.getStatus({ freshHash: false }).opening !== null }));
    expect(seenWhenOpen).toEqual([{ notes: 90, opening: false }]);
    await service.ready;
    let resolved = false;
    void service.whenOpen().then(() => (resolved = true));
    await nextTurn();
    expect(resolved).toBe(true);
  });
});
