import { copyFileSync, mkdirSync, readFileSync, rmSync, statSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeReaderFs, type ReaderFs } from '../../electron/services/sync/reader-fs';
import { encodeSegment, formatHlc, formatOpId, type Op } from '../../shared/sync';
import { note } from '../sync/example-capabilities';
import { nodeCrypto } from '../../electron/services/sync/node-crypto';
import { computer, filesIn, identityOf, listing, logDir, manualClock, noteEdit, startService, teamFolder } from './helpers';

/** A team with Bob's device, one published segment of his, and a reader (Carol) on the same folder. */
async function folderWithBob(readerOptions: Parameters<typeof startService>[1] = {}) {
  const { sharedDir, founder, founderPlace } = await teamFolder();
  const bobPlace = computer(sharedDir, 'bob');
  const bob = startService(bobPlace, { memberName: 'Bob' });
  await bob.ready;
  bob.record([noteEdit('Bob 的笔记', 'bob-1')]);
  await bob.flushNow();
  const bobKeys = identityOf(bobPlace.profileDir);
  const bobLog = logDir(sharedDir, bob.deviceId);
  const [bobSegment] = filesIn(bobLog);
  const carol = startService(computer(sharedDir, 'carol'), { memberName: 'Carol', ...readerOptions });
  await carol.ready;
  return { sharedDir, founder, founderKeys: identityOf(founderPlace.profileDir), bob, bobKeys, bobLog, bobSegment: bobSegment!, carol };
}

let forgedCounter = 1000;

/** A valid segment of Bob's that Bob never wrote (other ops, same key); `titles` are ASCII (entity ids). */
function forgedBobSegment(bobKeys: { deviceId: string; privateKeyPem: string }, titles: string[], seq = 1, prev: string | null = null) {
  const ops: Op[] = titles.map((title, index) => ({
    id: formatOpId(bobKeys.deviceId, ++forgedCounter),
    hlc: formatHlc({ wallMs: Date.UTC(2026, 0, 5) + index, counter: 0, deviceId: bobKeys.deviceId }),
    type: 'note.set',
    entity: `note:forged-${title}`,
    data: { set: { title }, seen: {} },
  }));
  return encodeSegment({ deviceId: bobKeys.deviceId, seq, prev, ops }, bobKeys.privateKeyPem, nodeCrypto);
}

const reasons = (status: { setAside: Array<{ path: string; reason: string }> }) =>
  Object.fromEntries(status.setAside.map((file) => [file.path.slice(file.path.lastIndexOf('/') + 1), file.reason]));

