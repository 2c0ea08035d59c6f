import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SHIFT_TYPES, currentShift, dateInZone, instantOfWallTime, nextShift, previousShift, proposedShift, shiftInstance, shiftTypeSchema, upcomingShift, wallTimeInZone, type ShiftType } from '../../shared/team-settings';
import { HOUR, shanghai } from '../handover/harness';

const ZONE = 'Asia/Shanghai';
const shift = (now: number, types: readonly ShiftType[] = DEFAULT_SHIFT_TYPES, zone = ZONE) => currentShift(now, types, zone);
const night: ShiftType = { id: 'night', name: { 'zh-CN': '夜班', en: 'Night shift' }, start: '22:00', end: '06:00' };

describe('the current shift, in the team time zone', () => {
  it('early 08:00–16:00 and late 16:00–24:00 by default; a shift owns its start, not its end', () => {
    expect(shift(shanghai('2026-01-05', '09:00'))).toEqual({
      date: '2026-01-05',
      shiftTypeId: 'early',
      startAt: shanghai('2026-01-05', '08:00'),
      endAt: shanghai('2026-01-05', '16:00'),
    });
    expect(shift(shanghai('2026-01-05', '16:00'))?.shiftTypeId).toBe('late');
    expect(shift(shanghai('2026-01-05', '15:59'))?.shiftTypeId).toBe('early');
  });

  it('a shift ending at 24:00 ends at the next midnight and belongs to the day it started', () => {
    const late = shift(shanghai('2026-01-05', '23:59'));
    expect(late).toMatchObject({ date: '2026-01-05', shiftTypeId: 'late', endAt: shanghai('2026-01-06', '00:00') });
    expect(late!.endAt - late!.startAt).toBe(8 * HOUR);
  });

  it('between shifts there is no current shift; the proposal is the one that just ended', () => {
    const afterMidnight = shanghai('2026-01-06', '00:30');
    expect(shift(afterMidnight)).toBeNull();
    expect(proposedShift(afterMidnight, DEFAULT_SHIFT_TYPES, ZONE)).toMatchObject({ date: '2026-01-05', shiftTypeId: 'late' });
    expect(proposedShift(shanghai('2026-01-06', '08:00'), DEFAULT_SHIFT_TYPES, ZONE)).toMatchObject({
      date: '2026-01-06',
      shiftTypeId: 'early',
    });
    // …and the one someone arriving early is coming in for is the next to start.
    expect(upcomingShift(shanghai('2026-01-06', '07:50'), DEFAULT_SHIFT_TYPES, ZONE)).toMatchObject({ date: '2026-01-06', shiftTypeId: 'early' });
    expect(upcomingShift(shanghai('2026-01-05', '23:00'), DEFAULT_SHIFT_TYPES, ZONE)).toMatchObject({ date: '2026-01-06', shiftTypeId: 'early' });
  });

  it('a shift crossing midnight holds the small hours and belongs to the evening it started', () => {
    const types = [...DEFAULT_SHIFT_TYPES.slice(0, 1), night];
    expect(shift(shanghai('2026-01-06', '03:00'), types)).toEqual({
      date: '2026-01-05',
      shiftTypeId: 'night',
      startAt: shanghai('2026-01-05', '22:00'),
      endAt: shanghai('2026-01-06', '06:00'),
    });
    // Month and year ends roll over like any other night.
    expect(shift(shanghai('2027-01-01', '05:59'), types)).toMatchObject({ date: '2026-12-31', shiftTypeId: 'night' });
  });

  it('previous and next shifts follow start order, across midnight', () => {
    expect(previousShift({ date: '2026-01-05', shiftTypeId: 'early' }, DEFAULT_SHIFT_TYPES, ZONE)).toMatchObject({
      date: '2026-01-04',
      shiftTypeId: 'late',
    });
    expect(nextShift({ date: '2026-01-05', shiftTypeId: 'late' }, DEFAULT_SHIFT_TYPES, ZONE)).toMatchObject({
      date: '2026-01-06',
      shiftTypeId: 'early',
    });
    expect(nextShift({ date: '2026-01-05', shiftTypeId: 'early' }, DEFAULT_SHIFT_TYPES, ZONE)).toMatchObject({
      date: '2026-01-05',
      shiftTypeId: 'late',
    });
    expect(previousShift({ date: '2026-01-05', shiftTypeId: 'nope' }, DEFAULT_SHIFT_TYPES, ZONE)).toBeNull();
  });

  it('retired shift types are no longer current, yet old notes can still place theirs', () => {
    const types = [DEFAULT_SHIFT_TYPES[0]!, { ...DEFAULT_SHIFT_TYPES[1]!, retired: true }];
    expect(shift(shanghai('2026-01-05', '17:00'), types)).toBeNull();
    expect(shiftInstance({ date: '2026-01-05', shiftTypeId: 'late' }, types, ZONE)?.startAt).toBe(shanghai('2026-01-05', '16:00'));
    expect(nextShift({ date: '2026-01-05', shiftTypeId: 'early' }, types, ZONE)).toMatchObject({ date: '2026-01-06', shiftTypeId: 'early' });
  });

  it('overlapping shifts: the one that started last is current', () => {
    const middle: ShiftType = { id: 'middle', name: { 'zh-CN': '中班', en: 'Middle shift' }, start: '12:00', end: '20:00' };
    expect(shift(shanghai('2026-01-05', '13:00'), [...DEFAULT_SHIFT_TYPES, middle])?.shiftTypeId).toBe('middle');
  });

  it('a team in a zone with daylight saving time: the night the clocks go forward is an hour shorter', () => {
    const berlinNight = shift(Date.parse('2026-03-29T01:30:00Z'), [night], 'Europe/Berlin');
    expect(berlinNight).toMatchObject({ date: '2026-03-28', shiftTypeId: 'night' });
    expect(berlinNight!.endAt - berlinNight!.startAt).toBe(7 * HOUR);
  });
});

