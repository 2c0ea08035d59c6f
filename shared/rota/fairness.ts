import { addDaysToDate, minutesOf } from '../team-settings';
import type { RotaSettings } from './settings';
import { parseSlotKey } from './slots';
import type { Duty, RotaWorld } from './world';

/** How the load is shared: per person over a period, against the team's mean. */

export interface FairnessRow {
  readonly memberId: string;
  readonly shifts: number;
  /** Tenths of an hour: integers, so that sums and means stay exact. */
  readonly hours: number;
  readonly night: number;
  readonly weekend: number;
  readonly holiday: number;
  readonly coversGiven: number;
  readonly coversReceived: number;
}
export type FairnessMetric = Exclude<keyof FairnessRow, 'memberId'>;
export const FAIRNESS_METRICS: readonly FairnessMetric[] = ['shifts', 'hours', 'night', 'weekend', 'holiday', 'coversGiven', 'coversReceived'];

export interface Fairness {
  readonly rows: readonly FairnessRow[];
  /** Per metric, the mean over the rows (one decimal). */
  readonly mean: Readonly<Record<FairnessMetric, number>>;
}

/** A night shift: it crosses midnight or starts at 20:00 or later. */
export function isNightShift(settings: RotaSettings, shiftTypeId: string): boolean {
  const type = settings.shiftTypes.find((candidate) => candidate.id === shiftTypeId);
  if (!type) return false;
  const start = minutesOf(type.start);
  const end = minutesOf(type.end);
  return end <= start || start >= 20 * 60;
}

/** Saturday or Sunday that is not a make-up working day (调休). */
export function isWeekendDay(settings: RotaSettings, date: string): boolean {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  if (day !== 0 && day !== 6) return false;
  return !settings.holidays.some((holiday) => holiday.date === date && holiday.kind === 'workday');
}

export function isHoliday(settings: RotaSettings, date: string): boolean {
  return settings.holidays.some((holiday) => holiday.date === date && holiday.kind === 'holiday');
}

/** The first and last day of a month (`2026-03`) or a quarter (`2026-Q1`). */
export function periodDays(period: string): { from: string; to: string } {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  const year = period.slice(0, 4);
  const firstMonth = quarter ? (Number(quarter[2]) - 1) * 3 + 1 : Number(period.slice(5, 7));
  const months = quarter ? 3 : 1;
  const from = `${year}-${String(firstMonth).padStart(2, '0')}-01`;
  const nextMonth = firstMonth + months;
  const next = nextMonth > 12 ? `${Number(year) + 1}-01-01` : `${year}-${String(nextMonth).padStart(2, '0')}-01`;
  return { from, to: addDaysToDate(next, -1) };
}

export function fairness(world: RotaWorld, period: string): Fairness {
  const { from, to } = periodDays(period);
  const rows = new Map(world.members.map((member) => [member.memberId, { memberId: member.memberId, shifts: 0, hours: 0, night: 0, weekend: 0, holiday: 0, coversGiven: 0, coversReceived: 0 }]));
  const inPeriod = (duty: Duty) => duty.date >= from && duty.date <= to;
  for (const duty of world.duties.values()) {
    if (!inPeriod(duty)) continue;
    const { date, shiftTypeId } = parseSlotKey(duty.key);
    for (const person of duty.people) {
      const row = rows.get(person.memberId);
      if (!row) continue;
      row.shifts += 1;
      row.hours += Math.round((duty.endAt - duty.startAt) / 360_000);
      if (isNightShift(world.settings, shiftTypeId)) row.night += 1;
      if (isWeekendDay(world.settings, date)) row.weekend += 1;
      if (isHoliday(world.settings, date)) row.holiday += 1;
    }
  }
  for (const cover of world.covers) {
    if (cover.status !== 'covered' || cover.date < from || cover.date > to) continue;
    const given = cover.takenBy === null ? undefined : rows.get(cover.takenBy);
    if (given) given.coversGiven += 1;
    const received = rows.get(cover.memberId);
    if (received) received.coversReceived += 1;
  }
  const list = [...rows.values()];
  const mean = Object.fromEntries(
    FAIRNESS_METRICS.map((metric) => [metric, list.length === 0 ? 0 : Math.round((list.reduce((sum, row) => sum + row[metric], 0) / list.length) * 10) / 10]),
  ) as Record<FairnessMetric, number>;
  return { rows: list, mean };
}
