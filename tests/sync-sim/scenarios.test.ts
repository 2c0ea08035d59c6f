import { appendFileSync, cpSync, existsSync, readFileSync, readdirSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isBatonTempName } from '../../electron/services/sync/durable-fs';
import type { PublishFs } from '../../electron/services/sync/write/publisher';
import { nodeReaderFs, type ReaderFs } from '../../electron/services/sync/reader-fs';
import { isSyncEngineTempName, parseOpId } from '../../shared/sync';
import { OWN_CHECK_INTERVAL_MS } from '../../electron/services/sync/repair/own-segment-check';
import { DAY, HOUR, withCluster, type Cluster } from './baton-cluster';
import { SPARSE_BYTES, conflictCopyName, engineNeverSyncs, GARBAGE_KINDS } from './sim-engine';

/**
 * SYNC-DESIGN.md, "Fault scenarios every change to sync must survive", 1–13 and 16: real SyncService
 * instances, one per simulated computer (own profile, own copy of the shared folder), with the
 * simulated sync engine moving files between the copies. Scenarios 14 and 15 are the trust
 * layer's (shared/team) and are tested there.
 */

const ABC = ['alice', 'bob', 'carol'] as const;
const MINUTE = 60 * 1000;
/** The reader's default wait before setting aside a file that stays incomplete. */
const GIVE_UP_MS = 10 * MINUTE;

const logOf = (cluster: Cluster, name: string, deviceId = cluster.service(name).deviceId) => `baton/devices/${deviceId}/log`;
const segmentsIn = (cluster: Cluster, on: string, of: string) =>
  cluster.world.list(on, logOf(cluster, of)).filter((rel) => /\/\d{12}-[0-9a-f]{8}\.jsonl$/.test(rel));
const title = (cluster: Cluster, name: string, id: string) => cluster.noteState(name, id)?.fields.title?.value;

/**
 * The end of every scenario: after a fault-free sync, every computer shows the same state, which
 * is the fold of every acknowledged op (an oracle computed without the service), holds every op,
 * has nothing waiting, and every acknowledged op is in exactly one file of record in every copy.
 */
async function expectConverged(cluster: Cluster, options: { oracle?: boolean } = {}): Promise<void> {
  await cluster.converge();
  const names = [...cluster.members.keys()];
  const statuses = names.map((name) => cluster.status(name));
  for (const status of statuses) expect(status).toMatchObject({ available: true, pendingOutbox: 0 });
  const hashes = cluster.hashes();
  expect(new Set(Object.values(hashes)).size, JSON.stringify(hashes)).toBe(1);
  if (options.oracle === false) return;
  expect(Object.values(hashes)[0]).toBe(cluster.expectedHash());
  for (const status of statuses) expect(status.opsCount).toBe(cluster.acknowledged.size);
  for (const computer of cluster.world.computers) {
    const { ops, duplicates } = cluster.publishedOps(computer.name);
    expect(duplicates).toEqual([]);
    const missing = [...cluster.acknowledged.keys()].filter((id) => !ops.has(id));
    expect(missing, `ops missing from ${computer.name}'s copy`).toEqual([]);
  }
}

/** Files present in `before` must be in `after` with the same bytes. */
function expectNothingDeletedOrChanged(before: ReadonlyMap<string, { digest: string }>, after: ReadonlyMap<string, { digest: string }>) {
  const lost = [...before].filter(([rel, info]) => after.get(rel)?.digest !== info.digest).map(([rel]) => rel);
  expect(lost).toEqual([]);
}

