import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { followUp, openFollowUps, runningFollowUpsIn, FOLLOW_UP_STATUSES } from '../../shared/handover';
import type { Op } from '../../shared/sync';
import { restartedFrom } from '../sync/restarted';
import { ALICE, BOB, TestDevice } from '../sync/devices';
import { HOUR, LI, WANG, createFollowUp, editFollowUp, followUpData, replica, shanghai } from './harness';

const T = shanghai('2026-01-05', '10:00');

/** Follow-ups created, then each given statuses and due times by two devices, in any order. */
const historyArb = fc.array(
  fc.record({
    due: fc.integer({ min: -3, max: 3 }),
    edits: fc.array(fc.record({ by: fc.constantFrom(ALICE, BOB), status: fc.constantFrom(...FOLLOW_UP_STATUSES), due: fc.integer({ min: -3, max: 3 }) }), { maxLength: 3 }),
  }),
  { minLength: 1, maxLength: 6 },
);

describe('running follow-ups from their summaries', () => {
  it('are what openFollowUps keeps of every state, in its order, after a restart that reads none of them', () => {
    fc.assert(
      fc.property(historyArb, fc.integer({ min: -4, max: 4 }), (history, nowHours) => {
        const alice = new TestDevice(ALICE);
        const devices = { [ALICE]: alice, [BOB]: new TestDevice(BOB) };
        const ops: Op[] = [];
        history.forEach(({ due, edits }, index) => {
          ops.push(createFollowUp(alice, T + index, `f${index}`, followUpData({ owner: index % 2 ? WANG : LI, dueAt: T + due * HOUR })));
          edits.forEach((edit, step) => ops.push(editFollowUp(devices[edit.by]!, replica(ops), T + 100 + index * 10 + step, `f${index}`, WANG, { status: edit.status, dueAt: T + edit.due * HOUR })));
        });
        const source = replica(ops);
        const now = T + nowHours * HOUR;
        const whole = openFollowUps(source.list(followUp).map((entry) => entry.state), now).map(({ id, current }) => ({ id, current }));
        const { state, woken } = restartedFrom(source, [followUp], undefined, { summaries: true });
        expect(openFollowUps(runningFollowUpsIn(state), now)).toEqual(whole);
        expect(woken).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
