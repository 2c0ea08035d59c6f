import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeCrypto } from '../../electron/services/sync/node-crypto';
import { IngestCache } from '../../electron/services/sync/snapshots/ingest-cache';
import type { IngestedFile } from '../../electron/services/sync/read/ingested-file';
import { formatHlc, formatOpId, type Op } from '../../shared/sync';
import { note } from '../sync/example-capabilities';
import { computer, countingFs, noteEdit, startService, stopService, teamFolder, tempDir, testLog } from './helpers';

async function folderWithHistory(segments: number) {
  const team = await teamFolder();
  for (let index = 0; index < segments; index += 1) {
    team.founder.record([noteEdit(`第 ${index} 条`, `h${index}`), noteEdit('又一条')]);
    await team.founder.flushNow();
  }
  return team;
}

const cacheDir = (profileDir: string, teamId: string) => join(profileDir, 'sync', 'teams', teamId, 'cache');

/** A reader computer that started once on a folder of `segments` segments and left its cache. */
async function cacheLeftBy(segments: number) {
  const { sharedDir } = await folderWithHistory(segments);
  const place = computer(sharedDir, 'reader');
  const first = startService(place, { memberName: 'Bob' });
  await first.ready;
  const { teamId, stateHash } = first.getStatus();
  await stopService(first);
  return { place, stateHash, dir: cacheDir(place.profileDir, teamId!) };
}

/** A cache of its own, empty and loaded, with no base (no key to check one with); `reopen` is the next start's. */
async function emptyCache() {
  const noBase = { schemas: '0'.repeat(64), code: 'test', publicKeyFor: () => undefined, crypto: nodeCrypto };
  const dir = tempDir('cache');
  const reopen = () => new IngestCache(dir, 'a'.repeat(26), testLog(), noBase);
  const cache = reopen();
  await cache.load();
  return { dir, reopen, cache };
}

describe('the local cache', () => {
  it('lets a restart skip every file it already took in, then read only new ones', async () => {
    const { sharedDir, founder } = await folderWithHistory(6);
    const place = computer(sharedDir, 'reader');
    const first = startService(place, { memberName: 'Bob' });
    await first.ready;
    const before = first.getStatus();
    expect(first.state.get(note, 'h5')).toBeDefined();
    await stopService(first);

    const { fs, reads } = countingFs();
    const second = startService(place, { memberName: 'Bob', readerFs: fs });
    await second.ready;
    expect(reads).toEqual([]);
    expect(second.getStatus()).toMatchObject({ stateHash: before.stateHash, opsCount: before.opsCount });
    expect(second.getStatus().devices.find((device) => device.deviceId === founder.deviceId)?.segments).toBe(6);

    founder.record([noteEdit('new', 'fresh')]);
    await founder.flushNow();
    await second.syncNow();
    expect(reads).toHaveLength(1);
    expect(second.state.get(note, 'fresh')).toBeDefined();
  });

  it('is rebuilt from the folder when damaged, with a notice', async () => {
    const { place, stateHash, dir } = await cacheLeftBy(3);
    const chunk = readdirSync(dir).find((name) => name.startsWith('chunk-'))!;
    writeFileSync(join(dir, chunk), readFileSync(join(dir, chunk), 'utf8').slice(0, 100));

    const log = testLog();
    const { fs, reads } = countingFs();
    const second = startService(place, { memberName: 'Bob', readerFs: fs, log });
    await second.ready;
    expect(second.getStatus().stateHash).toBe(stateHash);
    expect(second.getStatus().notices.map((notice) => notice.kind)).toContain('cache-rebuilt');
    expect(reads).toHaveLength(3);
    expect(log.lines.some((line) => line.includes('damaged'))).toBe(true);
  });

  it('is versioned: a cache of another format is not trusted', async () => {
    const { place, stateHash, dir } = await cacheLeftBy(2);
    for (const name of readdirSync(dir).filter((file) => file.startsWith('chunk-'))) {
      const [headerLine, body] = readFileSync(join(dir, name), 'utf8').split('\n');
      const header = JSON.parse(headerLine!);
      expect(header.format).toBe('baton/sync-cache@2');
      writeFileSync(join(dir, name), `${JSON.stringify({ ...header, format: 'baton/sync-cache@3' })}\n${body}`);
    }
    const second = startService(place, { memberName: 'Bob' });
    await second.ready;
    expect(second.getStatus().stateHash).toBe(stateHash);
    expect(second.getStatus().notices.map((notice) => notice.kind)).toContain('cache-rebuilt');
  });

  it('keeps few chunk files however many times it is written, and loses nothing when merging', async () => {
    const { dir, reopen, cache } = await emptyCache();
    const device = 'b'.repeat(26);
    for (let seq = 1; seq <= 200; seq += 1) {
      const op: Op = {
        id: formatOpId(device, seq),
        hlc: formatHlc({ wallMs: 1_700_000_000_000 + seq, counter: 0, deviceId: device }),
        type: 'note.set',
        entity: `note:c${seq}`,
        data: { set: { title: String(seq) }, seen: {} },
      };
      const file: IngestedFile = {
        path: `baton/devices/${device}/log/${String(seq).padStart(12, '0')}-00000000.jsonl`,
        deviceId: device,
        seq,
        sha256: '0'.repeat(64),
        size: 100,
        mtimeMs: 1,
        firstSeenAt: 1,
        lastHlc: op.hlc,
        opCount: 1,
        salvaged: false,
        original: null,
        live: true,
      };
      cache.add([file], [op]);
      await cache.flush();
    }
    expect(readdirSync(dir).filter((name) => name.startsWith('chunk-')).length).toBeLessThanOrEqual(9);
    const reloaded = await reopen().load();
    expect(reloaded?.files).toHaveLength(200);
    expect(reloaded?.snapshot.ops).toHaveLength(200);
  });

  it('writes a first read of a large folder as several chunks, its files with the last, and gets every op back', async () => {
    const { dir, reopen, cache } = await emptyCache();
    const device = 'b'.repeat(26);
    const ops: Op[] = Array.from({ length: 120_001 }, (_, index) => ({
      id: formatOpId(device, index + 1),
      hlc: formatHlc({ wallMs: 1_700_000_000_000 + index, counter: 0, deviceId: device }),
      type: 'note.commented',
      entity: `note:c${index % 500}`,
      data: { text: '交接' },
    }));
    const file = (seq: number): IngestedFile => ({
      path: `baton/devices/${device}/log/${String(seq).padStart(12, '0')}-00000000.jsonl`,
      deviceId: device, seq, sha256: '0'.repeat(64), size: 100, mtimeMs: 1, firstSeenAt: 1, lastHlc: ops.at(-1)!.hlc, opCount: 1, salvaged: false, original: null, live: true,
    });
    cache.add([file(1), file(2)], ops);
    await cache.flush();
    const chunks = readdirSync(dir).filter((name) => name.startsWith('chunk-')).sort();
    expect(chunks).toHaveLength(3);
    // Only the last names the files: a crash before it leaves ops whose files are read again.
    const filesIn = (name: string) => (JSON.parse(readFileSync(join(dir, name), 'utf8').split('\n')[1]!) as { files: unknown[] }).files.length;
    expect(chunks.map(filesIn)).toEqual([0, 0, 2]);
    const reloaded = await reopen().load();
    expect(reloaded?.files).toHaveLength(2);
    expect(reloaded?.snapshot.ops).toHaveLength(120_001);
  });
});
