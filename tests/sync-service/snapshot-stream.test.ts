import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeCrypto } from '../../electron/services/sync/node-crypto';
import { nodeReaderFs, type ReaderFs } from '../../electron/services/sync/reader-fs';
import { decodeSnapshot, encodeSnapshot } from '../../electron/services/sync/snapshots/snapshot-codec';
import { streamSnapshot, UnreadSnapshot, type StreamVerdict } from '../../electron/services/sync/snapshots/snapshot-stream';
import type { Op } from '../../shared/sync';
import type { HeldEntity } from '../../shared/sync/sync-state';
import { ed25519KeyPair } from '../sync/node-crypto';

const DEVICE = 'a'.repeat(26);
const keys = ed25519KeyPair();
const expectation = { teamId: 'b'.repeat(26), schemas: 'c'.repeat(64), publicKeyFor: () => keys.publicKey };

/** Entities enough to span several reads (over 6 MB of lines), each op's text naming its line. */
function entities(count: number): HeldEntity[] {
  return Array.from({ length: count }, (_, line) => {
    const ops: Op[] = [1, 2].map((counter) => ({
      id: `${DEVICE}:${line * 2 + counter}`,
      hlc: `${String(1_790_000_000_000 + line * 2 + counter).padStart(15, '0')}-0000-${DEVICE}`,
      type: 'note.commented',
      entity: `note:n${line}`,
      data: { text: `第 ${line} 条 ${'交接班记录'.repeat(150)}` },
    }));
    return { entity: `note:n${line}`, ops };
  });
}

const content = { teamId: 'b'.repeat(26), deviceId: DEVICE, createdAt: 1_790_000_000_000, schemas: 'c'.repeat(64), files: [], devices: [], entities: entities(2000) };
const original = encodeSnapshot(content, keys.privateKey, nodeCrypto).bytes;
const dir = mkdtempSync(join(tmpdir(), 'baton-snapshot-stream-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function fileOf(bytes: Uint8Array, name = 'team.snap'): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

/**
 * A file system whose reads return at most `most` bytes (a line arrives in pieces) and find the
 * file ending at `endAt` (cut short after its last part was read); counts open handles.
 */
function slowFs(most: number, endAt = Infinity) {
  let open = 0;
  const fs: ReaderFs = {
    ...nodeReaderFs,
    openRead: async (path) => {
      const handle = await nodeReaderFs.openRead!(path);
      open += 1;
      return {
        size: handle.size,
        read: (into, offset, length, position) => {
          const cut = position < handle.size - 8192 ? endAt : Infinity;
          return position >= cut ? Promise.resolve(0) : handle.read(into, offset, Math.min(length, most, cut - position), position);
        },
        close: () => ((open -= 1), handle.close()),
      };
    },
  };
  return { fs, open: () => open };
}

async function readAll(verdict: StreamVerdict): Promise<HeldEntity[]> {
  if (!verdict.ok) throw new Error(verdict.detail);
  const read: HeldEntity[] = [];
  for await (const batch of verdict.snapshot.entities) read.push(...batch);
  return read;
}

const changed = (at: number) => {
  const bytes = Buffer.from(original);
  // A CJK character becomes another: the JSON stays valid, only the hash finds it.
  const where = bytes.indexOf(Buffer.from('交', 'utf16le'), at);
  bytes[where] ^= 0x01;
  return bytes;
};

describe('a team snapshot read as a stream', () => {
  it('gives the entities decodeSnapshot gives, as they arrive, and finds it intact', async () => {
    expect(original.length).toBeGreaterThan(6 * 1024 * 1024);
    const decoded = decodeSnapshot(original, expectation, nodeCrypto);
    if (!decoded.ok) throw new Error(decoded.detail);
    const expected = JSON.stringify([...decoded.snapshot.entities]);
    const path = fileOf(original);
    for (const { fs, open } of [slowFs(Infinity), slowFs(100_003 * 2), slowFs(1 << 30)]) {
      const verdict = await streamSnapshot(path, fs, expectation, nodeCrypto);
      expect(JSON.stringify(await readAll(verdict)) === expected).toBe(true);
      if (!verdict.ok) return;
      expect(await verdict.snapshot.intact).toBe(true);
      expect(Buffer.from(verdict.snapshot.bytes).equals(original)).toBe(true);
      expect(verdict.snapshot.sha256).toBe(decoded.snapshot.sha256);
      expect((await verdict.snapshot.survey()).lines).toHaveLength(2000);
      expect(open()).toBe(0);
    }
    // A ReaderFs that cannot read in parts: read whole first, the same.
    const whole = await streamSnapshot(path, { ...nodeReaderFs, openRead: undefined }, expectation, nodeCrypto);
    expect(await readAll(whole)).toHaveLength(2000);
  });

  it('is not intact when a byte changed in its middle or near its end (in the part read first)', async () => {
    for (const at of [original.length >> 1, original.length - 4096]) {
      const verdict = await streamSnapshot(fileOf(changed(at)), slowFs(1 << 20).fs, expectation, nodeCrypto);
      expect(await readAll(verdict)).toHaveLength(2000);
      if (verdict.ok) expect(await verdict.snapshot.intact).toBe(false);
    }
  });

  it('throws on a line that does not parse, and is then not intact either', async () => {
    const bytes = Buffer.from(original);
    const at = bytes.indexOf(Buffer.from('["note:n1000"', 'utf16le'));
    bytes[at] = 0x7b; // "[" becomes "{"
    const verdict = await streamSnapshot(fileOf(bytes), slowFs(1 << 20).fs, expectation, nodeCrypto);
    await expect(readAll(verdict)).rejects.toThrow();
    if (verdict.ok) expect(await verdict.snapshot.intact).toBe(false);
  });

  it('is refused cut short (no trailer), signed by another key, of another team or of other schemas, and closes the file', async () => {
    const { fs, open } = slowFs(1 << 20);
    const cut = await streamSnapshot(fileOf(original.subarray(0, (original.length >> 2) * 2)), fs, expectation, nodeCrypto);
    expect(cut).toMatchObject({ ok: false, detail: expect.stringMatching(/incomplete|trailer/) });
    const path = fileOf(original);
    expect(await streamSnapshot(path, fs, { ...expectation, publicKeyFor: () => ed25519KeyPair().publicKey }, nodeCrypto)).toMatchObject({ ok: false, detail: expect.stringMatching(/not signed/) });
    expect(await streamSnapshot(path, fs, { ...expectation, teamId: 'd'.repeat(26) }, nodeCrypto)).toMatchObject({ ok: false, detail: expect.stringMatching(/belongs to team/) });
    expect(await streamSnapshot(path, fs, { ...expectation, schemas: 'e'.repeat(64) }, nodeCrypto)).toMatchObject({ ok: false, outdated: true });
    expect(await streamSnapshot(fileOf(original.subarray(1)), fs, expectation, nodeCrypto)).toMatchObject({ ok: false, detail: expect.stringMatching(/odd number/) });
    await expect.poll(open).toBe(0);
  });

  it('says unread (not damaged) when the file ends while it is read', async () => {
    const { fs, open } = slowFs(1 << 20, 3 * 1024 * 1024);
    const verdict = await streamSnapshot(fileOf(original), fs, expectation, nodeCrypto);
    await expect(readAll(verdict)).rejects.toBeInstanceOf(UnreadSnapshot);
    if (verdict.ok) await expect(verdict.snapshot.intact).rejects.toBeInstanceOf(UnreadSnapshot);
    expect(open()).toBe(0);
  });
});
