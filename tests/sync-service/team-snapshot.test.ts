import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { nodeCrypto } from '../../electron/services/sync/node-crypto';
import type { ReaderFs } from '../../electron/services/sync/reader-fs';
import { decodeSnapshot, encodeSnapshot, snapshotHeaderOf } from '../../electron/services/sync/snapshots/snapshot-codec';
import type { SnapshotPolicy } from '../../electron/services/sync/snapshots/snapshot-writer';
import { schemaFingerprint } from '../../shared/sync/schema-fingerprint';
import { note, prizeRequest } from '../sync/example-capabilities';
import { computer, countingFs, filesIn, identityOf, noteEdit, startService, stopService, teamFolder, testLog } from './helpers';

const snapDir = (sharedDir: string, deviceId: string) => join(sharedDir, 'baton', 'devices', deviceId, 'snap');
const cacheDir = (profileDir: string, teamId: string) => join(profileDir, 'sync', 'teams', teamId, 'cache');
const writesSnapshots = (policy: Partial<SnapshotPolicy>) => ({ cacheDelayMs: 5, snapshotPolicy: { teamEveryOps: 1_000_000, baseEveryOps: 1_000_000, ...policy } });

/** A team whose root device wrote 12 notes in 4 segments, then its team snapshot. */
async function folderWithSnapshot() {
  const { sharedDir, founder, founderPlace } = await teamFolder();
  await stopService(founder);
  const root = startService(founderPlace, writesSnapshots({ teamEveryOps: 5 }));
  await root.ready;
  for (let index = 0; index < 4; index += 1) {
    // 'ੁ一' is U+0A41 U+4E00: in UTF-16LE its bytes hold 0A 00 across the two characters, which a
    // line split that ignores character boundaries takes for a newline.
    root.record([noteEdit(`第 ${index} 条 ੁ一`, `a${index}`), noteEdit('更正', `b${index}`), noteEdit('又一条', `c${index}`)]);
    await root.flushNow();
  }
  // Snapshots follow the publishes; wait for the one that holds every op, after which none is due.
  await vi.waitFor(() => {
    const names = filesIn(snapDir(sharedDir, root.deviceId));
    expect(names).toHaveLength(1);
    expect(snapshotHeaderOf(readFileSync(join(snapDir(sharedDir, root.deviceId), names[0]!)).subarray(0, 4096))?.opCount).toBe(root.state.opsCount);
  });
  const status = root.getStatus();
  return { sharedDir, root, rootPlace: founderPlace, teamId: status.teamId!, stateHash: status.stateHash, rootId: root.deviceId };
}

