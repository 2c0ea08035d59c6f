import { describe, expect, it } from 'vitest';
import { coverRequestOp, coverTakeOp, fairness, monthDraft, periodDays, publishMonthOp, rotaTeamSetOp, slotSetOp } from '../../shared/rota';
import { LEAD, LI, RotaTeam, WANG, ZHAO } from './harness';

describe('fairness', () => {
  it('counts shifts, hours, nights, weekends, holidays and covers per person against the team mean', () => {
    const team = new RotaTeam();
    team.write(LEAD, rotaTeamSetOp(undefined, { holidays: [{ date: '2026-03-04', kind: 'holiday', name: '测试假日' }, { date: '2026-03-08', kind: 'workday', name: '调休上班' }] }));
    // March 2026: the 7th is a Saturday, the 8th a Sunday made a workday.
    const plan: Array<[string, string, string]> = [
      ['2026-03-02', 'early', WANG.memberId],
      ['2026-03-04', 'early', WANG.memberId],
      ['2026-03-07', 'early', WANG.memberId],
      ['2026-03-08', 'early', LI.memberId],
      ['2026-03-02', 'night', LI.memberId],
      ['2026-03-05', 'night', LI.memberId],
    ];
    for (const [date, type, who] of plan) team.write(LEAD, slotSetOp(undefined, date, type, { primary: [who], backup: null }));
    team.write(LEAD, publishMonthOp('2026-03', monthDraft(team.world(), '2026-03'), team.clock));
    team.write(LI, coverRequestOp('c1', { date: '2026-03-05', shiftTypeId: 'night', memberId: LI.memberId }, '', team.clock));
    team.write(ZHAO, coverTakeOp('c1', team.clock));
    const result = fairness(team.world(), '2026-03');
    const row = (memberId: string) => result.rows.find((entry) => entry.memberId === memberId);
    expect(row(WANG.memberId)).toEqual({ memberId: WANG.memberId, shifts: 3, hours: 240, night: 0, weekend: 1, holiday: 1, coversGiven: 0, coversReceived: 0 });
    expect(row(LI.memberId)).toEqual({ memberId: LI.memberId, shifts: 2, hours: 160, night: 1, weekend: 0, holiday: 0, coversGiven: 0, coversReceived: 1 });
    expect(row(ZHAO.memberId)).toEqual({ memberId: ZHAO.memberId, shifts: 1, hours: 80, night: 1, weekend: 0, holiday: 0, coversGiven: 1, coversReceived: 0 });
    // Five members: 6 shifts / 5 = 1.2, 480 tenths of an hour / 5 = 96.
    expect(result.mean).toMatchObject({ shifts: 1.2, hours: 96, night: 0.4, coversGiven: 0.2 });
    expect(fairness(team.world(), '2026-Q1').rows).toEqual(result.rows);
  });

  it('knows a quarter’s days', () => {
    expect(periodDays('2026-Q4')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(periodDays('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
  });
});
