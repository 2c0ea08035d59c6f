import { describe, expect, it } from 'vitest';
import { applyPattern, monthDraft, onDutyAt, publishMonthOp, slotInstance, slotSetOp, type Pattern } from '../../shared/rota';
import { LEAD, RotaTeam, SHIFT_TYPES, WANG, LI } from './harness';

const twoWeeks: Pattern = {
  id: 'p1',
  name: '两周轮换',
  days: Array.from({ length: 14 }, (_, day) => (day < 7 ? { early: ['m-wang'], night: ['m-li'] } : { early: ['m-li'], night: ['m-wang'] })),
};

describe('patterns', () => {
  it('fills a month from a two-week rotation and never rewrites days before today', () => {
    const slots = applyPattern(twoWeeks, '2026-03-01', '2026-03-31', '2026-03-10');
    expect(slots.has('2026-03-09_early')).toBe(false);
    expect(slots.get('2026-03-10_early')).toEqual({ primary: ['m-li'], backup: null });
    expect(slots.get('2026-03-15_early')).toEqual({ primary: ['m-wang'], backup: null });
    expect(slots.get('2026-03-31_night')).toEqual({ primary: ['m-li'], backup: null });
    expect([...slots.keys()].filter((key) => key.endsWith('_early'))).toHaveLength(22);
  });

  it('keeps wall-clock shifts across a DST change (America/New_York, 8 March 2026)', () => {
    const team = new RotaTeam({ timeZone: 'America/New_York' });
    for (const [key, assignment] of applyPattern(twoWeeks, '2026-03-07', '2026-03-09', '2026-03-01')) {
      team.write(LEAD, slotSetOp(undefined, key.slice(0, 10), key.slice(11), assignment));
    }
    team.write(LEAD, publishMonthOp('2026-03', monthDraft(team.world(), '2026-03'), team.clock));
    const world = team.world();
    const settings = { shiftTypes: SHIFT_TYPES, timeZone: 'America/New_York' };
    // The night of 7 March spans the jump: 22:00 EST to 06:00 EDT is 7 hours.
    const night = slotInstance('2026-03-07_night', settings)!;
    expect(night.endAt - night.startAt).toBe(7 * 3_600_000);
    expect(new Date(night.endAt).toISOString()).toBe('2026-03-08T10:00:00.000Z');
    // 08:00 on 9 March is 12:00 UTC (EDT), one hour earlier in UTC than before the change.
    const early = slotInstance('2026-03-09_early', settings)!;
    expect(new Date(early.startAt).toISOString()).toBe('2026-03-09T12:00:00.000Z');
    expect(onDutyAt(world, Date.parse('2026-03-08T09:30:00Z')).now.map((duty) => [duty.key, duty.people[0]!.memberId])).toEqual([
      ['2026-03-07_night', LI.memberId],
    ]);
    expect(onDutyAt(world, Date.parse('2026-03-09T12:30:00Z')).now.map((duty) => duty.people[0]!.memberId)).toEqual([WANG.memberId]);
  });
});
