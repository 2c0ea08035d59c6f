import { renameSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nodePublishFs, type PublishFs } from '../../electron/services/sync/write/publisher';
import { computer, noteEdit, startService, stopService, teamFolder, testLog } from './helpers';

/** The log lines a fault leaves: WARN when it starts, INFO with counts when it is over. */
const linesOf = (log: { lines: string[] }, from = 0) => log.lines.slice(from).filter((line) => !line.startsWith('info [sync] wrote device.json'));

describe('faults leave a trace in the log', () => {
  it('warns when the folder vanishes, and tells how many held edits it published when it is back', async () => {
    const { sharedDir } = await teamFolder();
    const log = testLog();
    const bob = startService(computer(sharedDir, 'bob'), { memberName: 'Bob', log });
    await bob.ready;
    const away = `${sharedDir}-away`;
    renameSync(sharedDir, away);
    await bob.syncNow();
    expect(bob.getStatus().faults).toMatchObject([{ kind: 'folder-unavailable' }]);
    for (let i = 0; i < 3; i++) bob.record([noteEdit(`held ${i}`)]);
    await bob.syncNow();
    await bob.syncNow();
    const warns = log.lines.filter((line) => line.startsWith('warn [sync] the shared folder is unavailable (folder-missing'));
    expect(warns).toHaveLength(1);

    renameSync(away, sharedDir);
    await bob.syncNow();
    expect(log.lines).toContainEqual(expect.stringMatching(/^info \[sync\] the shared folder is back after \d+ s; 3 edit\(s\) held meanwhile are published now$/));
    expect(log.lines).toContain('info [sync] published 3 edit(s) held while the folder was away');
    expect(bob.getStatus().faults).toEqual([]);
  });

  it('probes the folder before a publish: a folder gone since the last poll is told at once, nothing written', async () => {
    const { sharedDir } = await teamFolder();
    const log = testLog();
    const bob = startService(computer(sharedDir, 'bob'), { memberName: 'Bob', log });
    await bob.ready;
    await bob.syncNow();
    expect(bob.getStatus().available).toBe(true);
    renameSync(sharedDir, `${sharedDir}-away`);
    bob.record([noteEdit('while away')]);
    // A publish alone (the close), without a poll in between.
    await stopService(bob);
    expect(log.lines).toContainEqual(expect.stringMatching(/^warn \[sync\] the shared folder is unavailable \(folder-missing/));
    expect(log.lines.some((line) => line.includes('publishing'))).toBe(false);
  });

  it('warns once while renames are refused, and tells when publishing works again', async () => {
    const { sharedDir } = await teamFolder();
    const log = testLog();
    let refuse = true;
    const publishFs: PublishFs = {
      ...nodePublishFs,
      rename: async (from, to) => {
        if (refuse && to.endsWith('.jsonl')) throw Object.assign(new Error('operation not permitted'), { code: 'EPERM' });
        return nodePublishFs.rename(from, to);
      },
    };
    const bob = startService(computer(sharedDir, 'bob'), { memberName: 'Bob', log, publishFs, renameRetries: 1 });
    await bob.ready;
    bob.record([noteEdit('refused 1')]);
    await bob.syncNow();
    bob.record([noteEdit('refused 2')]);
    await bob.syncNow();
    expect(bob.getStatus().faults).toMatchObject([{ kind: 'publish-failing' }]);
    expect(log.lines.filter((line) => /^warn \[sync\] publishing .* failed \(EPERM\)/.test(line))).toHaveLength(1);
    refuse = false;
    await bob.syncNow();
    expect(log.lines).toContainEqual(
      expect.stringMatching(/^info \[sync\] publishing works again after \d+ s and 2 refused attempt\(s\); published 2 waiting edit\(s\)$/),
    );
    expect(bob.getStatus().faults).toEqual([]);
  });

  it('says at a start what a stop left to do', async () => {
    const { sharedDir } = await teamFolder();
    const place = computer(sharedDir, 'bob');
    const first = startService(place, { memberName: 'Bob' });
    await first.ready;
    const away = `${sharedDir}-away`;
    renameSync(sharedDir, away);
    first.record([noteEdit('one')]);
    first.record([noteEdit('two')]);
    await stopService(first);
    renameSync(away, sharedDir);
    const log = testLog();
    const again = startService(place, { memberName: 'Bob', log });
    await again.ready;
    expect(linesOf(log)[0]).toBe('info [sync] start: 2 edit(s) recorded before the last stop are not published yet; publishing them');
    expect(again.getStatus().pendingOutbox).toBe(0);
  });
});
