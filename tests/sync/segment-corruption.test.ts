import { describe, expect, it } from 'vitest';
import { decodeSegment, type SegmentRejection } from '../../shared/sync';
import { nodeCrypto } from './node-crypto';
import { aliceOps, aliceSegment, publicKeyFor } from './segment-fixture';

/** Half-written, half-synced and damaged files must never be read as a segment. Exhaustive on purpose. */
describe('a small segment, damaged in every possible single way', () => {
  const segment = aliceSegment(aliceOps(2));
  const { bytes } = segment;

  it('is accepted intact (so the rejections below are about the damage)', () => {
    expect(decodeSegment(bytes, publicKeyFor, nodeCrypto).ok).toBe(true);
    expect(bytes.length).toBeGreaterThan(500);
  });

  it('reads as "incomplete" when truncated at every byte offset', () => {
    const reasons = new Set<SegmentRejection | 'accepted'>();
    for (let length = 0; length < bytes.length; length += 1) {
      const result = decodeSegment(bytes.subarray(0, length), publicKeyFor, nodeCrypto);
      reasons.add(result.ok ? 'accepted' : result.reason);
    }
    expect([...reasons]).toEqual(['incomplete']);
  });

  it('is rejected after every single bit flip', () => {
    const accepted: string[] = [];
    const reasons = new Map<SegmentRejection, number>();
    const damaged = new Uint8Array(bytes);
    for (let offset = 0; offset < bytes.length; offset += 1) {
      for (let bit = 0; bit < 8; bit += 1) {
        damaged[offset] = bytes[offset]! ^ (1 << bit);
        const result = decodeSegment(damaged, publicKeyFor, nodeCrypto);
        if (result.ok) accepted.push(`byte ${offset} bit ${bit}`);
        else reasons.set(result.reason, (reasons.get(result.reason) ?? 0) + 1);
      }
      damaged[offset] = bytes[offset]!;
    }
    expect(accepted).toEqual([]);
    expect([...reasons.values()].reduce((sum, count) => sum + count, 0)).toBe(bytes.length * 8);
    // Damage in the body is caught by the hash; damage in the trailer by its own checks.
    expect(reasons.get('hash-mismatch')).toBeGreaterThan(bytes.length * 4);
    expect(reasons.has('bad-signature') || reasons.has('bad-trailer')).toBe(true);
  });
});