describe('the folder reader', () => {
  it('quietly skips sync engine and Baton temp files', async () => {
    const { bobLog, bobSegment, carol } = await folderWithBob();
    const bytes = readFileSync(join(bobLog, bobSegment));
    for (const name of [`.syncthing.${bobSegment}.tmp`, '~syncthing~x.tmp', 'desktop.ini', '.DS_Store', `.baton-tmp-${bobSegment}.1a2b3c4d`, 'x.partial']) {
      writeFileSync(join(bobLog, name), bytes.subarray(0, 40));
    }
    await carol.syncNow();
    const status = carol.getStatus();
    expect(status.setAside).toEqual([]);
    expect(carol.state.get(note, 'bob-1')).toBeDefined();
  });

  it('salvages conflict copies named by Dropbox, Syncthing and OneDrive, identical or not', async () => {
    const { bobLog, bobSegment, bobKeys, carol } = await folderWithBob();
    const stem = bobSegment.slice(0, -'.jsonl'.length);
    copyFileSync(join(bobLog, bobSegment), join(bobLog, `${stem} (Bob's conflicted copy 2026-01-02).jsonl`));
    writeFileSync(join(bobLog, `${stem}.sync-conflict-20260102-030405-ABCDEFG.jsonl`), forgedBobSegment(bobKeys, ['syncthing']).bytes);
    writeFileSync(join(bobLog, `${stem}-DESKTOP-7Q2.jsonl`), forgedBobSegment(bobKeys, ['onedrive']).bytes);
    await carol.syncNow();
    const status = carol.getStatus();
    expect(status.setAside).toEqual([]);
    expect(status.salvaged.map((file) => file.original)).toEqual([bobSegment, bobSegment, bobSegment]);
    expect(carol.state.get(note, 'forged-syncthing')).toBeDefined();
    expect(carol.state.get(note, 'forged-onedrive')).toBeDefined();
    // Conflict copies are not files of record.
    expect(status.devices.find((device) => device.memberName === 'Bob')?.segments).toBe(1);
  });

  it('sets aside foreign and damaged files with a reason, and never deletes or moves anything', async () => {
    const clock = manualClock(Date.now());
    const { sharedDir, founder, founderKeys, bobKeys, bobLog, bobSegment, carol } = await folderWithBob({ now: clock.now, giveUpMs: 10 * 60 * 1000 });
    const good = readFileSync(join(bobLog, bobSegment));
    writeFileSync(join(bobLog, 'notes.txt'), '交接：今天没有事\n');
    writeFileSync(join(bobLog, '000000000007-00000000.jsonl'), '');
    writeFileSync(join(bobLog, 'random.bin'), randomBytes(4096));
    writeFileSync(join(bobLog, 'unrelated.json'), '{"hello":"world"}\n');
    writeFileSync(join(bobLog, 'huge.jsonl'), '');
    truncateSync(join(bobLog, 'huge.jsonl'), 200 * 1024 * 1024);
    const flipped = Buffer.from(good);
    flipped[flipped.indexOf('笔')] ^= 1;
    writeFileSync(join(bobLog, 'flipped.jsonl'), flipped);
    writeFileSync(join(bobLog, 'bad-json.jsonl'), `${good.toString('utf8').split('\n')[0]}\n{not json\n`);
    // A valid segment of Bob's dropped into the founder's folder.
    const founderLog = logDir(sharedDir, founder.deviceId);
    mkdirSync(founderLog, { recursive: true });
    copyFileSync(join(bobLog, bobSegment), join(founderLog, 'moved-here.jsonl'));
    // A segment in Bob's name, signed with someone else's key.
    writeFileSync(join(bobLog, 'forged-sig.jsonl'), forgedBobSegment({ deviceId: bobKeys.deviceId, privateKeyPem: founderKeys.privateKeyPem }, ['fake']).bytes);

    const before = listing(sharedDir);
    await carol.syncNow();
    expect(reasons(carol.getStatus())).toEqual({
      'notes.txt': 'not-a-segment',
      'random.bin': 'not-a-segment',
      'unrelated.json': 'not-a-segment',
      'huge.jsonl': 'too-large',
      'flipped.jsonl': 'hash-mismatch',
      'bad-json.jsonl': 'bad-json',
      'forged-sig.jsonl': 'bad-signature',
      'moved-here.jsonl': 'wrong-device-folder',
    });
    // The empty file may still be arriving: waited on, then set aside once it stays empty.
    clock.advance(11 * 60 * 1000);
    await carol.syncNow();
    const status = carol.getStatus();
    expect(reasons(status)['000000000007-00000000.jsonl']).toBe('empty');
    const huge = status.setAside.find((file) => file.path.endsWith('huge.jsonl'))!;
    expect(huge).toMatchObject({ path: `baton/devices/${carol.getStatus().devices.find((d) => d.memberName === 'Bob')!.deviceId}/log/huge.jsonl`, size: 200 * 1024 * 1024 });
    expect(huge.detail).toMatch(/limit/);
    // Carol may add her own files; nothing else changes.
    const others = (lines: string[]) => lines.filter((line) => !line.includes(carol.deviceId));
    expect(others(listing(sharedDir))).toEqual(others(before));
    expect(carol.state.get(note, 'bob-1')).toBeDefined();
  });

  it('reads a set-aside file again when an engine repairs it in place, keeping its size and mtime', async () => {
    const { sharedDir, bobLog, bobSegment } = await folderWithBob();
    const good = readFileSync(join(bobLog, bobSegment));
    const mtime = statSync(join(bobLog, bobSegment)).mtime;
    const dave = startService(computer(sharedDir, 'dave'), { memberName: 'Dave' });
    const damaged = Buffer.from(good);
    damaged[damaged.indexOf('笔')] ^= 1;
    writeFileSync(join(bobLog, bobSegment), damaged);
    utimesSync(join(bobLog, bobSegment), mtime, mtime);
    await dave.ready;
    expect(dave.getStatus().setAside.map((file) => file.reason)).toEqual(['hash-mismatch']);
    writeFileSync(join(bobLog, bobSegment), good);
    utimesSync(join(bobLog, bobSegment), mtime, mtime);
    await dave.syncNow();
    expect(dave.getStatus().setAside).toEqual([]);
    expect(dave.state.get(note, 'bob-1')).toBeDefined();
  });

  it('ignores a half-written segment, then reads it once complete', async () => {
    const { sharedDir, bobLog, bobKeys, carol } = await folderWithBob();
    const [first] = filesIn(bobLog);
    const firstSha = readFileSync(join(bobLog, first!), 'utf8');
    const prev = nodeCrypto.sha256Hex(Buffer.from(firstSha.slice(0, firstSha.lastIndexOf('\n', firstSha.length - 2) + 1)));
    const next = forgedBobSegment(bobKeys, ['second', 'more'], 2, prev);
    const cut = next.text.indexOf('\n', next.text.indexOf('\n') + 1) + 1;
    writeFileSync(join(bobLog, next.fileName), next.text.slice(0, cut));
    await carol.syncNow();
    expect(carol.state.get(note, 'forged-second')).toBeUndefined();
    expect(carol.getStatus().setAside).toEqual([]);
    writeFileSync(join(bobLog, next.fileName), next.text.slice(0, cut + 10));
    await carol.syncNow();
    expect(carol.getStatus().setAside).toEqual([]);
    writeFileSync(join(bobLog, next.fileName), next.bytes);
    await carol.syncNow();
    expect(carol.state.get(note, 'forged-second')).toBeDefined();
    expect(carol.state.get(note, 'forged-more')).toBeDefined();
    void sharedDir;
  });

  it('waits for the device.json of an unknown device, then reads its segments', async () => {
    const clock = manualClock(Date.now());
    const { sharedDir, bob, carol } = await folderWithBob({ now: clock.now, giveUpMs: 10 * 60 * 1000 });
    const deviceJson = join(sharedDir, 'baton', 'devices', bob.deviceId, 'device.json');
    const saved = readFileSync(deviceJson);
    // A sync engine that delivers Bob's device.json last, to a newcomer.
    rmSync(deviceJson);
    const fresh = startService(computer(sharedDir, 'dave'), { memberName: 'Dave', now: clock.now, giveUpMs: 10 * 60 * 1000 });
    await fresh.ready;
    await fresh.syncNow();
    expect(fresh.state.get(note, 'bob-1')).toBeUndefined();
    expect(fresh.getStatus().setAside).toEqual([]);
    clock.advance(11 * 60 * 1000);
    await fresh.syncNow();
    expect(fresh.getStatus().setAside.map((file) => file.reason)).toEqual(['unknown-device']);
    writeFileSync(deviceJson, saved);
    await fresh.syncNow();
    expect(fresh.state.get(note, 'bob-1')).toBeDefined();
    expect(fresh.getStatus().setAside).toEqual([]);
    void carol;
  });

  it('retries a file whose read fails (EIO, vanished mid-read) at the next poll', async () => {
    let failures = 0;
    const flaky: ReaderFs = {
      ...nodeReaderFs,
      readFile: async (path) => {
        if (path.endsWith('.jsonl') && failures < 2) {
          failures += 1;
          throw Object.assign(new Error('i/o error'), { code: failures === 1 ? 'EIO' : 'ENOENT' });
        }
        return nodeReaderFs.readFile(path);
      },
    };
    const { sharedDir } = await folderWithBob();
    const erin = startService(computer(sharedDir, 'erin'), { memberName: 'Erin', readerFs: flaky });
    await erin.ready;
    expect(erin.state.get(note, 'bob-1')).toBeUndefined();
    await erin.syncNow();
    await erin.syncNow();
    expect(erin.state.get(note, 'bob-1')).toBeDefined();
    expect(erin.getStatus().setAside).toEqual([]);
  });

  it("lists the devices' log folders several at a time, and still reads every device's segments", async () => {
    let listing = 0;
    let most = 0;
    const slow: ReaderFs = {
      ...nodeReaderFs,
      readdir: async (path) => {
        if (!path.endsWith('log')) return nodeReaderFs.readdir(path);
        listing += 1;
        most = Math.max(most, listing);
        await new Promise((resolve) => setTimeout(resolve, 5));
        listing -= 1;
        return nodeReaderFs.readdir(path);
      },
    };
    const { sharedDir } = await folderWithBob();
    const erin = startService(computer(sharedDir, 'erin'), { memberName: 'Erin', readerFs: slow });
    await erin.ready;
    await erin.syncNow();
    // The founder, Bob, Carol and Erin: four log folders (Erin's own may not be there yet).
    expect(most).toBeGreaterThan(1);
    expect(erin.state.get(note, 'bob-1')).toBeDefined();
    expect(erin.getStatus().setAside).toEqual([]);
  });
});
