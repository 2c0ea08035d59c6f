import { describe, expect, it } from 'vitest';
import {
  MAX_SEGMENT_BYTES,
  decodeSegment,
  encodeSegment,
  nameMatchesSegment,
  type SegmentRejection,
} from '../../shared/sync';
import { ALICE, BOB, MONDAY_9AM, TestDevice } from './devices';
import { ed25519KeyPair, nodeCrypto } from './node-crypto';
import { aliceKeys, aliceOps, aliceSegment, publicKeyFor } from './segment-fixture';

const encoder = new TextEncoder();

function decode(bytes: Uint8Array) {
  return decodeSegment(bytes, publicKeyFor, nodeCrypto);
}

function reasonOf(bytes: Uint8Array): SegmentRejection | 'accepted' {
  const result = decode(bytes);
  return result.ok ? 'accepted' : result.reason;
}

/** Re-seals edited text with Alice's key, so that only the edit is wrong. */
function resealed(lines: string[]): Uint8Array {
  const body = encoder.encode(lines.map((line) => `${line}\n`).join(''));
  const sha256 = nodeCrypto.sha256Hex(body);
  const sig = nodeCrypto.sign(aliceKeys.privateKey, encoder.encode(`baton/segment@1 ${sha256}`));
  return encoder.encode(`${lines.map((line) => `${line}\n`).join('')}${JSON.stringify({ count: lines.length - 1, sha256, sig })}\n`);
}

describe('segment round trip', () => {
  it('decodes what it encodes', () => {
    const ops = aliceOps(3);
    const segment = aliceSegment(ops);
    const decoded = decode(segment.bytes);
    expect(decoded).toEqual({
      ok: true,
      header: { format: 'baton/segment@1', deviceId: ALICE, seq: 1, prev: null },
      ops,
      sha256: segment.sha256,
    });
  });

  it('writes one JSON object per line, header first, trailer last, every line ending in a newline', () => {
    const segment = aliceSegment(aliceOps(2), 7, 'ab'.repeat(32));
    const lines = segment.text.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe(`{"format":"baton/segment@1","deviceId":"${ALICE}","seq":7,"prev":"${'ab'.repeat(32)}"}`);
    expect(JSON.parse(lines[3]!)).toEqual({ count: 2, sha256: segment.sha256, sig: expect.any(String) });
    expect(new TextDecoder().decode(segment.bytes)).toBe(segment.text);
  });

  it('hashes every byte before the trailer and names the file after the hash', () => {
    const segment = aliceSegment(aliceOps(1), 12, 'cd'.repeat(32));
    const body = segment.text.slice(0, segment.text.lastIndexOf('\n', segment.text.length - 2) + 1);
    expect(segment.sha256).toBe(nodeCrypto.sha256Hex(encoder.encode(body)));
    expect(segment.fileName).toBe(`000000000012-${segment.sha256.slice(0, 8)}.jsonl`);
    const decoded = decode(segment.bytes);
    expect(decoded.ok && nameMatchesSegment(segment.fileName, decoded.header, decoded.sha256)).toBe(true);
    expect(decoded.ok && nameMatchesSegment('000000000011-' + segment.sha256.slice(0, 8) + '.jsonl', decoded.header, decoded.sha256)).toBe(false);
  });

  it('signs "baton/segment@1 <sha256>" with the device key', () => {
    const segment = aliceSegment(aliceOps(1));
    const sig = JSON.parse(segment.text.trimEnd().split('\n').pop()!).sig as string;
    expect(nodeCrypto.verify(aliceKeys.publicKey, encoder.encode(`baton/segment@1 ${segment.sha256}`), sig)).toBe(true);
  });

  it('allows a segment with no ops', () => {
    expect(reasonOf(aliceSegment([]).bytes)).toBe('accepted');
  });
});

describe('encodeSegment refuses what readers would set aside', () => {
  it('an op of another device', () => {
    const bobOp = new TestDevice(BOB).op(MONDAY_9AM, 'note.set', 'note:x', {});
    expect(() => aliceSegment([bobOp])).toThrow(/another device/);
  });

  it('a bad header', () => {
    expect(() => aliceSegment(aliceOps(1), 2, null)).toThrow();
    expect(() => aliceSegment(aliceOps(1), 1, 'ab'.repeat(32))).toThrow();
  });

  it('more than the size limit', () => {
    const big = new TestDevice(ALICE).op(MONDAY_9AM, 'note.set', 'note:x', { body: 'x'.repeat(MAX_SEGMENT_BYTES) });
    expect(() => aliceSegment([big])).toThrow(RangeError);
  });
});

