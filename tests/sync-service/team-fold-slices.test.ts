import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Pace } from '../../electron/services/sync/pace';
import { TeamFold, type FoldChange } from '../../electron/services/sync/read/team-fold';
import { createSyncState, type HeldEntity, type Op, type TrustPlug } from '../../shared/sync';
import { CAROL } from '../sync/devices';
import { note, prizeRequest } from '../sync/example-capabilities';
import { nodeCrypto } from '../sync/node-crypto';
import { historyArb } from '../sync/scenario';

const capabilities = [note, prizeRequest];

/**
 * Notes are the roster here: Carol's ops count once the team holds more than three note ops.
 * `judgesHeldOps` as asked (the filter reads held ops only either way).
 */
const plug = (judgesHeldOps: boolean): TrustPlug => ({
  rosterKinds: ['note'],
  judgesHeldOps,
  filterFor(state) {
    const admitted = state.heldOps('note').length > 3;
    return (op) => admitted || !op.id.startsWith(CAROL) || 'not yet';
  },
});

/** Pauses after every step, and counts the pauses. */
function everyStep(): Pace & { pauses: number } {
  const pace = {
    pauses: 0,
    due: () => true,
    pause: async () => {
      pace.pauses += 1;
      await Promise.resolve();
    },
  };
  return pace;
}

const held = (ops: readonly Op[]): HeldEntity[] => {
  const source = createSyncState(capabilities);
  source.apply(ops);
  return JSON.parse(JSON.stringify(source.held())) as HeldEntity[];
};

const summary = (fold: TeamFold, change: FoldChange) => ({
  hash: fold.stateHash(nodeCrypto),
  ops: fold.opsCount,
  kinds: change.touchedKinds,
  invalid: change.results.flatMap((result) => result.invalid.map((setAside) => setAside.op.id)).sort(),
});

describe('an open in slices (the API answers between them)', () => {
  it('installs a snapshot to the same fold as one install, with or without a trust plug', async () => {
    await fc.assert(
      fc.asyncProperty(historyArb, fc.constantFrom(undefined, true, false), fc.integer({ min: 1, max: 7 }), async (ops, judges, stepOps) => {
        const trust = judges === undefined ? undefined : plug(judges);
        const whole = new TeamFold(capabilities, trust);
        const wholeChange = whole.install(held(ops));
        const sliced = new TeamFold(capabilities, trust);
        const pace = everyStep();
        const progress: number[] = [];
        const slicedChange = await sliced.installInSlices(held(ops), pace, (done) => progress.push(done), stepOps);
        expect(summary(sliced, slicedChange)).toEqual(summary(whole, wholeChange));
        // Progress only grows, to every op installed and then asked about.
        expect(progress).toEqual([...progress].sort((a, b) => a - b));
        expect(progress.at(-1)).toBe(2 * ops.length);
        if (held(ops).length > 1) expect(pace.pauses).toBeGreaterThan(1);
      }),
      { numRuns: 120 },
    );
  });

  it('applies a backlog to the same fold as one apply, on top of what is there', async () => {
    await fc.assert(
      fc.asyncProperty(historyArb, fc.constantFrom(undefined, true, false), fc.integer({ min: 1, max: 7 }), async (ops, judges, stepOps) => {
        const trust = judges === undefined ? undefined : plug(judges);
        const half = ops.length >> 1;
        const whole = new TeamFold(capabilities, trust);
        whole.apply(ops.slice(0, half));
        const wholeChange = whole.apply(ops.slice(half));
        const sliced = new TeamFold(capabilities, trust);
        sliced.apply(ops.slice(0, half));
        const progress: number[] = [];
        const slicedChange = await sliced.applyInSlices(ops.slice(half), everyStep(), (done) => progress.push(done), stepOps);
        expect(summary(sliced, slicedChange)).toEqual(summary(whole, wholeChange));
        expect(progress.at(-1)).toBe(ops.length - half);
      }),
      { numRuns: 120 },
    );
  });
});
