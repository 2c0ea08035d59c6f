import { TZDate, tzOffset } from '@date-fns/tz';
import { format } from 'date-fns';
import { dateSchema } from './fields';
import { activeShiftTypes, minutesOf, type ShiftType } from './shift-types';

/**
 * Which shift a moment belongs to. Everything is computed in the team's time zone with TZDate,
 * never in the computer's own zone: a laptop set to another zone computes the same shift.
 * A shift belongs to the date it starts on (晚班 22:00–06:00 of 5 Jan ends on 6 Jan).
 */

export interface ShiftRef {
  /** yyyy-MM-dd in the team's time zone: the day the shift starts. */
  readonly date: string;
  readonly shiftTypeId: string;
}

export interface ShiftInstance extends ShiftRef {
  /** Epoch ms, inclusive. */
  readonly startAt: number;
  /** Epoch ms, exclusive. */
  readonly endAt: number;
}

/** The calendar date of an instant in a time zone. */
export function dateInZone(at: number, timeZone: string): string {
  // What TZDate does (the instant moved by the zone's offset there, read as UTC), with one Intl call.
  const offset = tzOffset(timeZone, new Date(at));
  if (Number.isFinite(offset)) {
    const iso = new Date(at + Math.round(offset * 60) * 1000).toISOString();
    if (iso.length === 24) return iso.slice(0, 10);
  }
  return format(new TZDate(at, timeZone), 'yyyy-MM-dd');
}

/** Calendar arithmetic on yyyy-MM-dd; no time zone takes part. */
export function addDaysToDate(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

const HOUR_MS = 3_600_000;
/** Offsets lie within -12 h and +14 h: every wall time of a day (00:00 to the next 00:00) falls between these instants. */
const DAY_FROM_MS = -15 * HOUR_MS;
const DAY_TO_MS = 24 * HOUR_MS + 13 * HOUR_MS;
/** A zone changes its offset at most a few times a year, never twice within this. */
const OFFSET_SAMPLE_MS = 4 * HOUR_MS;
/** Per `zone date`: the zone's offset in whole minutes when it holds over every wall time of the day, else null. */
const steadyOffsets = new Map<string, number | null>();
const STEADY_OFFSETS_KEPT = 20_000;

function steadyOffset(timeZone: string, year: number, month: number, day: number): number | null {
  const key = `${timeZone} ${year}-${month}-${day}`;
  const known = steadyOffsets.get(key);
  if (known !== undefined) return known;
  const midnight = Date.UTC(year, month - 1, day);
  let offset: number | null = tzOffset(timeZone, new Date(midnight + DAY_FROM_MS));
  if (!Number.isInteger(offset)) offset = null;
  for (let at = midnight + DAY_FROM_MS + OFFSET_SAMPLE_MS; offset !== null && at <= midnight + DAY_TO_MS; at += OFFSET_SAMPLE_MS) {
    if (tzOffset(timeZone, new Date(at)) !== offset) offset = null;
  }
  if (steadyOffsets.size >= STEADY_OFFSETS_KEPT) steadyOffsets.clear();
  steadyOffsets.set(key, offset);
  return offset;
}

/**
 * The instant of a wall-clock time on a date in a zone (a time skipped by DST moves forward). On a
 * day the zone's offset does not change (every day but a handful a year) that is the wall time read
 * as UTC less the offset, one offset per zone and day (TZDate asks Intl about five times per
 * instant: a month of shifts took most of a briefing); around a change, TZDate decides.
 * tests/team-settings/zone-math.test.ts compares both on days of changes in several zones.
 */
function instantAt(date: string, minutes: number, timeZone: string): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const offset = steadyOffset(timeZone, year, month, day);
  if (offset !== null) return Date.UTC(year, month - 1, day, 0, minutes) - offset * 60_000;
  return new TZDate(year, month - 1, day, Math.floor(minutes / 60), minutes % 60, timeZone).getTime();
}

/**
 * An instant as wall-clock time in the zone, `yyyy-MM-ddTHH:mm`: what a date-time picker shows.
 * Due times are picked in the team's zone, whatever zone the computer is set to.
 */
export function wallTimeInZone(at: number, timeZone: string): string {
  return format(new TZDate(at, timeZone), "yyyy-MM-dd'T'HH:mm");
}