describe('decodeSegment rejections', () => {
  const good = aliceSegment(aliceOps(2));
  const lines = good.text.trimEnd().split('\n');
  const body = lines.slice(0, -1);

  it('too-large, before reading anything', () => {
    const huge = new Uint8Array(MAX_SEGMENT_BYTES + 1);
    huge.set(good.bytes);
    expect(reasonOf(huge)).toBe('too-large');
  });

  it('bad-header for foreign files: random bytes, unrelated JSON, a zero-byte file reads as incomplete', () => {
    expect(reasonOf(encoder.encode('{"hello":"world"}\n'))).toBe('bad-header');
    expect(reasonOf(Uint8Array.from([0xff, 0xfe, 0x00, 0x0a]))).toBe('bad-header');
    expect(reasonOf(new Uint8Array(0))).toBe('incomplete');
  });

  it('unsupported-format for a newer Baton, however it seals its files', () => {
    const newer = body[0]!.replace('segment@1', 'segment@2');
    expect(reasonOf(encoder.encode(`${newer}\n{"whatever":1}\n`))).toBe('unsupported-format');
    expect(reasonOf(resealed([newer, body[1]!]))).toBe('unsupported-format');
  });

  it('hash-mismatch, not unsupported-format, when damage hits the format name', () => {
    expect(reasonOf(encoder.encode(good.text.replace('segment@1', 'segment@3')))).toBe('hash-mismatch');
  });

  it('unknown-device when no key is known for the header device', () => {
    expect(decodeSegment(good.bytes, () => undefined, nodeCrypto)).toMatchObject({ ok: false, reason: 'unknown-device' });
  });

  it('bad-signature when signed by another key', () => {
    const mallory = ed25519KeyPair();
    const forged = encodeSegment({ deviceId: ALICE, seq: 1, prev: null, ops: aliceOps(1) }, mallory.privateKey, nodeCrypto);
    expect(reasonOf(forged.bytes)).toBe('bad-signature');
  });

  it('hash-mismatch when the content changed under the trailer', () => {
    const edited = good.text.replace('标题 0', '标题 9');
    expect(reasonOf(encoder.encode(edited))).toBe('hash-mismatch');
  });

  it('count-mismatch, bad-json, bad-op and bad-header in a correctly sealed file', () => {
    const [header, first] = body as [string, string];
    const trailerCount = (text: Uint8Array, count: number) =>
      encoder.encode(new TextDecoder().decode(text).replace(/"count":\d+/, `"count":${count}`));
    // A wrong count changes no hash; it is caught on its own.
    const sealed = resealed(body);
    expect(reasonOf(sealed)).toBe('accepted');
    expect(reasonOf(trailerCount(sealed, 5))).toBe('count-mismatch');
    expect(reasonOf(resealed([header, '{"id":']))).toBe('bad-json');
    expect(reasonOf(resealed([header, first.replace('note.set', 'NOTE')]))).toBe('bad-op');
    const bobsOp = JSON.stringify(new TestDevice(BOB).op(MONDAY_9AM, 'note.set', 'note:x', {}));
    expect(decode(resealed([header, bobsOp]))).toMatchObject({ ok: false, reason: 'bad-op', detail: expect.stringMatching(/another device/) });
    expect(reasonOf(resealed([header.replace('"seq":1', '"seq":0')]))).toBe('bad-header');
    expect(reasonOf(resealed([header.replace('"prev":null', '"prev":null,"x":1')]))).toBe('bad-header');
  });

  it('bad-trailer when the last line is JSON but neither trailer nor a line of the body', () => {
    expect(reasonOf(encoder.encode(`${body.join('\n')}\n{"count":2}\n`))).toBe('bad-trailer');
    // A signature spelled with non-zero padding bits would decode to the same bytes.
    const trailer = JSON.parse(lines.at(-1)!) as { sig: string };
    const sloppy = trailer.sig.slice(0, 85) + String.fromCharCode(trailer.sig.charCodeAt(85) + 1) + '==';
    expect(reasonOf(encoder.encode(good.text.replace(trailer.sig, sloppy)))).toBe('bad-trailer');
  });
});