describe('sync fault scenarios (SYNC-DESIGN.md)', () => {
  it('scenario 1: concurrent offline edits of one field: the same winner everywhere, the loser shown as a conflict', async () => {
    await withCluster({ seed: 101, computers: [...ABC] }, async (c) => {
      c.editNote('alice', 'n1', { title: '早班交接' });
      await expectConverged(c);

      // Alice and Bob are both offline (their engines move nothing) and edit the same field.
      c.advance(HOUR);
      c.editNote('alice', 'n1', { title: 'Alice 的标题' });
      await c.service('alice').flushNow();
      c.advance(1000);
      c.editNote('bob', 'n1', { title: 'Bob 的标题' });
      await c.service('bob').flushNow();
      // Each sees its own edit only, without conflict.
      expect(title(c, 'alice', 'n1')).toBe('Alice 的标题');
      expect(title(c, 'bob', 'n1')).toBe('Bob 的标题');

      // They come back online; the engine delivers in its own order.
      c.world.replicate('bob', 'carol');
      await c.service('carol').pollNow();
      c.world.replicate('alice', 'carol');
      await expectConverged(c);
      for (const name of ABC) {
        const field = c.noteState(name, 'n1')!.fields.title!;
        expect(field.value).toBe('Bob 的标题');
        expect(field.conflicts.map((conflict) => conflict.value)).toEqual(['Alice 的标题']);
      }

      // A person resolves it having seen both: the conflict is gone everywhere.
      c.advance(MINUTE);
      c.editNote('carol', 'n1', { title: '合并后的标题' });
      await expectConverged(c);
      for (const name of ABC) {
        expect(c.noteState(name, 'n1')!.fields.title).toMatchObject({ value: '合并后的标题', conflicts: [] });
      }
    });
  });

  it('scenario 2: edit vs delete after weeks offline: the same outcome everywhere, nothing comes back unasked', async () => {
    await withCluster({ seed: 102, computers: [...ABC] }, async (c) => {
      c.editNote('alice', 'n2', { title: '旧的 SOP' });
      await expectConverged(c);

      // Carol's laptop goes offline for three weeks. Meanwhile Alice deletes the note.
      c.advance(HOUR);
      const deletion = c.deleteNote('alice', 'n2');
      await c.service('alice').flushNow();
      c.world.replicate('alice', 'bob');
      await c.service('bob').pollNow();
      c.advance(21 * DAY);
      // Carol, who never saw the delete, edits the note.
      const edit = c.editNote('carol', 'n2', { title: 'Carol 三周后的修改' });
      await c.service('carol').flushNow();

      await expectConverged(c);
      for (const name of ABC) {
        const tombstone = c.noteState(name, 'n2')!.tombstone;
        expect(tombstone).toMatchObject({ deleted: true, by: { id: deletion.id } });
        // Carol's work is not lost silently: it is listed as an edit the delete had not seen.
        expect(tombstone.deleted && tombstone.unseenEdits.map((ref) => ref.id)).toEqual([edit.id]);
      }

      // More polls, a restart, a new edit elsewhere: it stays deleted.
      await c.restart('bob');
      c.editNote('alice', 'other', { title: '别的' });
      await expectConverged(c);
      for (const name of ABC) expect(c.noteState(name, 'n2')!.tombstone.deleted).toBe(true);

      // Only a restore, asked for by a person, brings it back, with Carol's edit.
      c.restoreNote('bob', 'n2');
      await expectConverged(c);
      for (const name of ABC) {
        expect(c.noteState(name, 'n2')!.tombstone.deleted).toBe(false);
        expect(title(c, name, 'n2')).toBe('Carol 三周后的修改');
      }
    });
  });

  it('scenario 3: a segment half written or still arriving is ignored, then read once complete', async () => {
    await withCluster({ seed: 103, computers: [...ABC] }, async (c) => {
      const alice = c.service('alice');
      for (let index = 0; index < 4; index += 1) {
        c.editNote('alice', `h${index}`, { title: `半截 ${index}`, body: '正文 '.repeat(40) });
        await alice.flushNow();
      }
      const expected = alice.getStatus().stateHash;
      const aliceLog = logOf(c, 'alice');
      const onlyAliceLog = (rel: string) => rel.startsWith(`${aliceLog}/`);
      const before = { bob: c.status('bob'), carol: c.status('carol') };

      // SMB shows the files growing in place; Syncthing writes a pre-sized temp file, then renames.
      const toBob = c.world.replicate('alice', 'bob', { engine: 'smb', partialRate: 1, only: onlyAliceLog });
      const toCarol = c.world.replicate('alice', 'carol', { engine: 'syncthing', partialRate: 1, only: onlyAliceLog });
      expect(toBob.partial).toHaveLength(4);
      expect(toCarol.partial).toHaveLength(4);
      expect(c.world.list('bob', aliceLog)).toHaveLength(4);
      expect(c.world.list('carol', aliceLog).every((rel) => rel.includes('/.syncthing.'))).toBe(true);

      for (const name of ['bob', 'carol'] as const) {
        await c.service(name).pollNow();
        c.advance(GIVE_UP_MS / 2);
        await c.service(name).pollNow();
        const status = c.status(name);
        expect(status.opsCount).toBe(before[name].opsCount);
        expect(status.stateHash).toBe(before[name].stateHash);
        expect(status.setAside).toEqual([]);
        expect(c.noteState(name, 'h0')).toBeUndefined();
      }

      // Half of them complete: those are read, the rest still wait.
      c.world.completeTransfers({ count: 4 });
      for (const name of ['bob', 'carol'] as const) await c.service(name).pollNow();
      const arrived = ['bob', 'carol'].map((name) => ['h0', 'h1', 'h2', 'h3'].filter((id) => c.noteState(name, id)).length);
      expect(arrived.reduce((a, b) => a + b)).toBe(4);
      c.world.completeTransfers();
      for (const name of ['bob', 'carol'] as const) {
        await c.service(name).pollNow();
        expect(c.status(name)).toMatchObject({ stateHash: expected, setAside: [] });
      }
      await expectConverged(c);
    });
  });

  it('scenario 4: conflict copies of a segment: identical (salvaged), valid but different (salvaged), corrupt (set aside)', async () => {
    await withCluster({ seed: 104, computers: [...ABC] }, async (c) => {
      const alice = c.service('alice');
      for (const id of ['c1', 'c2', 'c3']) {
        c.editNote('alice', id, { title: `冲突 ${id}` });
        await alice.flushNow();
      }
      const [seg1, seg2, seg3] = segmentsIn(c, 'alice', 'alice');
      c.world.replicate('alice', 'bob', { only: (rel) => rel === seg1 });
      const who = c.world.computer('alice');
      const at = c.world.wallMs;
      const identical = conflictCopyName('dropbox', seg1!, who, at);
      const different = conflictCopyName('syncthing', seg1!, who, at);
      const corrupt = conflictCopyName('onedrive', seg1!, who, at);
      const truncated = conflictCopyName('smb', seg1!, who, at);
      c.world.write('bob', identical, c.world.read('alice', seg1!));
      // The engine delivered seg2 only as a conflict copy named after seg1.
      c.world.write('bob', different, c.world.read('alice', seg2!));
      const damaged = Buffer.from(c.world.read('alice', seg3!));
      damaged[damaged.indexOf('冲突')] ^= 0x01;
      c.world.write('bob', corrupt, damaged);
      const cut = c.world.read('alice', seg3!);
      c.world.write('bob', truncated, cut.subarray(0, cut.indexOf('\n') + 1));
      const copies = new Map([identical, different, corrupt, truncated].map((rel) => [rel, c.world.read('bob', rel)]));

      const bob = c.service('bob');
      await bob.pollNow();
      let status = c.status('bob');
      const name = (rel: string) => rel.slice(rel.lastIndexOf('/') + 1);
      expect(status.salvaged.map((file) => name(file.path)).sort()).toEqual([name(identical), name(different)].sort());
      for (const file of status.salvaged) expect(file.original).toBe(name(seg1!));
      expect(title(c, 'bob', 'c1')).toBe('冲突 c1');
      expect(title(c, 'bob', 'c2')).toBe('冲突 c2'); // salvaged before seg2 itself arrived
      expect(c.noteState('bob', 'c3')).toBeUndefined();
      expect(status.setAside.map((file) => [name(file.path), file.reason])).toEqual([[name(corrupt), 'hash-mismatch']]);
      // The alice device line counts files of record only.
      expect(status.devices.find((device) => device.deviceId === alice.deviceId)?.segments).toBe(1);

      // A truncated copy is "not there yet" until it stays so for long.
      c.advance(GIVE_UP_MS + MINUTE);
      await bob.pollNow();
      status = c.status('bob');
      expect(Object.fromEntries(status.setAside.map((file) => [name(file.path), file.reason]))).toEqual({
        [name(corrupt)]: 'hash-mismatch',
        [name(truncated)]: 'incomplete',
      });

      // Everything spreads; every computer agrees, and no copy was deleted or changed anywhere.
      await expectConverged(c);
      for (const computer of ABC) {
        for (const [rel, bytes] of copies) expect(c.world.read(computer, rel).equals(bytes)).toBe(true);
        expect(c.status(computer).salvaged.map((file) => name(file.path)).sort()).toEqual([name(identical), name(different)].sort());
        expect(c.status(computer).setAside.map((file) => name(file.path))).toContain(name(corrupt));
      }
    });
  });

  it('scenario 4: a damaged copy set aside, then repaired in place by an engine that keeps size and mtime, is read (without a restart)', async () => {
    await withCluster({ seed: 114, computers: ['alice', 'bob'] }, async (c) => {
      c.editNote('alice', 'm1', { title: '传坏了又修好' });
      await c.service('alice').flushNow();
      const [segment] = segmentsIn(c, 'alice', 'alice');
      const good = c.world.read('alice', segment!);
      // Syncthing, Dropbox, rsync -t and robocopy give the receiver's file the sender's mtime.
      const mtime = statSync(c.world.abs('alice', segment!)).mtime;
      const deliver = (bytes: Uint8Array) => {
        c.world.write('bob', segment!, bytes);
        utimesSync(c.world.abs('bob', segment!), mtime, mtime);
      };
      const damaged = Buffer.from(good);
      damaged[damaged.indexOf('传坏了')] ^= 0x01;
      deliver(damaged);
      await c.service('bob').pollNow();
      expect(c.status('bob').setAside.map((file) => file.reason)).toEqual(['hash-mismatch']);

      // The engine fetches the file again: the right bytes, same size, same mtime.
      deliver(good);
      await c.service('bob').pollNow();
      expect(c.status('bob').setAside).toEqual([]);
      expect(title(c, 'bob', 'm1')).toBe('传坏了又修好');
    });
  });

  it('scenario 5: foreign files (engine temp files, zero-byte, unrelated JSON, random bytes, 200 MB) are set aside or ignored, never deleted', async () => {
    await withCluster({ seed: 105, computers: [...ABC] }, async (c) => {
      c.editNote('alice', 'f1', { title: '正常的笔记' });
      c.editNote('bob', 'f2', { title: 'Bob 的笔记' });
      await expectConverged(c);
      const bob = c.service('bob');
      const aliceDevice = c.service('alice').deviceId;
      const inAliceLog = c.world.litter('bob', GARBAGE_KINDS, logOf(c, 'alice'));
      const inOwnLog = c.world.litter('bob', GARBAGE_KINDS, logOf(c, 'bob'));
      const inDevices = c.world.litter('bob', ['desktop-ini', 'ds-store', 'unrelated-json', 'zero-byte', 'syncthing-temp'], 'baton/devices');
      const elsewhere = [
        ...c.world.litter('bob', GARBAGE_KINDS, 'baton'),
        ...c.world.litter('bob', ['unrelated-json', 'random-bytes', 'desktop-ini'], `baton/devices/${aliceDevice}`),
      ];
      const litter = [...inAliceLog, ...inOwnLog, ...inDevices, ...elsewhere];
      const before = c.world.files('bob');
      await bob.syncNow();
      c.advance(GIVE_UP_MS + MINUTE);
      await bob.syncNow();
      // Bob can still publish after litter landed in his own log folder.
      c.editNote('bob', 'f3', { title: '乱七八糟之后' });
      await bob.syncNow();
      expectNothingDeletedOrChanged(before, c.world.files('bob'));
      expect(litter.every((rel) => existsSync(c.world.abs('bob', rel)))).toBe(true);

      const status = c.status('bob');
      const setAside = new Map(status.setAside.map((file) => [file.path, file.reason]));
      const expectedReason = (rel: string): string | undefined => {
        const fileName = rel.slice(rel.lastIndexOf('/') + 1);
        const folder = rel.slice(0, rel.lastIndexOf('/'));
        if (folder.includes('/New Folder ')) return undefined; // the folder is judged, not its file
        if (isSyncEngineTempName(fileName)) return undefined;
        if (folder === 'baton/devices') return 'not-a-device-folder';
        if (!folder.endsWith('/log')) return undefined; // only log folders are read
        const size = c.world.files('bob').get(rel)!.size;
        return size === 0 ? 'empty' : size === SPARSE_BYTES ? 'too-large' : 'not-a-segment';
      };
      for (const rel of litter) {
        const reason = expectedReason(rel);
        if (reason === undefined) expect(setAside.has(rel), rel).toBe(false);
        else expect([rel, setAside.get(rel)]).toEqual([rel, reason]);
      }
      for (const rel of litter.filter((path) => path.includes('/New Folder '))) {
        const folder = rel.slice(0, rel.lastIndexOf('/'));
        const parent = folder.slice(0, folder.lastIndexOf('/'));
        // A folder among the device folders, or inside a log folder, is set aside; elsewhere unread.
        const reason = parent === 'baton/devices' ? 'not-a-device-folder' : parent.endsWith('/log') ? 'not-a-segment' : undefined;
        expect(setAside.get(folder), folder).toBe(reason);
      }
      // Nothing set aside but litter.
      expect([...setAside.keys()].filter((path) => !litter.some((rel) => rel === path || rel.startsWith(`${path}/`)))).toEqual([]);

      // The engine spreads the litter; the other computers shrug too, and all agree.
      const spread = c.world.files('bob');
      await expectConverged(c);
      for (const name of ABC) {
        const files = c.world.files(name);
        for (const [rel, info] of spread) {
          if (engineNeverSyncs(c.world.engine, rel.slice(rel.lastIndexOf('/') + 1)) && name !== 'bob') continue;
          expect(files.get(rel)?.digest, `${rel} on ${name}`).toBe(info.digest);
        }
      }
      expect(title(c, 'carol', 'f3')).toBe('乱七八糟之后');
    });
  });

  it('scenario 6: share unmounted or baton/ missing: "unavailable", edits queue, nothing deleted, all published on return', async () => {
    await withCluster({ seed: 106, computers: [...ABC] }, async (c) => {
      c.editNote('alice', 'u1', { title: '共享盘在线' });
      await expectConverged(c);
      const bob = c.service('bob');
      const carol = c.service('carol');

      // Bob's share drops (an unmounted drive: the path is gone).
      const bobBefore = c.world.files('bob');
      c.world.unmount('bob');
      await bob.syncNow();
      expect(c.status('bob')).toMatchObject({ available: false, unavailableReason: 'folder-missing' });
      c.editNote('bob', 'u2', { title: '离线编辑 1' });
      c.editNote('bob', 'u3', { title: '离线编辑 2' });
      await bob.syncNow();
      await bob.flushNow();
      expect(c.status('bob')).toMatchObject({ available: false, pendingOutbox: 2 });
      // Absence is not deletion: the team's data is still shown, with Bob's own edits.
      expect(title(c, 'bob', 'u1')).toBe('共享盘在线');
      expect(title(c, 'bob', 'u3')).toBe('离线编辑 2');
      // Baton did not create the missing path on the local disk.
      expect(existsSync(c.world.computer('bob').sharedDir)).toBe(false);

      // Carol's copy is there but its baton/ folder is not (an empty mount point, a sync not done).
      const carolBaton = c.world.abs('carol', 'baton');
      renameSync(carolBaton, `${carolBaton}.away`);
      await carol.syncNow();
      expect(c.status('carol')).toMatchObject({ available: false, unavailableReason: 'no-team' });
      c.editNote('carol', 'u4', { title: 'baton 目录不见了' });
      await carol.syncNow();
      expect(c.status('carol')).toMatchObject({ available: false, pendingOutbox: 1 });
      expect(existsSync(carolBaton)).toBe(false);
      expect(title(c, 'carol', 'u1')).toBe('共享盘在线');

      // Meanwhile Alice works on.
      c.editNote('alice', 'u5', { title: '期间的编辑' });
      await c.service('alice').flushNow();

      // Both return: nothing of theirs was deleted, everything queued is published.
      c.world.mount('bob');
      renameSync(`${carolBaton}.away`, carolBaton);
      expectNothingDeletedOrChanged(bobBefore, c.world.files('bob'));
      await bob.syncNow();
      await carol.syncNow();
      expect(c.status('bob')).toMatchObject({ available: true, pendingOutbox: 0 });
      expect(c.status('carol')).toMatchObject({ available: true, pendingOutbox: 0 });
      expectNothingDeletedOrChanged(bobBefore, c.world.files('bob'));
      await expectConverged(c);
      for (const name of ABC) {
        for (const id of ['u1', 'u2', 'u3', 'u4', 'u5']) expect(c.noteState(name, id), `${id} on ${name}`).toBeDefined();
      }
    });
  });

  it('scenario 6: the share drops in the middle of a publish: nothing lost, and no temp file of ours is left once it returns', async () => {
    let dropShare: (() => void) | null = null;
    const publishFs: PublishFs = {
      rename: async (from, to) => {
        // The temp file is written and fsynced; the share goes away before the rename.
        if (dropShare && to.endsWith('.jsonl')) {
          dropShare();
          dropShare = null;
        }
        await rename(from, to);
      },
      readFile: (path) => readFile(path),
    };
    await withCluster({ seed: 116, computers: ['alice', 'bob'], perComputer: { alice: { publishFs } } }, async (c) => {
      const alice = c.service('alice');
      c.editNote('alice', 'm1', { title: '写到一半共享盘断了' });
      dropShare = () => c.world.unmount('alice');
      await alice.flushNow();
      expect(c.status('alice')).toMatchObject({ pendingOutbox: 1 });
      expect(c.status('alice').notices.map((notice) => notice.kind)).toContain('publish-failed');

      c.world.mount('alice');
      await expectConverged(c);
      // Published once the share returned; and the temp file written before the drop (which could
      // not be removed while the share was away) must not stay in the shared folder, where every
      // engine copies it to every computer, until Baton happens to be restarted.
      const own = logOf(c, 'alice');
      const leftovers = c.world.list('alice', own).filter((rel) => isBatonTempName(rel.slice(own.length + 1)));
      expect(leftovers).toEqual([]);
    });
  });

  it('scenario 7: segments arriving in any order, duplicated, or with gaps: the same final state', async () => {
    await withCluster({ seed: 107, computers: ['alice', 'bob', 'carol', 'dave'] }, async (c) => {
      // Alice and Bob write many segments; only they see each other (Carol and Dave are offline).
      for (let round = 0; round < 8; round += 1) {
        const writer = round % 3 === 2 ? 'bob' : 'alice';
        c.advance(MINUTE);
        c.editNote(writer, `o${round % 4}`, { title: `第 ${round} 版` });
        if (round % 2 === 0) c.commentNote(writer, `o${round % 4}`, `评论 ${round}`);
        if (round === 5) c.deleteNote(writer, 'o1');
        await c.service(writer).flushNow();
        c.world.replicate('alice', 'bob', { inOrder: true });
        c.world.replicate('bob', 'alice', { inOrder: true });
        await c.service('alice').pollNow();
        await c.service('bob').pollNow();
      }
      const expected = c.expectedHash();
      expect(c.status('alice').stateHash).toBe(expected);

      // Carol gets them in a random order, with gaps, duplicates, conflict copies and partial files,
      // polling after every step.
      const carol = c.service('carol');
      let lastCount = c.status('carol').opsCount;
      for (let step = 0; step < 12; step += 1) {
        c.world.replicate(step % 2 === 0 ? 'alice' : 'bob', 'carol', {
          deliverRate: 0.3,
          duplicateRate: 0.4,
          conflictCopyRate: 0.3,
          partialRate: 0.3,
        });
        if (step % 3 === 1) c.world.completeTransfers({ count: 2 });
        await carol.pollNow();
        const count = c.status('carol').opsCount;
        expect(count).toBeGreaterThanOrEqual(lastCount); // nothing read is ever unread
        lastCount = count;
      }
      // Dave gets everything at once, in order.
      c.world.replicate('alice', 'dave', { inOrder: true });
      await c.service('dave').pollNow();
      expect(c.status('dave').stateHash).toBe(expected);

      c.world.completeTransfers();
      c.world.replicate('alice', 'carol');
      c.world.replicate('bob', 'carol');
      await carol.pollNow();
      expect(c.status('carol')).toMatchObject({ stateHash: expected, opsCount: c.acknowledged.size, setAside: [] });
      await expectConverged(c);
    });
  });

  it('scenario 8: clock skew (+3 h, −2 days, a jump mid-session): convergence, and a warning names the device', async () => {
    await withCluster({ seed: 108, computers: [...ABC], offsets: { bob: 3 * HOUR, carol: -2 * DAY } }, async (c) => {
      const ids = Object.fromEntries(ABC.map((name) => [name, c.service(name).deviceId]));
      // Each writes before hearing from the others (Carol's laptop has been off the network).
      c.editNote('carol', 's1', { title: 'Carol，时钟慢两天' });
      await c.service('carol').flushNow();
      c.editNote('bob', 's2', { title: 'Bob，时钟快三小时' });
      await c.service('bob').flushNow();
      c.editNote('alice', 's3', { title: 'Alice，时钟正确' });
      await c.service('alice').flushNow();
      await expectConverged(c);

      const device = (on: string, of: string) => c.status(on).devices.find((line) => line.deviceId === ids[of])!;
      // Alice: Bob's clock is 3 h ahead, Carol's 2 days behind; both named; her own clock is behind Bob's.
      expect(device('alice', 'bob')).toMatchObject({ clockSkewWarning: true, clockSkewMs: 3 * HOUR });
      expect(device('alice', 'carol')).toMatchObject({ clockSkewWarning: true });
      expect(device('alice', 'carol').clockSkewMs).toBeLessThanOrEqual(-2 * DAY + HOUR);
      expect(c.status('alice').localClockBehind).toMatchObject({ deviceId: ids.bob, byMs: 3 * HOUR });
      expect(c.status('carol').localClockBehind).toMatchObject({ deviceId: ids.bob });
      expect(c.status('carol').localClockBehind!.byMs).toBeGreaterThanOrEqual(2 * DAY);
      expect(device('bob', 'alice').clockSkewWarning).toBe(true); // from Bob's view, Alice is 3 h behind

      // Alice's clock jumps a day ahead mid-session, and back.
      c.advance(MINUTE);
      c.member('alice').offsetMs = DAY;
      c.editNote('alice', 's4', { title: '跳到明天' });
      await c.service('alice').flushNow();
      c.member('alice').offsetMs = 0;
      c.advance(MINUTE);
      c.editNote('alice', 's5', { title: '又回到今天' });
      await c.service('alice').flushNow();
      await expectConverged(c);
      expect(device('carol', 'alice').clockSkewWarning).toBe(true);
      expect(c.status('bob').localClockBehind).toMatchObject({ deviceId: ids.alice });

      // Causality beats wall clocks: an edit made after seeing the jumped one wins, on a slow clock.
      c.editNote('alice', 's4', { title: 'Alice 再改' });
      await c.service('alice').flushNow();
      c.world.replicate('alice', 'carol');
      await c.service('carol').pollNow();
      c.editNote('carol', 's4', { title: 'Carol 看过之后改的' });
      await expectConverged(c);
      for (const name of ABC) expect(c.noteState(name, 's4')!.fields.title).toMatchObject({ value: 'Carol 看过之后改的', conflicts: [] });
    });
  });

  it('scenario 9: a profile copied to a second computer: detected, a new id minted, nothing overwritten, no edit lost', async () => {
    await withCluster({ seed: 109, computers: ['alice', 'bob', 'clone'], idle: ['clone'] }, async (c) => {
      c.editNote('alice', 'd1', { title: '复制之前' });
      await expectConverged(c, { oracle: false });
      const oldId = c.service('alice').deviceId;

      // Alice's profile is copied whole to another computer (a disk image), which starts Baton.
      await c.service('alice').close();
      cpSync(c.world.computer('alice').profileDir, c.world.computer('clone').profileDir, { recursive: true });
      c.world.settle();
      await c.restart('alice');
      const clone = c.start('clone');
      await clone.service.ready;
      expect(clone.service.deviceId).toBe(oldId);

      // Both write as the same device before either sees the other's files.
      c.editNote('alice', 'd2', { title: '原电脑写的' });
      c.editNote('clone', 'd3', { title: '复制的电脑写的' });
      c.editNote('alice', 'd1', { title: '原电脑改的 d1' });
      await c.service('alice').flushNow();
      await c.service('clone').flushNow();
      const published = new Map([...c.world.files('alice'), ...c.world.files('clone')]);

      await expectConverged(c, { oracle: false });
      const aliceId = c.service('alice').deviceId;
      const cloneId = c.service('clone').deviceId;
      expect(aliceId).not.toBe(cloneId);
      expect([aliceId, cloneId]).not.toEqual([oldId, oldId]);
      const reminted = ['alice', 'clone'].filter((name) => c.service(name).deviceId !== oldId);
      expect(reminted.length).toBeGreaterThanOrEqual(1);
      for (const name of reminted) {
        expect(c.status(name).notices).toContainEqual(
          expect.objectContaining({ kind: 'device-cloned', data: { oldDeviceId: oldId, newDeviceId: c.service(name).deviceId } }),
        );
      }
      // Nothing overwritten: every file either computer had published is still there, same bytes.
      for (const name of ['alice', 'bob', 'clone']) expectNothingDeletedOrChanged(published, c.world.files(name));

      // No edit lost: what each computer wrote before the detection shows everywhere.
      for (const name of ['alice', 'bob', 'clone']) {
        expect(title(c, name, 'd2'), `d2 on ${name}`).toBe('原电脑写的');
        expect(title(c, name, 'd3'), `d3 on ${name}`).toBe('复制的电脑写的');
        expect(title(c, name, 'd1'), `d1 on ${name}`).toBe('原电脑改的 d1');
      }
      // And both go on writing under distinct ids.
      c.editNote('alice', 'd4', { title: '之后 A' });
      c.editNote('clone', 'd5', { title: '之后 C' });
      await expectConverged(c, { oracle: false });
      for (const name of ['alice', 'bob', 'clone']) {
        expect(title(c, name, 'd4')).toBe('之后 A');
        expect(title(c, name, 'd5')).toBe('之后 C');
      }
    });
  });

  it('scenario 10: the share restored from an old backup (segments vanish): the owners publish them again', async () => {
    await withCluster({ seed: 110, computers: ['alice', 'bob', 'nas'], idle: ['nas'], engine: 'smb' }, async (c) => {
      c.editNote('alice', 'b1', { title: '备份之前' });
      await expectConverged(c);
      c.world.backup('nas', 'last-week');

      for (let round = 0; round < 3; round += 1) {
        c.advance(HOUR);
        c.editNote('alice', `a${round}`, { title: `Alice 备份之后 ${round}` });
        c.editNote('bob', `b${round}`, { title: `Bob 备份之后 ${round}` });
        await expectConverged(c);
      }
      const everything = c.world.files('nas');
      const hashBefore = c.status('alice').stateHash;

      // The NAS is restored from last week's backup; the engine carries the deletions to everyone.
      c.world.restoreBackup('nas', 'last-week');
      const onlyBaton = (rel: string) => rel.startsWith('baton/');
      const gone = c.world.replicate('nas', 'alice', { mirrorDeletes: true, only: onlyBaton }).deleted;
      c.world.replicate('nas', 'bob', { mirrorDeletes: true, only: onlyBaton });
      expect(gone.length).toBeGreaterThanOrEqual(6);
      // Alice reads the folder with Bob's newer segments gone: absence is not deletion.
      await c.service('alice').pollNow();
      expect(c.status('alice').stateHash).toBe(hashBefore);

      // The owners notice their segments are missing and write them again, byte for byte.
      await c.service('bob').pollNow();
      for (const name of ['alice', 'bob']) {
        const own = logOf(c, name);
        const expected = [...everything.keys()].filter((rel) => rel.startsWith(`${own}/`));
        const present = c.world.files(name);
        for (const rel of expected) expect(present.get(rel)?.digest, rel).toBe(everything.get(rel)!.digest);
      }
      await expectConverged(c);
      expectNothingDeletedOrChanged(everything, c.world.files('nas'));
      expect(c.status('bob').stateHash).toBe(hashBefore);
    });
  });

  describe('scenario 11: a crash at every step of a write (deterministic seams; the SIGKILL variant lives in tests/sync-service)', () => {
    type Step = 'recording' | 'sealed, before the temp file' | 'temp written, before the rename' | 'renamed, before the read-back' | 'recorded, before the outbox is cleared' | 'after every step';
    const steps: Step[] = [
      'recording',
      'sealed, before the temp file',
      'temp written, before the rename',
      'renamed, before the read-back',
      'recorded, before the outbox is cleared',
      'after every step',
    ];

    it.each(steps)('scenario 11: crash at "%s": no loss, no duplicates, leftover temp files cleaned', async (step) => {
      let mode: 'pass' | 'crash' = 'pass';
      let outboxAtRename: string | null = null;
      let reached!: () => void;
      const crashed = new Promise<void>((resolve) => (reached = resolve));
      const never = new Promise<never>(() => undefined);
      const publishFs: PublishFs = {
        rename: async (from, to) => {
          if (mode === 'pass' || !to.endsWith('.jsonl')) {
            outboxAtRename = readFileSync(outboxFile, 'utf8');
            return rename(from, to);
          }
          if (step === 'sealed, before the temp file') rmSync(from);
          if (step === 'renamed, before the read-back') await rename(from, to);
          reached();
          return never;
        },
        readFile: (path) => readFile(path),
      };
      let outboxFile = '';
      await withCluster({ seed: 111, computers: [...ABC], perComputer: { alice: { publishFs } } }, async (c) => {
        outboxFile = join(c.world.computer('alice').profileDir, 'sync', 'outbox.jsonl');
        c.editNote('alice', 'k0', { title: '崩溃之前' });
        await expectConverged(c);
        const alice = c.service('alice');
        c.editNote('alice', 'k1', { title: '崩溃时正在写' });
        c.commentNote('alice', 'k1', '同一批');

        if (step === 'recording') {
          // The process died inside record(): half a line, never acknowledged.
          appendFileSync(outboxFile, '{"ops":[{"id":"');
        } else if (step === 'recorded, before the outbox is cleared' || step === 'after every step') {
          await alice.flushNow();
          expect(outboxAtRename).not.toBeNull();
          if (step === 'recorded, before the outbox is cleared') writeFileSync(outboxFile, outboxAtRename!);
        } else {
          mode = 'crash';
          void alice.flushNow();
          await crashed;
        }
        const hung = mode === 'crash';
        const restarted = await c.crashAndRestart('alice', { publishFs: undefined }, { hung });
        await restarted.service.syncNow();

        const own = logOf(c, 'alice');
        expect(c.world.list('alice', own).filter((rel) => isBatonTempName(rel.slice(rel.lastIndexOf('/') + 1)))).toEqual([]);
        const profileFiles: string[] = readdirSync(c.world.computer('alice').profileDir, { recursive: true, encoding: 'utf8' });
        expect(profileFiles.filter((rel) => isBatonTempName(rel.slice(rel.lastIndexOf('/') + 1)))).toEqual([]);
        expect(c.status('alice')).toMatchObject({ pendingOutbox: 0, available: true });
        const { ops, duplicates } = c.publishedOps('alice');
        expect(duplicates).toEqual([]);
        const mine = [...ops.values()].filter((op) => parseOpId(op.id)?.deviceId === restarted.service.deviceId);
        expect(mine.map((op) => op.id).sort()).toEqual(
          [...c.acknowledged.values()].filter((op) => parseOpId(op.id)?.deviceId === restarted.service.deviceId).map((op) => op.id).sort(),
        );
        await expectConverged(c);
        for (const name of ABC) {
          expect(title(c, name, 'k1')).toBe('崩溃时正在写');
          expect(c.noteState(name, 'k1')!.comments.map((comment) => comment.text)).toEqual(['同一批']);
        }
      });
    });
  });

  it('scenario 12: rename refused (EPERM/EBUSY) for a while: retried, nothing lost', async () => {
    /** The error code renames of segments get, and for how many more attempts (Infinity: until told). */
    let refuse: string | null = null;
    let refusalsLeft = 0;
    let refusals = 0;
    const publishFs: PublishFs = {
      rename: async (from, to) => {
        if (refuse && refusalsLeft > 0 && to.endsWith('.jsonl')) {
          refusals += 1;
          refusalsLeft -= 1;
          throw Object.assign(new Error(`${refuse}: held by another program`), { code: refuse });
        }
        await rename(from, to);
      },
      readFile: (path) => readFile(path),
    };
    await withCluster({ seed: 112, computers: [...ABC], perComputer: { alice: { publishFs, renameRetries: 2 } } }, async (c) => {
      const alice = c.service('alice');
      c.editNote('alice', 'r0', { title: '之前' });
      await expectConverged(c);
      const aliceLog = logOf(c, 'alice');
      const segmentsBefore = segmentsIn(c, 'alice', 'alice');

      // An antivirus holds every rename for longer than the retries last.
      refuse = 'EPERM';
      refusalsLeft = Infinity;
      c.editNote('alice', 'r1', { title: '被拒绝的第一次' });
      await alice.flushNow();
      expect(refusals).toBe(3);
      refuse = 'EBUSY';
      c.editNote('alice', 'r2', { title: '被拒绝的第二次' });
      await alice.syncNow();
      expect(c.status('alice')).toMatchObject({ available: true, pendingOutbox: 2 });
      expect(c.status('alice').notices.map((notice) => notice.kind)).toContain('publish-failed');
      expect(segmentsIn(c, 'alice', 'alice')).toEqual(segmentsBefore);
      expect(c.world.list('alice', aliceLog).filter((rel) => isBatonTempName(rel.slice(aliceLog.length + 1)))).toEqual([]);
      // Edits still show locally, and nothing has reached the others yet.
      expect(title(c, 'alice', 'r2')).toBe('被拒绝的第二次');
      c.world.settle();
      await c.service('bob').pollNow();
      expect(c.noteState('bob', 'r1')).toBeUndefined();

      // The program lets go: everything is published, nothing lost or doubled.
      refuse = null;
      await alice.syncNow();
      expect(c.status('alice').pendingOutbox).toBe(0);
      expect(segmentsIn(c, 'alice', 'alice')).toHaveLength(segmentsBefore.length + 2);
      // A refusal shorter than the retries is invisible: one flush, retried, published.
      refuse = 'EBUSY';
      refusalsLeft = 2;
      const before = refusals;
      c.editNote('alice', 'r3', { title: '短暂拒绝' });
      await alice.flushNow();
      expect(refusals - before).toBe(2);
      expect(c.status('alice').pendingOutbox).toBe(0);
      expect(segmentsIn(c, 'alice', 'alice')).toHaveLength(segmentsBefore.length + 3);
      await expectConverged(c);
      for (const name of ABC) for (const id of ['r1', 'r2', 'r3']) expect(c.noteState(name, id), `${id} on ${name}`).toBeDefined();
    });
  });

  describe('scenario 13', () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    it('scenario 13: no watcher events at all: changes still appear within one poll interval', async () => {
      await withCluster({ seed: 113, computers: ['alice', 'bob'] }, async (c) => {
        c.editNote('alice', 'w1', { title: '没有文件事件' });
        await c.service('alice').flushNow();
        const expected = c.status('alice').stateHash;
        await c.service('bob').close();

        // Bob: no watcher (an SMB share gives no events) and the default poll interval (5 s), on a
        // clock this test moves by hand. His folder reads are counted: a poll starts with them.
        let reads = 0;
        const readerFs: ReaderFs = {
          stat: (path) => (reads++, nodeReaderFs.stat(path)),
          readdir: (path) => (reads++, nodeReaderFs.readdir(path)),
          readFile: (path) => (reads++, nodeReaderFs.readFile(path)),
        };
        vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
        const bob = c.start('bob', { watch: false, pollIntervalMs: undefined, readerFs }).service;
        await bob.ready;
        const turns = async (count: number) => {
          for (let index = 0; index < count; index += 1) await new Promise((resolve) => setImmediate(resolve));
        };
        await turns(50);
        reads = 0;
        c.world.replicate('alice', 'bob');
        await vi.advanceTimersByTimeAsync(4_999);
        await turns(50);
        expect(reads).toBe(0); // no poll yet, and no file event made one happen
        expect(c.noteState('bob', 'w1')).toBeUndefined();

        await vi.advanceTimersByTimeAsync(1);
        for (let turn = 0; turn < 20_000 && !c.noteState('bob', 'w1'); turn += 1) await turns(1);
        expect(reads).toBeGreaterThan(0);
        expect(title(c, 'bob', 'w1')).toBe('没有文件事件');
        expect(bob.getStatus().stateHash).toBe(expected);
        await bob.close();
      });
    });
  });

  it("scenario 16: a device's own published segment damaged or truncated in place: its owner puts back the same bytes, readers wait for it", async () => {
    // Carol's computer has a copy of the folder but starts Baton only after the damage.
    await withCluster({ seed: 116, computers: ['alice', 'bob', 'carol', 'nas'], idle: ['nas', 'carol'], engine: 'smb' }, async (c) => {
      for (const round of [1, 2, 3]) {
        c.editNote('alice', `d${round}`, { title: `原样放回 ${round}` });
        await expectConverged(c);
      }
      const everything = c.world.files('nas');
      const hashBefore = c.status('bob').stateHash;
      const [first, second] = segmentsIn(c, 'nas', 'alice');

      // Someone with write access to the share changes a byte of one segment and cuts another
      // short; every copy gets the damage (the sim's engine would settle a changed file as a conflict).
      const flipped = Buffer.from(c.world.read('nas', first!));
      flipped[flipped.indexOf('"type"')] ^= 0x01;
      const cut = c.world.read('nas', second!).subarray(0, 120);
      for (const name of ['alice', 'bob', 'carol', 'nas']) {
        c.world.write(name, first!, flipped);
        c.world.write(name, second!, cut);
      }

      // A reader from scratch sees less, and waits: the damaged file is read again once it changes.
      await c.start('carol').service.ready;
      expect(c.status('carol').stateHash).not.toBe(hashBefore);
      expect(c.status('carol').setAside.map((file) => file.detail)).toEqual([expect.stringMatching(/waiting for its device to put back its own copy$/)]);

      // Alice's next check of her own files (every few minutes) writes the same bytes back.
      c.advance(OWN_CHECK_INTERVAL_MS);
      await c.service('alice').pollNow();
      for (const rel of [first!, second!]) expect(c.world.files('alice').get(rel)?.digest, rel).toBe(everything.get(rel)!.digest);
      expect(c.status('alice').notices.filter((notice) => notice.kind === 'own-file-restored')).toHaveLength(2);
      // The owner's write is the later one: every engine carries it to the other copies.
      for (const name of ['bob', 'carol', 'nas']) for (const rel of [first!, second!]) c.world.write(name, rel, c.world.read('alice', rel));

      await expectConverged(c);
      for (const name of ['alice', 'bob', 'carol']) expect(c.status(name).stateHash).toBe(hashBefore);
      expectNothingDeletedOrChanged(everything, c.world.files('nas'));
    });
  });
});
