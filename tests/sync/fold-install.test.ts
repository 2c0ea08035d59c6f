import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSyncState, type HeldEntity, type Op } from '../../shared/sync';
import { ALICE, BOB, CAROL, MONDAY_9AM, TestDevice } from './devices';
import { note, prizeRequest } from './example-capabilities';
import { nodeCrypto } from './node-crypto';
import { deliver, deliveryArb, historyArb } from './scenario';

const capabilities = [note, prizeRequest];
const carolNotYet = (op: Op) => !op.id.startsWith(CAROL) || 'not yet';

/** A state filled from another's held ops, as a start from a folded snapshot does (through JSON, as the file does). */
function installedFrom(source: ReturnType<typeof createSyncState>, accept?: (op: Op) => boolean | string) {
  const state = createSyncState(capabilities, accept ? { accept } : {});
  const invalid = state.install(JSON.parse(JSON.stringify(source.held())) as HeldEntity[]);
  state.refilter();
  return { state, invalid };
}

describe('installing held ops (a folded snapshot)', () => {
  it('gives the same state as the source, and the same as everyone once the rest arrives', () => {
    fc.assert(
      fc.property(historyArb, deliveryArb, (ops, plan) => {
        const reference = createSyncState(capabilities);
        reference.apply(ops);
        const batches = deliver(ops, plan);
        const source = createSyncState(capabilities, { accept: carolNotYet });
        for (const batch of batches.slice(0, batches.length >> 1)) source.apply(batch);

        const { state } = installedFrom(source, carolNotYet);
        expect(state.stateHash(nodeCrypto)).toBe(source.stateHash(nodeCrypto));
        expect(state.opsCount).toBe(source.opsCount);
        for (const batch of batches.slice(batches.length >> 1)) state.apply(batch);
        state.refilter(() => true);
        expect(state.stateHash(nodeCrypto)).toBe(reference.stateHash(nodeCrypto));
        expect(state.opsCount).toBe(ops.length);
      }),
      { numRuns: 150 },
    );
  });

  it('keeps what the schemas made of each op: unknown ops stay ignored, invalid ones reported again', () => {
    const alice = new TestDevice(ALICE);
    const ops = [
      alice.op(MONDAY_9AM, 'note.set', 'note:n1', { set: { title: '交接' }, seen: {} }),
      alice.op(MONDAY_9AM + 1, 'note.archived', 'note:n1', { by: 'a newer version' }),
      alice.op(MONDAY_9AM + 2, 'note.set', 'note:n2', { set: { title: 'x'.repeat(201) }, seen: {} }),
    ];
    const source = createSyncState(capabilities);
    source.apply(ops);
    const { state, invalid } = installedFrom(source);
    expect(invalid.map((entry) => entry.op.id)).toEqual([ops[2]!.id]);
    expect(state.opsCount).toBe(3);
    expect(state.get('note:n2')).toBeUndefined();
    expect(state.stateHash(nodeCrypto)).toBe(source.stateHash(nodeCrypto));
  });

  it('refuses a state that holds ops, ops out of order, an op twice, or an op under another entity', () => {
    const bob = new TestDevice(BOB);
    const first = bob.op(MONDAY_9AM, 'note.set', 'note:n1', { set: { title: 'a' }, seen: {} });
    const second = bob.op(MONDAY_9AM + 1, 'note.set', 'note:n1', { set: { title: 'b' }, seen: {} });
    const held = (entity: string, ...ops: Op[]): HeldEntity[] => [{ entity, ops }];

    const full = createSyncState(capabilities);
    full.apply([first]);
    expect(() => full.install(held('note:n1', second))).toThrow(/empty/);
    expect(() => createSyncState(capabilities).install(held('note:n1', second, first))).toThrow(/out of order/);
    expect(() => createSyncState(capabilities).install(held('note:n1', first, first))).toThrow(/twice/);
    expect(() => createSyncState(capabilities).install(held('note:n2', first))).toThrow(/another entity|filed under/);
  });
});