describe('a computer set to another time zone computes the same shift', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
  });

  it.each(['America/Los_Angeles', 'Pacific/Kiritimati', 'Europe/London', 'UTC'])('%s', (computerZone) => {
    // 09:00 in Shanghai is still the 4th in Los Angeles and already the 5th at 15:00 in Kiritimati.
    const now = shanghai('2026-01-05', '09:00');
    const inShanghai = shift(now);
    process.env.TZ = computerZone;
    expect(new Date(now).getTimezoneOffset()).not.toBe(-480);
    expect(shift(now)).toEqual(inShanghai);
    expect(dateInZone(now, ZONE)).toBe('2026-01-05');
    expect(proposedShift(shanghai('2026-01-06', '01:00'), DEFAULT_SHIFT_TYPES, ZONE)).toMatchObject({ date: '2026-01-05', shiftTypeId: 'late' });
  });
});

describe('shift computation, for any shift types and zone', () => {
  const time = fc.integer({ min: 0, max: 47 }).map((half) => `${String(Math.floor(half / 2)).padStart(2, '0')}:${half % 2 ? '30' : '00'}`);
  const typeArb = fc
    .record({ start: time, end: fc.oneof(time, fc.constant('24:00')) })
    .filter(({ start, end }) => shiftTypeSchema.safeParse({ id: 'x', name: { 'zh-CN': 'x', en: 'x' }, start, end }).success);
  const typesArb = fc
    .array(typeArb, { minLength: 1, maxLength: 4 })
    .map((types) => types.map((type, index) => ({ ...type, id: `s${index}`, name: { 'zh-CN': `班${index}`, en: `S${index}` } })));
  const zoneArb = fc.constantFrom('Asia/Shanghai', 'Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata');
  const nowArb = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) });

  it('the current shift contains now and starts on its date; between shifts, the proposal is the latest started', () => {
    fc.assert(
      fc.property(typesArb, zoneArb, nowArb, (types, zone, now) => {
        const proposed = proposedShift(now, types, zone)!;
        expect(proposed.startAt).toBeLessThanOrEqual(now);
        expect(dateInZone(proposed.startAt, zone)).toBe(proposed.date);
        const current = currentShift(now, types, zone);
        if (current) {
          expect(current.startAt).toBeLessThanOrEqual(now);
          expect(current.endAt).toBeGreaterThan(now);
          expect(proposed).toEqual(current);
        } else {
          expect(proposed.endAt).toBeLessThanOrEqual(now);
        }
      }),
    );
  });

  it('next of previous is the shift itself; between shifts, the next one starts after now', () => {
    fc.assert(
      fc.property(typesArb, zoneArb, nowArb, (types, zone, now) => {
        const self = proposedShift(now, types, zone)!;
        const previous = previousShift(self, types, zone)!;
        const next = nextShift(self, types, zone)!;
        expect(nextShift(previous, types, zone)).toEqual(self);
        expect(previousShift(next, types, zone)).toEqual(self);
        expect(previous.startAt).toBeLessThanOrEqual(self.startAt);
        expect(next.startAt).toBeGreaterThanOrEqual(self.startAt);
        // Between shifts, nothing started after `self` and before `now`.
        if (!currentShift(now, types, zone)) expect(next.startAt).toBeGreaterThan(now);
      }),
    );
  });
});

describe('due times picked in the team time zone', () => {
  it('a picker value is the team\'s wall-clock time, whatever zone the computer is in', () => {
    expect(instantOfWallTime('2026-01-05T18:00', ZONE)).toBe(shanghai('2026-01-05', '18:00'));
    expect(wallTimeInZone(shanghai('2026-01-05', '18:00'), ZONE)).toBe('2026-01-05T18:00');
    expect(wallTimeInZone(shanghai('2026-01-05', '18:00'), 'Europe/Berlin')).toBe('2026-01-05T11:00');
  });

  it('an empty or malformed picker value is no instant', () => {
    for (const value of ['', '2026-01-05', '2026-02-30T10:00', '2026-01-05T24:00', '2026-01-05 10:00']) {
      expect(instantOfWallTime(value, ZONE)).toBeNull();
    }
  });

  it('every minute survives the round trip, in zones with and without daylight saving', () => {
    const minuteArb = fc.integer({ min: Date.UTC(2000, 0, 1) / 60_000, max: Date.UTC(2100, 0, 1) / 60_000 }).map((minute) => minute * 60_000);
    fc.assert(
      fc.property(minuteArb, fc.constantFrom(ZONE, 'Europe/Berlin', 'America/New_York', 'UTC'), (at, zone) => {
        const back = instantOfWallTime(wallTimeInZone(at, zone), zone)!;
        // The hour repeated when clocks go back names two instants; either reads the same.
        expect(wallTimeInZone(back, zone)).toBe(wallTimeInZone(at, zone));
      }),
    );
  });
});
