import { existsSync, statSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { conflictCopyOriginal, decodeSegment, encodeSegment, isSyncEngineTempName } from '../../shared/sync';
import { ALICE, MONDAY_9AM, TestDevice } from '../sync/devices';
import { ed25519KeyPair, nodeCrypto } from '../sync/node-crypto';
import {
  GARBAGE_KINDS,
  SIM_EPOCH_MS,
  SPARSE_BYTES,
  SimWorld,
  conflictCopyName,
  engineNeverSyncs,
  type SimWorldOptions,
} from './sim-engine';

const keys = ed25519KeyPair();
const LOG = `baton/devices/${ALICE}/log`;

/** A real sealed segment of Alice's with `count` ops, so partial copies can be decoded. */
function segment(seq: number, count: number, prev: string | null = null) {
  const alice = new TestDevice(ALICE);
  const ops = Array.from({ length: count }, (_, index) =>
    alice.op(MONDAY_9AM + seq * 1000 + index, 'note.set', `note:n${index}`, { set: { title: `标题 ${seq}.${index}` }, seen: {} }),
  );
  return encodeSegment({ deviceId: ALICE, seq, prev, ops }, keys.privateKey, nodeCrypto);
}

const decode = (bytes: Uint8Array) => decodeSegment(bytes, (id) => (id === ALICE ? keys.publicKey : undefined), nodeCrypto);

const worlds: SimWorld[] = [];
function world(options: Partial<SimWorldOptions> = {}): SimWorld {
  const made = new SimWorld({ seed: 7, computers: ['alice', 'bob'], ...options });
  worlds.push(made);
  return made;
}

afterEach(() => {
  for (const made of worlds.splice(0)) made.dispose();
});

function seedFiles(sim: SimWorld, name: string, count: number): string[] {
  const paths: string[] = [];
  let prev: string | null = null;
  for (let seq = 1; seq <= count; seq += 1) {
    const sealed = segment(seq, 3, prev);
    prev = sealed.sha256;
    const rel = `${LOG}/${sealed.fileName}`;
    sim.write(name, rel, sealed.bytes);
    paths.push(rel);
  }
  return paths;
}

describe('SimWorld: copies', () => {
  it('copies missing files and folders, skips identical ones, and deletes nothing unless mirroring', () => {
    const sim = world();
    const paths = seedFiles(sim, 'alice', 3);
    sim.write('alice', 'baton/devices/empty-folder-check/.keep-not-synced-by-name', 'x');
    sim.write('bob', 'baton/only-on-bob.txt', 'bob');

    const first = sim.replicate('alice', 'bob');
    expect(first.delivered.sort()).toEqual([...paths, 'baton/devices/empty-folder-check/.keep-not-synced-by-name'].sort());
    expect(sim.list('bob')).toContain('baton/only-on-bob.txt');
    for (const rel of paths) expect(sim.read('bob', rel).equals(sim.read('alice', rel))).toBe(true);

    const second = sim.replicate('alice', 'bob');
    expect(second.delivered).toEqual([]);
    expect(second.conflictCopies).toEqual([]);

    const mirrored = sim.replicate('alice', 'bob', { mirrorDeletes: true });
    expect(mirrored.deleted).toEqual(['baton/only-on-bob.txt']);
    expect(sim.list('bob')).not.toContain('baton/only-on-bob.txt');
  });

  it('is deterministic from its seed', () => {
    const run = (seed: number) => {
      const sim = world({ seed, computers: ['alice', 'bob', 'carol'] });
      seedFiles(sim, 'alice', 12);
      const reports = [
        sim.replicate('alice', 'bob', { deliverRate: 0.5, partialRate: 0.3, duplicateRate: 0.3, conflictCopyRate: 0.2 }),
        sim.replicate('bob', 'carol', { engine: 'syncthing', partialRate: 0.5 }),
      ];
      const done = sim.completeTransfers({ count: 2 });
      sim.litter('carol');
      return JSON.stringify({ reports, done, files: sim.computers.map((computer) => [...sim.files(computer.name)]) });
    };
    expect(run(42)).toBe(run(42));
    expect(run(42)).not.toBe(run(43));
  });

  it('leaves gaps: with a deliver rate, some files wait for a later step, in shuffled order', () => {
    const sim = world();
    const paths = seedFiles(sim, 'alice', 20);
    const report = sim.replicate('alice', 'bob', { deliverRate: 0.5 });
    expect(report.delivered.length).toBeGreaterThan(0);
    expect(report.deferred.length).toBeGreaterThan(0);
    expect([...report.delivered, ...report.deferred].sort()).toEqual(paths);
    expect(report.delivered).not.toEqual([...report.delivered].sort());
    const later = sim.replicate('alice', 'bob');
    expect(later.delivered.sort()).toEqual(report.deferred.sort());
  });
});

describe('SimWorld: partial files', () => {
  it('in place (SMB): the name shows a truncated segment, which decodes as incomplete until finished', () => {
    const sim = world({ engine: 'smb' });
    const paths = seedFiles(sim, 'alice', 8);
    const report = sim.replicate('alice', 'bob', { partialRate: 1 });
    expect(report.partial.sort()).toEqual(paths);
    for (const rel of paths) {
      const whole = sim.read('alice', rel);
      const seen = sim.read('bob', rel);
      expect(seen.length).toBeLessThan(whole.length);
      expect(whole.subarray(0, seen.length).equals(seen)).toBe(true);
      const decoded = decode(seen);
      expect(decoded.ok).toBe(false);
      if (!decoded.ok) expect(decoded.reason).toBe('incomplete');
    }
    expect(sim.pendingTransfers('bob')).toHaveLength(paths.length);
    // A later replicate does not trip over the file still arriving.
    expect(sim.replicate('alice', 'bob').conflictCopies).toEqual([]);

    sim.completeTransfers({ count: 3 });
    expect(sim.pendingTransfers('bob')).toHaveLength(paths.length - 3);
    sim.completeTransfers();
    for (const rel of paths) expect(decode(sim.read('bob', rel)).ok).toBe(true);
  });

  it('via a pre-sized temp file (Syncthing): nothing at the name until the rename', () => {
    const sim = world({ engine: 'syncthing' });
    const [rel] = seedFiles(sim, 'alice', 1);
    sim.replicate('alice', 'bob', { partialRate: 1 });
    const name = rel!.slice(rel!.lastIndexOf('/') + 1);
    const temp = `${LOG}/.syncthing.${name}.tmp`;
    expect(sim.list('bob')).toEqual([temp]);
    expect(statSync(sim.abs('bob', temp)).size).toBe(sim.read('alice', rel!).length);
    expect(isSyncEngineTempName(`.syncthing.${name}.tmp`)).toBe(true);
    sim.completeTransfers();
    expect(sim.list('bob')).toEqual([rel]);
    expect(sim.read('bob', rel!).equals(sim.read('alice', rel!))).toBe(true);
  });

  it('duplicates: a second delivery writes the same bytes again', () => {
    const sim = world();
    const paths = seedFiles(sim, 'alice', 4);
    const report = sim.replicate('alice', 'bob', { duplicateRate: 1 });
    expect(report.duplicated.sort()).toEqual(paths);
    const done = sim.completeTransfers();
    expect(done.map((transfer) => transfer.kind)).toEqual(['rewrite', 'rewrite', 'rewrite', 'rewrite']);
    expect(sim.inAgreement()).toBe(true);
  });
});

describe('SimWorld: conflict copies', () => {
  const computer = { owner: 'Alice', hostName: 'DESKTOP-ABC', syncthingShortId: 'ABCDEFG' };
  const at = SIM_EPOCH_MS; // 2026-01-02 03:04:05 UTC
  const rel = `${LOG}/000000000042-deadbeef.jsonl`;

  it.each([
    ['dropbox', 0, `${LOG}/000000000042-deadbeef (Alice's conflicted copy 2026-01-02).jsonl`],
    ['dropbox', 1, `${LOG}/000000000042-deadbeef (Alice's conflicted copy 2026-01-02 (1)).jsonl`],
    ['syncthing', 0, `${LOG}/000000000042-deadbeef.sync-conflict-20260102-030405-ABCDEFG.jsonl`],
    ['onedrive', 0, `${LOG}/000000000042-deadbeef-DESKTOP-ABC.jsonl`],
    ['onedrive', 1, `${LOG}/000000000042-deadbeef-DESKTOP-ABC-2.jsonl`],
    ['smb', 0, `${LOG}/000000000042-deadbeef (1).jsonl`],
  ] as const)('names a %s copy (#%i) exactly as the engine does', (engine, number, expected) => {
    const name = conflictCopyName(engine, rel, computer, at, number);
    expect(name).toBe(expected);
    expect(conflictCopyOriginal(name.slice(LOG.length + 1))).toBe('000000000042-deadbeef.jsonl');
  });

  it('names a device.json copy too', () => {
    expect(conflictCopyName('dropbox', 'baton/devices/x/device.json', computer, at)).toBe(
      "baton/devices/x/device (Alice's conflicted copy 2026-01-02).json",
    );
  });

  it.each(['dropbox', 'syncthing', 'onedrive', 'smb'] as const)(
    '%s: two versions of one name end with the same winner on both sides and the loser kept as a copy',
    (engine) => {
      const a = segment(1, 2);
      const b = segment(1, 5);
      // Both ways round, so that each side holds the winner once.
      for (const [onAlice, onBob] of [[a, b], [b, a]] as const) {
        const sim = world({ engine });
        const rel = `${LOG}/000000000001-00000000.jsonl`;
        sim.write('alice', rel, onAlice.bytes);
        sim.write('bob', rel, onBob.bytes);
        const aliceWins = nodeCrypto.sha256Hex(onAlice.bytes) > nodeCrypto.sha256Hex(onBob.bytes);
        const there = sim.replicate('alice', 'bob');
        const back = sim.replicate('bob', 'alice');
        // The side holding the losing version renames it; the other keeps the winner, takes nothing.
        expect([there.conflictCopies.length, back.conflictCopies.length]).toEqual(aliceWins ? [1, 0] : [0, 1]);
        expect(there.outvoted).toEqual(aliceWins ? [] : [rel]);
        sim.settle();
        expect(sim.inAgreement()).toBe(true);
        expect(sim.read('alice', rel).equals(Buffer.from((aliceWins ? onAlice : onBob).bytes))).toBe(true);
        const files = sim.list('alice', LOG);
        expect(files).toHaveLength(2);
        const copies = files.filter((file) => file !== rel);
        expect(conflictCopyOriginal(copies[0]!.slice(LOG.length + 1))).toBe('000000000001-00000000.jsonl');
        const versions = files.map((file) => sim.read('alice', file).toString()).sort();
        expect(versions).toEqual([a.text, b.text].sort());
      }
    },
  );

  it('conflict-copy rate: identical copies appear next to delivered files', () => {
    const sim = world({ engine: 'syncthing' });
    const paths = seedFiles(sim, 'alice', 3);
    const report = sim.replicate('alice', 'bob', { conflictCopyRate: 1 });
    expect(report.conflictCopies).toHaveLength(3);
    for (const copy of report.conflictCopies) {
      const original = conflictCopyOriginal(copy.slice(LOG.length + 1));
      expect(original).not.toBeNull();
      expect(sim.read('bob', copy).equals(sim.read('alice', `${LOG}/${original}`))).toBe(true);
    }
    expect(paths.every((path) => sim.list('bob').includes(path))).toBe(true);
  });
});

describe('SimWorld: litter, vanishing, unmounting', () => {
  it('leaves every kind of litter, the 200 MB file sparse, and copies it without reading it', () => {
    const sim = world({ engine: 'syncthing' });
    seedFiles(sim, 'alice', 1);
    const made = sim.litter('alice');
    const names = made.map((rel) => rel.slice(rel.lastIndexOf('/') + 1));
    expect(names.some((name) => /^\.syncthing\..+\.tmp$/.test(name))).toBe(true);
    expect(names.some((name) => /^~syncthing~.+\.tmp$/.test(name))).toBe(true);
    expect(names.some((name) => name.startsWith('~$'))).toBe(true);
    expect(names).toContain('desktop.ini');
    expect(names).toContain('.DS_Store');
    expect(made.some((rel) => rel.includes('/New Folder '))).toBe(true);
    const sizes = made.map((rel) => statSync(sim.abs('alice', rel)).size);
    expect(sizes.filter((size) => size === 0).length).toBeGreaterThanOrEqual(2);
    const big = made.filter((rel) => statSync(sim.abs('alice', rel)).size === SPARSE_BYTES);
    expect(big).toHaveLength(1);
    expect(statSync(sim.abs('alice', big[0]!)).blocks * 512).toBeLessThan(1024 * 1024);
    expect(made.length).toBeGreaterThanOrEqual(GARBAGE_KINDS.length);

    sim.replicate('alice', 'bob');
    const onBob = new Set(sim.list('bob'));
    for (const rel of made) {
      const name = rel.slice(rel.lastIndexOf('/') + 1);
      expect(onBob.has(rel)).toBe(!engineNeverSyncs('syncthing', name));
    }
    expect(statSync(sim.abs('bob', big[0]!)).size).toBe(SPARSE_BYTES);
    expect(statSync(sim.abs('bob', big[0]!)).blocks * 512).toBeLessThan(1024 * 1024);
  });

  it('Dropbox never syncs desktop.ini, .DS_Store or Office owner files', () => {
    expect(engineNeverSyncs('dropbox', 'desktop.ini')).toBe(true);
    expect(engineNeverSyncs('dropbox', '.DS_Store')).toBe(true);
    expect(engineNeverSyncs('dropbox', '~$x.docx')).toBe(true);
    expect(engineNeverSyncs('smb', 'desktop.ini')).toBe(false);
    expect(engineNeverSyncs('smb', '.syncthing.a.tmp')).toBe(true);
  });

  it('vanishes files and restores an old backup', () => {
    const sim = world();
    const [first, second, third] = seedFiles(sim, 'alice', 3);
    sim.vanish('alice', (rel) => rel === third);
    sim.backup('alice', 'monday');
    sim.write('alice', third!, sim.read('alice', first!));
    sim.vanish('alice', (rel) => rel === first);
    expect(sim.list('alice', LOG)).toEqual([second, third]);
    sim.restoreBackup('alice', 'monday');
    expect(sim.list('alice', LOG)).toEqual([first, second]);
  });

  it('unmounts: the folder path is gone, replication waits, and everything is back on mount', () => {
    const sim = world();
    seedFiles(sim, 'alice', 2);
    const before = sim.files('alice');
    sim.unmount('alice');
    expect(existsSync(sim.computer('alice').sharedDir)).toBe(false);
    expect(sim.list('alice')).toEqual([]);
    const report = sim.replicate('alice', 'bob');
    expect(report.delivered).toEqual([]);
    expect(report.deferred).toEqual([]);
    expect(sim.replicate('bob', 'alice').delivered).toEqual([]);
    sim.mount('alice');
    expect(sim.files('alice')).toEqual(before);
    sim.settle();
    expect(sim.files('bob')).toEqual(before);
  });

  it('settles three computers with faults in flight', () => {
    const sim = world({ computers: ['alice', 'bob', 'carol'], seed: 99 });
    seedFiles(sim, 'alice', 6);
    sim.write('carol', 'baton/team.json', '{"format":"x"}');
    sim.replicate('alice', 'bob', { partialRate: 0.5, duplicateRate: 0.5, deliverRate: 0.7 });
    sim.replicate('carol', 'bob', { partialRate: 1 });
    sim.settle();
    expect(sim.inAgreement()).toBe(true);
    expect(sim.pendingTransfers()).toEqual([]);
    expect(sim.list('bob')).toEqual(sim.list('carol'));
  });
});
