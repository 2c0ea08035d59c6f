import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appSyncConfig } from '../../electron/services/sync/app-sync-config';
import { runDoctor } from '../../electron/services/sync/doctor';
import { note } from '../sync/example-capabilities';
import { builtCli } from '../support/cli';
import { computer, filesIn, listing, logDir, noteEdit, startService, stopService, teamFolder, tempDir } from './helpers';

const baton = builtCli();

async function doctorCli(sharedDir: string) {
  const { stdout } = await baton('doctor', '--shared', sharedDir);
  const lines = stdout.trim().split('\n');
  expect(lines).toHaveLength(1);
  return JSON.parse(lines[0]!);
}

describe('baton doctor', () => {
  it('prints one JSON object with what a device would read, the same state hash, and writes nothing', async () => {
    const { sharedDir, founder } = await teamFolder();
    founder.record([noteEdit('交接 1', 'd1'), noteEdit('交接 2', 'd2')]);
    await founder.flushNow();
    writeFileSync(join(logDir(sharedDir, founder.deviceId), 'stray.txt'), 'not ours');
    // A device that folds with exactly the app's configuration, as the doctor does.
    const app = startService(computer(sharedDir, 'app'), { capabilities: appSyncConfig().capabilities, memberName: 'Bob' });
    await app.ready;
    await app.close();
    const before = listing(sharedDir);

    const report = await doctorCli(sharedDir);
    expect(report).toMatchObject({
      available: true,
      segments: 1,
      ops: 2,
      setAside: [{ path: `baton/devices/${founder.deviceId}/log/stray.txt`, reason: 'not-a-segment' }],
      stateHash: app.getStatus().stateHash,
    });
    expect(report.devices).toContainEqual({ id: founder.deviceId, member: 'Alice', segments: 1, lastHlc: expect.any(String) });
    expect(report.devices).toContainEqual({ id: app.deviceId, member: 'Bob', segments: 0, lastHlc: null });
    expect(listing(sharedDir)).toEqual(before);
  });

  it('folds like the service that has the same capabilities', async () => {
    const { sharedDir, founder } = await teamFolder();
    founder.record([noteEdit('a', 'x1')]);
    await founder.flushNow();
    const report = await runDoctor(sharedDir, { capabilities: [note] });
    expect(report.stateHash).toBe(founder.getStatus().stateHash);
  });

  it('says unavailable, and still exits 0, for a missing folder or one without a team', async () => {
    const missing = await doctorCli(join(tempDir(), 'nowhere'));
    expect(missing).toMatchObject({ available: false, unavailableReason: 'folder-missing', devices: [], segments: 0, ops: 0, setAside: [] });
    const empty = tempDir('empty');
    const before = listing(empty);
    expect(await doctorCli(empty)).toMatchObject({ available: false, unavailableReason: 'no-team' });
    expect(listing(empty)).toEqual(before);
  });

  it('says which damaged file its device put back, in the JSON and in words', async () => {
    const { sharedDir, founder, founderPlace } = await teamFolder();
    founder.record([noteEdit('交接 1', 'd1')]);
    await founder.flushNow();
    await stopService(founder);
    const name = filesIn(logDir(sharedDir, founder.deviceId)).at(-1)!;
    writeFileSync(join(logDir(sharedDir, founder.deviceId), name), 'garbage');
    // Its device checks its own files at every start and puts this one back.
    await startService(founderPlace).ready;

    const path = `baton/devices/${founder.deviceId}/log/${name}`;
    const { stdout, stderr } = await baton('doctor', '--shared', sharedDir);
    expect(JSON.parse(stdout)).toMatchObject({ setAside: [], restored: [{ deviceId: founder.deviceId, path, detail: 'bad-header: not a Baton segment' }] });
    expect(stderr).toContain(`baton doctor: ${path} was damaged in place (bad-header: not a Baton segment); its device put back its own copy at`);
  });

  it('refuses an unknown command with a usage line on stderr', async () => {
    await expect(baton('frobnicate')).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('usage') });
  });
});
