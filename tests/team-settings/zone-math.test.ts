import fc from 'fast-check';
import { TZDate, tzOffset } from '@date-fns/tz';
import { format } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { addDaysToDate, dateInZone, instantOfWallTime, shiftOn, type ShiftType } from '../../shared/team-settings';

/**
 * `instantOfWallTime`/`shiftOn` and `dateInZone` compute a day's instants from one offset per zone
 * and day, and a date with one Intl call, where TZDate asks Intl several times per instant: they
 * must answer as TZDate does, on days of offset changes above all (TZDate decides those days).
 */

const ZONES = [
  'Asia/Shanghai',
  'UTC',
  'America/New_York',
  'Europe/Berlin',
  'Australia/Lord_Howe', // a 30-minute change
  'America/Santiago', // changes at midnight
  'America/St_Johns', // -03:30
  'Asia/Kathmandu', // +05:45
  'Pacific/Chatham', // +12:45 / +13:45
  'Pacific/Apia', // skipped 30 December 2011, DST until 2021
  'Pacific/Kiritimati', // +14
  'Etc/GMT+12', // -12
  'Africa/Casablanca', // DST suspended for Ramadan
];

const reference = (date: string, minutes: number, timeZone: string) => {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new TZDate(year, month - 1, day, Math.floor(minutes / 60), minutes % 60, timeZone).getTime();
};
const wall = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** The days around each change of a zone's offset (found from noon to noon), 2005–2030: the day before it to the day after. */
function changeDays(timeZone: string): string[] {
  const days: string[] = [];
  for (let date = '2005-01-01'; date < '2030-01-01'; date = addDaysToDate(date, 1)) {
    const noon = Date.parse(`${date}T12:00:00Z`);
    if (tzOffset(timeZone, new Date(noon)) !== tzOffset(timeZone, new Date(noon + 86_400_000))) days.push(addDaysToDate(date, -1), date, addDaysToDate(date, 1), addDaysToDate(date, 2));
  }
  return days;
}

describe('zone math: one offset per day, as TZDate answers', () => {
  it('gives every quarter hour of the days around each offset change as TZDate does', () => {
    let compared = 0;
    for (const zone of ZONES.filter((name) => name !== 'UTC' && !name.startsWith('Etc/'))) {
      const days = changeDays(zone).filter((_, index) => index % 16 < 4 || zone === 'Pacific/Apia');
      for (const date of days) {
        for (let minutes = 0; minutes <= 24 * 60; minutes += 15) {
          const type: ShiftType = { id: 't', name: { 'zh-CN': '班', en: 'Shift' }, start: '00:00', end: minutes === 0 ? '24:00' : wall(minutes) };
          expect(shiftOn(date, type, zone).endAt, `${zone} ${date} ${wall(minutes)}`).toBe(reference(date, minutes === 0 ? 24 * 60 : minutes, zone));
          compared += 1;
        }
      }
    }
    expect(compared).toBeGreaterThan(5_000);
  });

  it('gives any wall time of any day, and shifts through midnight and to 24:00, as TZDate does', () => {
    const date = fc.integer({ min: 0, max: 36_500 }).map((days) => addDaysToDate('2000-01-01', days));
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), date, fc.integer({ min: 0, max: 24 * 60 - 1 }), fc.integer({ min: 1, max: 24 * 60 }), (zone, day, start, end) => {
        expect(instantOfWallTime(`${day}T${wall(start)}`, zone)).toBe(reference(day, start, zone));
        const type: ShiftType = { id: 't', name: { 'zh-CN': '班', en: 'Shift' }, start: wall(start), end: end === 24 * 60 ? '24:00' : wall(end) };
        const shift = shiftOn(day, type, zone);
        expect(shift.startAt).toBe(reference(day, start, zone));
        expect(shift.endAt).toBe(end > start ? reference(day, end, zone) : reference(addDaysToDate(day, 1), end, zone));
      }),
      { numRuns: 3000 },
    );
  });

  it('gives the date of any instant as TZDate does', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2099, 11, 31) }), (zone, at) => {
        expect(dateInZone(at, zone)).toBe(format(new TZDate(at, zone), 'yyyy-MM-dd'));
      }),
      { numRuns: 2000 },
    );
    for (const zone of ZONES) for (const date of changeDays(zone).slice(0, 16)) {
      for (let at = Date.parse(`${date}T00:00:00Z`); at < Date.parse(`${date}T00:00:00Z`) + 86_400_000; at += 15 * 60_000) {
        expect(dateInZone(at, zone), `${zone} ${new Date(at).toISOString()}`).toBe(format(new TZDate(at, zone), 'yyyy-MM-dd'));
      }
    }
  });
});
