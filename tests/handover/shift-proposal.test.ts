import { describe, expect, it } from 'vitest';
import { shiftProposal } from '../../shared/handover';
import { DEFAULT_SHIFT_TYPES } from '../../shared/team-settings';
import { shanghai } from './harness';

const ZONE = 'Asia/Shanghai';
const propose = (date: string, time: string) => shiftProposal(shanghai(date, time), DEFAULT_SHIFT_TYPES, ZONE);

describe('the shift proposed for a note, with its reason', () => {
  it('at 04:12 and 07:59 no shift is under way: the late shift that ended at midnight, and the early one next', () => {
    for (const time of ['04:12', '07:59']) {
      const proposal = propose('2026-12-07', time);
      expect(proposal).toMatchObject({ reason: 'last-ended', shift: { date: '2026-12-06', shiftTypeId: 'late' } });
      expect(proposal?.upcoming).toMatchObject({ date: '2026-12-07', shiftTypeId: 'early', startAt: shanghai('2026-12-07', '08:00') });
    }
  });

  it('at 08:01 and 23:59 the shift under way, with no upcoming one named', () => {
    expect(propose('2026-12-07', '08:01')).toEqual({
      reason: 'current',
      upcoming: null,
      shift: expect.objectContaining({ date: '2026-12-07', shiftTypeId: 'early' }),
    });
    expect(propose('2026-12-07', '23:59')).toMatchObject({ reason: 'current', shift: { date: '2026-12-07', shiftTypeId: 'late' } });
  });
});
