import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runDoctor } from '../../electron/services/sync/doctor';
import { OWN_CHECK_INTERVAL_MS } from '../../electron/services/sync/repair/own-segment-check';
import { note } from '../sync/example-capabilities';
import { computer, filesIn, logDir, manualClock, noteEdit, startService, stopService, teamFolder, testLog } from './helpers';

/** Fault scenario 16: someone who can write to the folder damages a device's own published segment in place. */
describe("a device's own segment damaged in place", () => {
  it('is put back by its owner within one check, and a fresh reader then sees the full state', async () => {
    const { sharedDir, founder, founderPlace } = await teamFolder();
    await stopService(founder);
    const clock = manualClock(Date.now());
    const log = testLog();
    const owner = startService(founderPlace, { now: clock.now, log });
    await owner.ready;
    for (const round of [1, 2, 3]) {
      owner.record([noteEdit(`第 ${round} 批`, `r${round}`)]);
      await owner.flushNow();
    }
    const before = owner.getStatus().stateHash;
    const dir = logDir(sharedDir, owner.deviceId);
    const [first, second] = filesIn(dir);
    const good = new Map([first!, second!].map((name) => [name, readFileSync(join(dir, name))]));

    // One file has a byte changed, another is cut short.
    const flipped = Buffer.from(good.get(first!)!);
    flipped[flipped.indexOf('"type"')] ^= 1;
    writeFileSync(join(dir, first!), flipped);
    writeFileSync(join(dir, second!), good.get(second!)!.subarray(0, 100));
    const early = startService(computer(sharedDir, 'early'), { memberName: 'Early' });
    await early.ready;
    expect(early.getStatus().stateHash).not.toBe(before);
    const waiting = early.getStatus().setAside.find((file) => file.path.endsWith(first!));
    expect(waiting?.detail).toMatch(/damaged in place, waiting for its device to put back its own copy$/);

    // The owner's next check (every few minutes) puts back the same bytes under the same names.
    clock.advance(OWN_CHECK_INTERVAL_MS);
    await owner.syncNow();
    for (const [name, bytes] of good) expect(readFileSync(join(dir, name)).equals(bytes), name).toBe(true);
    const notices = owner.getStatus().notices.filter((notice) => notice.kind === 'own-file-restored');
    expect(notices.map((notice) => notice.data.path).sort()).toEqual([first!, second!].map((name) => `baton/devices/${owner.deviceId}/log/${name}`).sort());
    expect(log.lines).toContainEqual(expect.stringMatching(new RegExp(`^warn \\[sync\\] ${first} of this device was damaged in the shared folder \\(hash-mismatch`)));

    // A reader that saw the damage reads the good copy; a fresh one sees everything.
    await early.syncNow();
    expect(early.getStatus()).toMatchObject({ stateHash: before, setAside: [] });
    const fresh = startService(computer(sharedDir, 'fresh'), { memberName: 'Fresh' });
    await fresh.ready;
    expect(fresh.getStatus()).toMatchObject({ stateHash: before, setAside: [] });

    // baton doctor, reading the folder from scratch after the repair, still says which files were damaged and put back.
    const report = await runDoctor(sharedDir, { capabilities: [note] });
    expect(report).toMatchObject({ stateHash: before, setAside: [] });
    expect(report.restored.map((file) => file.path).sort()).toEqual([first!, second!].map((name) => `baton/devices/${owner.deviceId}/log/${name}`).sort());
    expect(report.restored.find((file) => file.path.endsWith(first!))?.detail).toMatch(/^hash-mismatch/);
    expect(new Set(report.restored.map((file) => file.restoredAt))).toEqual(new Set([new Date(clock.now()).toISOString()]));

    // A record that is not the device's own signed one tells nothing.
    const record = join(sharedDir, 'baton', 'devices', owner.deviceId, 'restored.json');
    writeFileSync(record, readFileSync(record, 'utf8').replace(first!, '000000000042-00000000.jsonl'));
    expect((await runDoctor(sharedDir, { capabilities: [note] })).restored).toEqual([]);
  });

  it('is checked at every start', async () => {
    const { sharedDir, founder, founderPlace } = await teamFolder();
    founder.record([noteEdit('开始时检查', 's1')]);
    await founder.flushNow();
    await stopService(founder);
    const dir = logDir(sharedDir, founder.deviceId);
    const names = filesIn(dir);
    const good = readFileSync(join(dir, names.at(-1)!));
    writeFileSync(join(dir, names.at(-1)!), 'garbage');
    const again = startService(founderPlace);
    await again.ready;
    expect(readFileSync(join(dir, names.at(-1)!)).equals(good)).toBe(true);
    expect(again.getStatus().notices.map((notice) => notice.kind)).toContain('own-file-restored');
  });
});
