import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeReaderFs, type ReaderFs } from '../../electron/services/sync/reader-fs';
import { note } from '../sync/example-capabilities';
import { computer, filesIn, listing, logDir, noteEdit, publishedOps, startService, stopService, teamFolder, tempDir } from './helpers';

describe('a shared folder that is away', () => {
  it('queues edits while the share is unmounted and publishes them all when it returns', async () => {
    const { sharedDir, founder } = await teamFolder();
    founder.record([noteEdit('before', 'a1')]);
    await founder.flushNow();
    const bob = startService(computer(sharedDir, 'bob'), { memberName: 'Bob' });
    await bob.ready;
    expect(bob.state.get(note, 'a1')).toBeDefined();

    // The share drops (the test moves it; Baton never does).
    const away = `${sharedDir}-away`;
    renameSync(sharedDir, away);
    await bob.syncNow();
    expect(bob.getStatus()).toMatchObject({ available: false, unavailableReason: 'folder-missing' });
    bob.record([noteEdit('offline 1', 'b1')]);
    bob.record([noteEdit('offline 2', 'b2')]);
    await bob.syncNow();
    expect(bob.getStatus().pendingOutbox).toBe(2);
    // Absence is not deletion: the team's data is still shown.
    expect(bob.state.get(note, 'a1')).toBeDefined();

    renameSync(away, sharedDir);
    await bob.syncNow();
    expect(bob.getStatus()).toMatchObject({ available: true, pendingOutbox: 0 });
    const published = [...publishedOps(sharedDir, bob.deviceId).values()].flat();
    expect(published.map((op) => op.entity)).toEqual(['note:b1', 'note:b2']);
    await founder.syncNow();
    expect(founder.state.get(note, 'b2')).toBeDefined();
  });

  it('shows the cached team data at a start while the share is away', async () => {
    const { sharedDir, founder, founderPlace } = await teamFolder();
    founder.record([noteEdit('kept', 'c1')]);
    await founder.flushNow();
    const hash = founder.getStatus().stateHash;
    await stopService(founder);
    rmSync(sharedDir, { recursive: true });
    const again = startService(founderPlace);
    await again.ready;
    expect(again.getStatus()).toMatchObject({ available: false, unavailableReason: 'folder-missing', teamName: '运营组', stateHash: hash });
    expect(again.state.get(note, 'c1')).toBeDefined();
  });

  it('leaves a chosen folder without a team untouched: "no team", edits wait', async () => {
    const sharedDir = tempDir('empty-share');
    writeFileSync(join(sharedDir, 'someone-elses-file.txt'), 'hello');
    const before = listing(sharedDir);
    const service = startService(computer(sharedDir));
    await service.ready;
    service.record([noteEdit('waiting', 'w1')]);
    await service.syncNow();
    expect(service.getStatus()).toMatchObject({ available: false, unavailableReason: 'no-team', pendingOutbox: 1 });
    expect(listing(sharedDir)).toEqual(before);
  });

  it('says "unreadable" when the folder cannot be read', async () => {
    const { sharedDir } = await teamFolder();
    const denied: ReaderFs = {
      ...nodeReaderFs,
      stat: async (path) => {
        if (path === sharedDir) throw Object.assign(new Error('permission denied'), { code: 'EACCES' });
        return nodeReaderFs.stat(path);
      },
    };
    const service = startService(computer(sharedDir, 'locked'), { readerFs: denied });
    await service.ready;
    expect(service.getStatus()).toMatchObject({ available: false, unavailableReason: 'unreadable' });
  });

  it('refuses a team.json whose root of trust changed after it was first seen', async () => {
    const { sharedDir, founder } = await teamFolder();
    const bob = startService(computer(sharedDir, 'bob'), { memberName: 'Bob' });
    await bob.ready;
    const teamFile = join(sharedDir, 'baton', 'team.json');
    const team = JSON.parse(readFileSync(teamFile, 'utf8'));
    writeFileSync(teamFile, JSON.stringify({ ...team, rootDeviceId: bob.deviceId }));
    await bob.syncNow();
    expect(bob.getStatus()).toMatchObject({ available: false, unavailableReason: 'team-replaced' });
    expect(bob.getStatus().unavailableDetail).toMatch(/root of trust/);
    void founder;
  });
});

describe('segments the folder lost', () => {
  it('are published again, byte for byte, with the device.json (a share restored from an old backup)', async () => {
    const { sharedDir, founder } = await teamFolder();
    founder.record([noteEdit('one', 'r1')]);
    await founder.flushNow();
    founder.record([noteEdit('two', 'r2')]);
    await founder.flushNow();
    const dir = logDir(sharedDir, founder.deviceId);
    const original = new Map(filesIn(dir).map((name) => [name, readFileSync(join(dir, name))]));
    expect(original.size).toBe(2);

    rmSync(join(sharedDir, 'baton', 'devices', founder.deviceId), { recursive: true });
    mkdirSync(join(sharedDir, 'baton', 'devices'), { recursive: true });
    await founder.syncNow();
    expect(new Map(filesIn(dir).map((name) => [name, readFileSync(join(dir, name))]))).toEqual(original);
    expect(JSON.parse(readFileSync(join(sharedDir, 'baton', 'devices', founder.deviceId, 'device.json'), 'utf8')).deviceId).toBe(founder.deviceId);

    // Just one of them gone.
    rmSync(join(dir, [...original.keys()][0]!));
    await founder.syncNow();
    expect(filesIn(dir)).toEqual([...original.keys()]);
    const reader = startService(computer(sharedDir, 'reader'), { memberName: 'Reader' });
    await reader.ready;
    expect(reader.state.get(note, 'r1')).toBeDefined();
    expect(reader.getStatus().setAside).toEqual([]);
  });
});
