import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { nodeCrypto } from '../../electron/services/sync/node-crypto';
import { inSharedMemory, surveyOffThread } from '../../electron/services/sync/snapshots/off-thread-survey';
import { decodeSnapshot, encodeSnapshot } from '../../electron/services/sync/snapshots/snapshot-codec';
import type { Op } from '../../shared/sync';
import { ed25519KeyPair } from '../sync/node-crypto';

const DEVICE = 'a'.repeat(26);
const keys = ed25519KeyPair();
const op = (counter: number, text: string): Op => ({
  id: `${DEVICE}:${counter}`,
  hlc: `${String(1_790_000_000_000 + counter).padStart(15, '0')}-0000-${DEVICE}`,
  type: 'note.commented',
  entity: 'note:n1',
  data: { text },
});

function encoded() {
  const content = {
    teamId: 'b'.repeat(26),
    deviceId: DEVICE,
    createdAt: 1_790_000_000_000,
    schemas: 'c'.repeat(64),
    files: [],
    devices: [],
    entities: [{ entity: 'note:n1', ops: [op(1, '微博投诉两条'), op(2, '已交接班')] }],
  };
  return encodeSnapshot(content, keys.privateKey, nodeCrypto);
}

const expectation = { teamId: 'b'.repeat(26), schemas: 'c'.repeat(64), publicKeyFor: () => keys.publicKey };

describe('the folded snapshot format', () => {
  it('surveys shared memory on another thread: the same sha256, and where each entity line lies', async () => {
    const { bytes, sha256 } = encoded();
    const signed = bytes.subarray(0, bytes.lastIndexOf(Buffer.from('\n', 'utf16le'), bytes.length - 3) + 2);
    const survey = await surveyOffThread(inSharedMemory(signed), { whole: true, lines: true });
    expect(survey.sha256).toBe(sha256);
    expect(survey.sha256).toBe(createHash('sha256').update(signed).digest('hex'));
    expect(survey.lines).toHaveLength(1);
    const [entity, offset, length, hash] = survey.lines[0]!;
    expect(entity).toBe('note:n1');
    expect(offset).toBe(survey.head);
    const line = bytes.subarray(offset, offset + length);
    expect(JSON.parse(line.toString('utf16le'))[0]).toBe('note:n1');
    expect(hash).toBe(createHash('sha256').update(line).digest('hex').slice(0, hash.length));
    expect(() => surveyOffThread(Buffer.from('x'), { whole: true, lines: false })).toThrow(/SharedArrayBuffer/);
  });

  it('reads back what it wrote, checking the hash on another thread for shared bytes', async () => {
    for (const bytes of [encoded().bytes, inSharedMemory(encoded().bytes)]) {
      const verdict = decodeSnapshot(bytes, expectation, nodeCrypto);
      if (!verdict.ok) throw new Error(verdict.detail);
      expect([...verdict.snapshot.entities]).toEqual([{ entity: 'note:n1', ops: [op(1, '微博投诉两条'), op(2, '已交接班')] }]);
      expect(await verdict.snapshot.intact).toBe(true);
    }
  });

  it('finds a changed character: at once for bytes in a buffer, through `intact` for shared ones', async () => {
    const bytes = Buffer.from(encoded().bytes);
    // The first character of 已交接班 becomes another CJK character: the JSON stays valid.
    const at = bytes.indexOf(Buffer.from('已', 'utf16le'));
    bytes[at] ^= 0x01;
    expect(decodeSnapshot(bytes, expectation, nodeCrypto)).toMatchObject({ ok: false, detail: expect.stringMatching(/hash does not match/) });
    const verdict = decodeSnapshot(inSharedMemory(bytes), expectation, nodeCrypto);
    if (!verdict.ok) throw new Error(verdict.detail);
    expect([...verdict.snapshot.entities]).toHaveLength(1);
    expect(await verdict.snapshot.intact).toBe(false);
  });

  it('is refused signed by another key, for another team, or of other op schemas (outdated, not damaged)', () => {
    const bytes = encoded().bytes;
    expect(decodeSnapshot(bytes, { ...expectation, publicKeyFor: () => ed25519KeyPair().publicKey }, nodeCrypto)).toMatchObject({ ok: false, detail: expect.stringMatching(/not signed/) });
    expect(decodeSnapshot(bytes, { ...expectation, teamId: 'd'.repeat(26) }, nodeCrypto)).toMatchObject({ ok: false, detail: expect.stringMatching(/another team|belongs to team/) });
    expect(decodeSnapshot(bytes, { ...expectation, schemas: 'e'.repeat(64) }, nodeCrypto)).toMatchObject({ ok: false, outdated: true });
    expect(decodeSnapshot(bytes.subarray(0, bytes.length - 10), expectation, nodeCrypto)).toMatchObject({ ok: false });
  });
});