describe('the team snapshot', () => {
  it('is written by the root device and lets a new computer start without reading a covered segment', async () => {
    const { sharedDir, root, stateHash } = await folderWithSnapshot();
    const { fs, reads } = countingFs();
    const log = testLog();
    const newcomer = startService(computer(sharedDir, 'new'), { memberName: 'Bob', readerFs: fs, log });
    await newcomer.ready;
    expect(reads).toEqual([]);
    expect(log.lines.some((line) => line.includes('started from the team snapshot'))).toBe(true);
    expect(newcomer.getStatus().stateHash).toBe(stateHash);
    expect(newcomer.state.get(note, 'a3')).toEqual(root.state.get(note, 'a3'));

    // What comes after the snapshot is read as segments, as always.
    root.record([noteEdit('快照之后', 'later')]);
    await root.flushNow();
    await newcomer.pollNow();
    expect(reads).toHaveLength(1);
    expect(newcomer.getStatus().stateHash).toBe(root.getStatus().stateHash);
  });

  it('replaces the older one, and only the root device writes one', async () => {
    const { sharedDir, root, rootId } = await folderWithSnapshot();
    const first = filesIn(snapDir(sharedDir, rootId));
    root.record(Array.from({ length: 6 }, (_, index) => noteEdit(`再来 ${index}`)));
    await root.flushNow();
    await replaced(snapDir(sharedDir, rootId), first[0]!);

    const memberPlace = computer(sharedDir, 'member');
    const member = startService(memberPlace, { memberName: 'Bob', ...writesSnapshots({ teamEveryOps: 1, baseEveryOps: 1 }) });
    await member.ready;
    member.record([noteEdit('成员写的')]);
    await member.flushNow();
    // Its cache got a new base (so snapshots were due), yet the shared folder got none from it.
    await vi.waitFor(() => expect(filesIn(cacheDir(memberPlace.profileDir, member.getStatus().teamId!))).toContain('base.snap'));
    expect(filesIn(snapDir(sharedDir, member.deviceId))).toEqual([]);
  });

  it('is passed over when damaged, signed by another device, or made with other op schemas: every segment is read', async () => {
    const { sharedDir, rootId, teamId, stateHash } = await folderWithSnapshot();
    const forgerPlace = computer(sharedDir, 'forger');
    await stopService(await started(startService(forgerPlace, { memberName: 'Mallory' })));
    const forger = identityOf(forgerPlace.profileDir);
    const rootKey = (JSON.parse(readFileSync(join(sharedDir, 'baton', 'team.json'), 'utf8')) as { rootPublicKey: string }).rootPublicKey;
    const [name] = filesIn(snapDir(sharedDir, rootId));
    const file = join(snapDir(sharedDir, rootId), name!);
    const original = readFileSync(file);

    // A byte of a note's text, found only by the hash. (A byte at a fixed offset may land in the
    // device list, whose schema refuses it first, for another reason.)
    const damaged = Buffer.from(original);
    const inText = damaged.indexOf(Buffer.from('更正', 'utf16le'));
    expect(inText).toBeGreaterThan(0);
    damaged[inText] ^= 0x01;
    writeFileSync(file, damaged);
    await expectFullRead(sharedDir, stateHash, /hash does not match/);

    // A member's device re-signs the root's content: the root's key is the only one taken.
    const decoded = decodeSnapshot(original, { teamId, schemas: schemaFingerprint([note], nodeCrypto), publicKeyFor: () => rootKey }, nodeCrypto);
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    const forged = encodeSnapshot(
      { teamId, deviceId: forger.deviceId, createdAt: Date.now(), schemas: decoded.snapshot.header.schemas, files: decoded.snapshot.files, devices: decoded.snapshot.devices, entities: [...decoded.snapshot.entities].filter((entity) => 'ops' in entity) },
      forger.privateKeyPem,
      nodeCrypto,
    );
    writeFileSync(file, forged.bytes);
    await expectFullRead(sharedDir, stateHash, /not signed by device/);

    // Other op schemas are what an update brings, not damage: read every segment, without a notice.
    writeFileSync(file, original);
    const { service, reads } = await startedReader(sharedDir, { capabilities: [note, prizeRequest] });
    expect(reads.length).toBeGreaterThan(0);
    expect(service.getStatus().notices).toEqual([]);
  });

  it('is passed over damaged near its end or cut short, and quietly when it cannot be read to its end: every segment is read', async () => {
    const { sharedDir, rootId, stateHash } = await folderWithSnapshot();
    const [name] = filesIn(snapDir(sharedDir, rootId));
    const file = join(snapDir(sharedDir, rootId), name!);
    const original = readFileSync(file);

    // The last entity line (read first, with the trailer): the hash finds it once the rest arrived.
    const damaged = Buffer.from(original);
    damaged[damaged.lastIndexOf(Buffer.from('又', 'utf16le'))] ^= 0x01;
    writeFileSync(file, damaged);
    await expectFullRead(sharedDir, stateHash, /hash does not match/);

    writeFileSync(file, original.subarray(0, (original.length >> 2) * 2));
    await expectFullRead(sharedDir, stateHash, /incomplete|trailer|not signed/);

    // A file that ends while it is read (being replaced, a share going away): not damage, no notice.
    writeFileSync(file, original);
    const { fs } = countingFs();
    const log = testLog();
    expect(original.length).toBeGreaterThan(4096);
    let reads = 0;
    const endsEarly: ReaderFs = {
      ...fs,
      openRead: async (path) => {
        const handle = await fs.openRead!(path);
        // The trailer arrives (the last 4 KiB), then the file is gone.
        return { ...handle, read: (...args) => (++reads <= 1 ? handle.read(...args) : Promise.resolve(0)) };
      },
    };
    const service = startService(computer(sharedDir, 'reader-2'), { memberName: 'Bob', readerFs: endsEarly, log });
    await service.ready;
    expect(log.lines.some((line) => line.includes('passed over the team snapshot'))).toBe(true);
    expect(service.getStatus().stateHash).toBe(stateHash);
    expect(service.getStatus().notices).toEqual([]);
  });

  it('is written again at once by a root whose update changed the op schemas', async () => {
    const { sharedDir, root, rootPlace, rootId } = await folderWithSnapshot();
    const [before] = filesIn(snapDir(sharedDir, rootId));
    await stopService(root);
    const updated = startService(rootPlace, { capabilities: [note, prizeRequest], ...writesSnapshots({ teamEveryOps: 5 }) });
    await updated.ready;
    const after = await replaced(snapDir(sharedDir, rootId), before!);
    const header = snapshotHeaderOf(readFileSync(join(snapDir(sharedDir, rootId), after!)).subarray(0, 4096));
    expect(header?.schemas).toBe(schemaFingerprint([note, prizeRequest], nodeCrypto));
  });
});

