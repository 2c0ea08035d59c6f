import { cpSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { SyncService } from '../../electron/services/sync/sync-service';
import { note } from '../sync/example-capabilities';
import { computer, noteEdit, startService, teamFolder, testLog } from './helpers';

const NEVER = 3_600_000;

/**
 * Edits the founder publishes until `reader` has one, with the reader's polls off: only a file
 * event can bring it in. Several tries, since a watcher (re)started a moment ago is not ready yet.
 */
async function arrivesByEvent(founder: SyncService, reader: SyncService): Promise<void> {
  for (let attempt = 0; attempt < 40; attempt++) {
    const id = `e${Math.random().toString(36).slice(2)}`;
    founder.record([noteEdit('by event', id)]);
    await founder.flushNow();
    try {
      await vi.waitFor(() => expect(reader.state.get(note, id)).toBeDefined(), { timeout: 500 });
      return;
    } catch {
      // Not ready yet: write another file.
    }
  }
  throw new Error('no file event reached the reader');
}

describe('a watcher that dies when the folder is deleted and made again', () => {
  it('is noticed by the polls, re-armed, told on the status while deaf, and the notice clears', async () => {
    const { sharedDir, founder } = await teamFolder();
    const log = testLog();
    // The polls' clock, moved on to say how long an event has been awaited.
    let later = 0;
    const bob = startService(computer(sharedDir, 'bob'), { memberName: 'Bob', watch: true, pollIntervalMs: NEVER, log, now: () => Date.now() + later });
    await bob.ready;
    await arrivesByEvent(founder, bob);

    // What a sync engine did after a rename fault: the folder deleted and made again, between two polls.
    const baton = join(sharedDir, 'baton');
    renameSync(baton, `${baton}-gone`);
    cpSync(`${baton}-gone`, baton, { recursive: true });
    rmSync(`${baton}-gone`, { recursive: true });

    founder.record([noteEdit('unheard', 'u1')]);
    await founder.flushNow();
    await bob.pollNow(); // finds it: an event may still be on its way
    expect(bob.state.get(note, 'u1')).toBeDefined();
    later += 9_000;
    await bob.pollNow(); // a busy computer may tell of it seconds late: not yet deaf
    expect(bob.getStatus().faults).toEqual([]);
    later += 1_000;
    await bob.pollNow(); // ten seconds and still no event for it: the watcher is deaf
    expect(bob.getStatus().faults).toMatchObject([{ kind: 'watch-silent' }]);
    expect(log.lines).toContainEqual(expect.stringMatching(/^warn \[sync\] change notices from the folder are not arriving/));

    // Re-armed: events bring files in again, and the notice goes.
    await arrivesByEvent(founder, bob);
    await vi.waitFor(() => expect(bob.getStatus().faults).toEqual([]), { timeout: 10_000 });
    expect(log.lines).toContainEqual(expect.stringMatching(/^info \[sync\] change notices from the folder arrive again after \d+ s$/));
  });

  it('is re-armed when the folder comes back after being away', async () => {
    const { sharedDir, founder } = await teamFolder();
    const bob = startService(computer(sharedDir, 'bob'), { memberName: 'Bob', watch: true, pollIntervalMs: NEVER });
    await bob.ready;
    await arrivesByEvent(founder, bob);
    const baton = join(sharedDir, 'baton');
    renameSync(baton, `${baton}-away`);
    await bob.pollNow();
    expect(bob.getStatus().faults).toMatchObject([{ kind: 'folder-unavailable' }]);
    cpSync(`${baton}-away`, baton, { recursive: true });
    rmSync(`${baton}-away`, { recursive: true });
    await bob.pollNow();
    expect(bob.getStatus().faults).toEqual([]);
    await arrivesByEvent(founder, bob);
  });
});
