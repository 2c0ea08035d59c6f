import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSyncState, decodeSegment, encodeSegment, type Op } from '../../shared/sync';
import { ALICE, BOB, CAROL } from './devices';
import { note, prizeRequest } from './example-capabilities';
import { ed25519KeyPair, nodeCrypto } from './node-crypto';
import { deliver, deliveryArb, historyArb } from './scenario';

const capabilities = [note, prizeRequest];

function reference(ops: readonly Op[]) {
  const state = createSyncState(capabilities);
  state.apply(ops);
  return state;
}

describe('convergence', () => {
  it('every replica ends with the same state and counts every op, whatever the delivery', () => {
    fc.assert(
      fc.property(historyArb, deliveryArb, deliveryArb, deliveryArb, (ops, first, second, third) => {
        const expected = reference(ops).stateHash(nodeCrypto);

        const plain = createSyncState(capabilities);
        for (const batch of deliver(ops, first)) plain.apply(batch);

        // Carol is not on the roster until the end: her ops wait aside, then count.
        const vetted = createSyncState(capabilities, { accept: (op) => !op.id.startsWith(CAROL) || 'not yet' });
        for (const batch of deliver(ops, second)) vetted.apply(batch);
        vetted.refilter(() => true);

        // Half-way through, the app restarts from its cache.
        const batches = deliver(ops, third);
        const before = createSyncState(capabilities);
        for (const batch of batches.slice(0, batches.length >> 1)) before.apply(batch);
        const restarted = createSyncState(capabilities);
        restarted.restore(JSON.parse(JSON.stringify(before.snapshot())));
        for (const batch of batches.slice(batches.length >> 1)) restarted.apply(batch);

        for (const replica of [plain, vetted, restarted]) {
          expect(replica.stateHash(nodeCrypto)).toBe(expected);
          expect(replica.opsCount).toBe(ops.length);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('holds through sealed segments arriving in any order, duplicated (as conflict copies would be)', () => {
    const keys = new Map([ALICE, BOB, CAROL].map((deviceId) => [deviceId, ed25519KeyPair()]));
    fc.assert(
      fc.property(historyArb, fc.integer({ min: 1, max: 8 }), deliveryArb, (ops, perSegment, plan) => {
        const segments: Uint8Array[] = [];
        for (const [deviceId, { privateKey }] of keys) {
          const own = ops.filter((op) => op.id.startsWith(deviceId));
          let prev: string | null = null;
          for (let start = 0, seq = 1; start < own.length; start += perSegment, seq += 1) {
            const draft = { deviceId, seq, prev, ops: own.slice(start, start + perSegment) };
            const segment = encodeSegment(draft, privateKey, nodeCrypto);
            segments.push(segment.bytes);
            prev = segment.sha256;
          }
        }
        const state = createSyncState(capabilities);
        for (const batch of deliver(segments, plan)) {
          for (const bytes of batch) {
            const decoded = decodeSegment(bytes, (deviceId) => keys.get(deviceId)?.publicKey, nodeCrypto);
            if (!decoded.ok) throw new Error(decoded.detail);
            state.apply(decoded.ops);
          }
        }
        expect(state.stateHash(nodeCrypto)).toBe(reference(ops).stateHash(nodeCrypto));
        expect(state.opsCount).toBe(ops.length);
      }),
      { numRuns: 50 },
    );
  });
});
