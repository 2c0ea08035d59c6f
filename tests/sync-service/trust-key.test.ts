import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TeamFold } from '../../electron/services/sync/read/team-fold';
import { defineCapability } from '../../shared/sync/capability';
import type { Op, TrustPlug } from '../../shared/sync';
import { CAROL } from '../sync/devices';
import { note, prizeRequest } from '../sync/example-capabilities';
import { historyArb } from '../sync/scenario';

/**
 * The key the service gives its trust filter (`OpFilter.trustKey`): summaries stored under one
 * filter are taken only under a filter with the same key. It must be the same on a restart that
 * holds the same roster ops and device keys (or no stored summary is ever taken), and differ as
 * soon as either changes (or a stale summary could be taken).
 */

const summarizedNote = defineCapability({ ...note, summary: (state: ReturnType<typeof note.reduce>) => state.comments.length });
const capabilities = [summarizedNote, prizeRequest];

/** Prize requests are the roster here: Carol's ops count once the team holds more than two. */
const plug = (judgesHeldOps: boolean): TrustPlug => ({
  rosterKinds: ['prizeRequest'],
  judgesHeldOps,
  filterFor(state) {
    const admitted = state.heldOps('prizeRequest').length > 2;
    return (op) => admitted || !op.id.startsWith(CAROL) || 'not yet';
  },
});

const keyOf = (fold: TeamFold) => fold.state.summariesToStore(fold.state.changeMark())?.trust ?? null;
const devices = (key: string) => [{ deviceId: 'd1', publicKey: key }] as never;

describe('the trust key', () => {
  it('is the same for the same roster ops and device keys, whatever the order; differs when either changes', () => {
    fc.assert(
      fc.property(historyArb, fc.nat(), (ops, cut) => {
        const roster = ops.filter((op) => op.entity.startsWith('prizeRequest:'));
        const a = new TeamFold(capabilities, plug(true));
        a.setDevices(devices('k1'));
        a.apply(ops);
        const b = new TeamFold(capabilities, plug(true));
        b.setDevices(devices('k1'));
        const at = cut % (ops.length + 1);
        b.apply([...ops.slice(at)].reverse());
        b.apply(ops.slice(0, at));
        expect(keyOf(a)).toBe(keyOf(b));
        expect(keyOf(a)).not.toBeNull();

        const extra: Op = { id: 'zzzzzzzzzzzzzzzzzzzzzzzzzz:99', hlc: '001767574900000-0000-zzzzzzzzzzzzzzzzzzzzzzzzzz', type: 'prize.requested', entity: 'prizeRequest:p9', data: { amount: 1, seen: [] } };
        const before = keyOf(a);
        if (!roster.some((op) => op.id === extra.id)) {
          a.apply([extra]);
          expect(keyOf(a)).not.toBe(before);
        }
        const beforeDevices = keyOf(b);
        b.setDevices(devices('k2'));
        expect(keyOf(b)).not.toBe(beforeDevices);
      }),
      { numRuns: 100 },
    );
  });

  it('is none when the filter may read more than held roster ops and device keys', () => {
    const fold = new TeamFold(capabilities, plug(false));
    fold.apply([]);
    expect(keyOf(fold)).toBeNull();
  });
});