/** The instant of a picker's `yyyy-MM-ddTHH:mm` in the zone; null for anything else (an empty picker). */
export function instantOfWallTime(value: string, timeZone: string): number | null {
  const match = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):([0-5]\d)$/.exec(value);
  if (!match || !dateSchema.safeParse(match[1]).success) return null;
  return instantAt(match[1]!, Number(match[2]) * 60 + Number(match[3]), timeZone);
}

export function shiftOn(date: string, type: ShiftType, timeZone: string): ShiftInstance {
  const start = minutesOf(type.start);
  const end = minutesOf(type.end);
  return {
    date,
    shiftTypeId: type.id,
    startAt: instantAt(date, start, timeZone),
    // 24:00 is taken as 24 h past midnight by TZDate, i.e. the next day's 00:00.
    endAt: end > start ? instantAt(date, end, timeZone) : instantAt(addDaysToDate(date, 1), end, timeZone),
  };
}

/** The instance of a referenced shift; null when the team has no such shift type (retired ones still count). */
export function shiftInstance(ref: ShiftRef, shiftTypes: readonly ShiftType[], timeZone: string): ShiftInstance | null {
  const type = shiftTypes.find((candidate) => candidate.id === ref.shiftTypeId);
  return type ? shiftOn(ref.date, type, timeZone) : null;
}

/** Start order; two types starting together are ordered by id so every device agrees. */
export function compareShifts(a: ShiftInstance, b: ShiftInstance): number {
  return a.startAt - b.startAt || (a.shiftTypeId < b.shiftTypeId ? -1 : a.shiftTypeId > b.shiftTypeId ? 1 : 0);
}

/**
 * Every shift of the active types starting within two days before and one after `at`'s date: a
 * shift is shorter than a day and each type recurs daily, so this holds `at`'s neighbours.
 */
function shiftsAround(at: number, shiftTypes: readonly ShiftType[], timeZone: string): ShiftInstance[] {
  const day = dateInZone(at, timeZone);
  const shifts: ShiftInstance[] = [];
  for (let offset = -2; offset <= 1; offset += 1) {
    const date = addDaysToDate(day, offset);
    for (const type of activeShiftTypes(shiftTypes)) shifts.push(shiftOn(date, type, timeZone));
  }
  return shifts.sort(compareShifts);
}

/** The shift under way at `now`; of overlapping shifts, the one that started last. Null between shifts. */
export function currentShift(now: number, shiftTypes: readonly ShiftType[], timeZone: string): ShiftInstance | null {
  return shiftsAround(now, shiftTypes, timeZone).findLast((shift) => shift.startAt <= now && now < shift.endAt) ?? null;
}

/**
 * The shift a note written at `now` is most likely for: the current one, or between shifts the
 * one that started last (the late shift writing its note after midnight). Null only with no active
 * shift type, which the team settings do not allow.
 */
export function proposedShift(now: number, shiftTypes: readonly ShiftType[], timeZone: string): ShiftInstance | null {
  const started = shiftsAround(now, shiftTypes, timeZone).filter((shift) => shift.startAt <= now);
  return started.findLast((shift) => now < shift.endAt) ?? started.at(-1) ?? null;
}

/** The next shift to start after `now`: between shifts, the one the next person is coming in for. */
export function upcomingShift(now: number, shiftTypes: readonly ShiftType[], timeZone: string): ShiftInstance | null {
  return shiftsAround(now, shiftTypes, timeZone).find((shift) => shift.startAt > now) ?? null;
}

/** The shift that started before `shift`, among the active types. */
export function previousShift(shift: ShiftRef, shiftTypes: readonly ShiftType[], timeZone: string): ShiftInstance | null {
  const self = shiftInstance(shift, shiftTypes, timeZone);
  if (!self) return null;
  return shiftsAround(self.startAt, shiftTypes, timeZone).findLast((other) => compareShifts(other, self) < 0) ?? null;
}

/** The shift that starts after `shift`, among the active types. */
export function nextShift(shift: ShiftRef, shiftTypes: readonly ShiftType[], timeZone: string): ShiftInstance | null {
  const self = shiftInstance(shift, shiftTypes, timeZone);
  if (!self) return null;
  return shiftsAround(self.startAt, shiftTypes, timeZone).find((other) => compareShifts(other, self) > 0) ?? null;
}

/** A stable key for grouping notes and drafts by shift: `2026-01-05/early`. */
export function shiftKey(ref: ShiftRef): string {
  return `${ref.date}/${ref.shiftTypeId}`;
}
