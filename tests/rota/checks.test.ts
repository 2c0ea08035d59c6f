import { describe, expect, it } from 'vitest';
import { groupChecks, rotaChecks, rotaSettingsOf, type RotaSettings } from '../../shared/rota';
import { SHIFT_TYPES } from './harness';

const A = 'm-a';
const settings = (types = SHIFT_TYPES): RotaSettings => rotaSettingsOf(undefined, { shiftTypes: types, timeZone: 'Asia/Shanghai' });
const of = (slots: Record<string, string[]>) => (key: string) => slots[key];
const codes = (checks: ReturnType<typeof rotaChecks>) => checks.filter((check) => check.code !== 'uncovered').map((check) => check.code);

describe('rota checks at their boundaries', () => {
  it('rest: 10:59 between shifts is too short, 11:00 is enough', () => {
    const early = { id: 'early', name: { 'zh-CN': '早', en: 'E' }, start: '08:00', end: '16:00' };
    const short = { id: 'x', name: { 'zh-CN': '甲', en: 'X' }, start: '02:59', end: '05:00' };
    const enough = { id: 'y', name: { 'zh-CN': '乙', en: 'Y' }, start: '03:00', end: '05:00' };
    const rota = settings([early, short, enough]);
    const tooShort = rotaChecks(rota, of({ '2026-03-01_early': [A], '2026-03-02_x': [A] }), '2026-03-01', '2026-03-02');
    expect(tooShort.filter((check) => check.code === 'short-rest')).toEqual([
      { code: 'short-rest', key: '2026-03-02_x', other: '2026-03-01_early', memberId: A, minutes: 659, minHours: 11 },
    ]);
    expect(codes(rotaChecks(rota, of({ '2026-03-01_early': [A], '2026-03-02_y': [A] }), '2026-03-01', '2026-03-02'))).toEqual([]);
  });

  it('overlap: the night shift crossing midnight overlaps the late one', () => {
    const checks = rotaChecks(settings(), of({ '2026-03-01_late': [A], '2026-03-01_night': [A] }), '2026-03-01', '2026-03-01');
    expect(codes(checks)).toEqual(['overlap']);
  });

  it('days in a row: six is allowed, the seventh is flagged', () => {
    const six: Record<string, string[]> = {};
    for (let day = 1; day <= 6; day += 1) six[`2026-03-0${day}_early`] = [A];
    expect(codes(rotaChecks(settings(), of(six), '2026-03-01', '2026-03-09'))).toEqual([]);
    const seven = { ...six, '2026-03-07_early': [A] };
    expect(rotaChecks(settings(), of(seven), '2026-03-01', '2026-03-09').filter((check) => check.code === 'days-in-row')).toEqual([
      { code: 'days-in-row', key: '2026-03-07_early', memberId: A, days: 7, max: 6 },
    ]);
  });

  it('hours a week: 40 is allowed, a shift past it is flagged (Monday to Sunday)', () => {
    // 2026-03-02 is a Monday: five 8-hour shifts make 40.
    const forty: Record<string, string[]> = {};
    for (let day = 2; day <= 6; day += 1) forty[`2026-03-0${day}_early`] = [A];
    const rota = { ...settings(), maxDaysInRow: 31 };
    expect(codes(rotaChecks(rota, of(forty), '2026-03-02', '2026-03-08'))).toEqual([]);
    const more = { ...forty, '2026-03-08_early': [A] };
    expect(rotaChecks(rota, of(more), '2026-03-02', '2026-03-08').filter((check) => check.code === 'week-hours')).toEqual([
      { code: 'week-hours', key: '2026-03-08_early', memberId: A, hours: 48, max: 40 },
    ]);
    // The next Monday starts a new week.
    expect(codes(rotaChecks(rota, of({ ...forty, '2026-03-09_early': [A] }), '2026-03-02', '2026-03-09'))).toEqual([]);
  });

  it('uncovered and under-staffed shifts', () => {
    const rota = { ...settings(), extras: { ...settings().extras, early: { needed: 2, colour: '#3b82f6' } } };
    const checks = rotaChecks(rota, of({ '2026-03-01_early': [A], '2026-03-01_late': ['m-b'], '2026-03-01_night': ['m-c'] }), '2026-03-01', '2026-03-01');
    expect(checks).toEqual([{ code: 'under-staffed', key: '2026-03-01_early', count: 1, needed: 2 }]);
    expect(rotaChecks(rota, of({}), '2026-03-01', '2026-03-01').map((check) => check.code)).toEqual(['uncovered', 'uncovered', 'uncovered']);
  });
});

describe('the lead reads the checks grouped', () => {
  it('by kind, a person’s first, then by the week of the shift, with counts', () => {
    const rota = settings(SHIFT_TYPES.slice(0, 2));
    // Nobody anywhere in March but A on eight early shifts in a row from the 2nd (56 hours that week).
    const slots: Record<string, string[]> = {};
    for (let day = 2; day <= 9; day += 1) slots[`2026-03-${String(day).padStart(2, '0')}_early`] = [A];
    const checks = rotaChecks(rota, of(slots), '2026-03-01', '2026-03-31');
    const groups = groupChecks(checks);
    expect(groups.map((group) => [group.code, group.count])).toEqual([['days-in-row', 1], ['week-hours', 1], ['uncovered', 62 - 8]]);
    expect(groups[0]!.weeks).toEqual([{ week: '2026-03-02', checks: [{ code: 'days-in-row', key: '2026-03-08_early', memberId: A, days: 7, max: 6 }] }]);
    const uncovered = groups[2]!;
    // 1 March is a Sunday: its week began on 23 February.
    expect(uncovered.weeks.map((week) => [week.week, week.checks.length])).toEqual([
      ['2026-02-23', 2],
      ['2026-03-02', 7],
      ['2026-03-09', 13],
      ['2026-03-16', 14],
      ['2026-03-23', 14],
      ['2026-03-30', 4],
    ]);
    expect(uncovered.weeks[0]!.checks.map((check) => check.key)).toEqual(['2026-03-01_early', '2026-03-01_late']);
    expect(groupChecks([])).toEqual([]);
  });
});