describe('the local cache base', () => {
  it('is the team snapshot a start began from, so a restart reads no segment either', async () => {
    const { sharedDir, stateHash } = await folderWithSnapshot();
    const place = computer(sharedDir, 'reader');
    const first = startService(place, { memberName: 'Bob', cacheDelayMs: 5 });
    await first.ready;
    const teamId = first.getStatus().teamId!;
    await vi.waitFor(() => expect(filesIn(cacheDir(place.profileDir, teamId))).toContain('base.snap'));
    await stopService(first);

    const { fs, reads } = countingFs();
    const again = startService(place, { memberName: 'Bob', readerFs: fs });
    await again.ready;
    expect(reads).toEqual([]);
    expect(again.getStatus().stateHash).toBe(stateHash);
  });

  it('replaces the chunks once they hold many ops; a damaged base is rebuilt from the folder', async () => {
    const { sharedDir, root } = await folderWithSnapshot();
    await stopService(root);
    const place = computer(sharedDir, 'reader');
    // Starts without the team snapshot (another schema set), so its chunks hold every op.
    const first = startService(place, { memberName: 'Bob', capabilities: [note, prizeRequest], ...writesSnapshots({ baseEveryOps: 10 }) });
    await first.ready;
    const { teamId, stateHash } = first.getStatus();
    await vi.waitFor(() => expect(filesIn(cacheDir(place.profileDir, teamId!))).toEqual(['base.snap', 'context.json', 'index.json']));
    await stopService(first);

    const { fs, reads } = countingFs();
    const again = startService(place, { memberName: 'Bob', capabilities: [note, prizeRequest], readerFs: fs });
    await again.ready;
    expect(reads).toEqual([]);
    expect(again.getStatus().stateHash).toBe(stateHash);
    await stopService(again);

    const base = join(cacheDir(place.profileDir, teamId!), 'base.snap');
    const bytes = readFileSync(base);
    bytes[bytes.length >> 1] ^= 0x01;
    writeFileSync(base, bytes);
    // The restart reads none of the base; the base is hashed after it (before the next sync) and rebuilt.
    const rebuilt = startService(place, { memberName: 'Bob', capabilities: [note, prizeRequest] });
    await rebuilt.ready;
    const status = await rebuilt.syncNow();
    expect(status.notices.map((notice) => notice.kind)).toContain('cache-rebuilt');
    expect(status.stateHash).toBe(stateHash);
    await stopService(rebuilt);

    // An update that changes the op schemas: the base is rebuilt too, quietly (it is not damage).
    const updated = startService(place, { memberName: 'Bob' });
    await updated.ready;
    expect(updated.getStatus().notices).toEqual([]);
    expect(updated.getStatus().stateHash).toBe(stateHash);
  });
});

/** Waits until `dir` holds one file again, and not `before`: the new snapshot written, the old one removed. */
async function replaced(dir: string, before: string): Promise<string> {
  await vi.waitFor(() => {
    const names = filesIn(dir);
    expect(names).toHaveLength(1);
    expect(names[0]).not.toBe(before);
  });
  return filesIn(dir)[0]!;
}

async function started<T extends { ready: Promise<void> }>(service: T): Promise<T> {
  await service.ready;
  return service;
}

async function startedReader(sharedDir: string, overrides: Parameters<typeof startService>[1] = {}) {
  const { fs, reads } = countingFs();
  const log = testLog();
  const service = startService(computer(sharedDir, 'reader'), { memberName: 'Bob', readerFs: fs, log, ...overrides });
  await service.ready;
  return { service, reads, log };
}

async function expectFullRead(sharedDir: string, stateHash: string | null, why: RegExp) {
  const { service, reads, log } = await startedReader(sharedDir);
  expect(reads.length).toBeGreaterThan(0);
  expect(log.lines.some((line) => line.includes('passed over the team snapshot') && why.test(line))).toBe(true);
  expect(service.getStatus().stateHash).toBe(stateHash);
  // The person hears of it on the sync screen, with the file named.
  const notices = service.getStatus().notices;
  expect(notices.map((notice) => notice.kind)).toEqual(['snapshot-passed-over']);
  expect(notices[0]!.data.path).toMatch(/^baton\/devices\/[a-z2-7]{26}\/snap\/\d{15}-[0-9a-f]{8}\.snap$/);
}
