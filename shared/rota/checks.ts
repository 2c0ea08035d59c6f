import { activeShiftTypes, addDaysToDate, type ShiftInstance } from '../team-settings';
import type { RotaSettings } from './settings';
import { compareKeys, slotInstance, slotKey } from './slots';

/**
 * The checks a lead sees where they edit and as a list: uncovered and under-staffed shifts, a
 * person on two overlapping shifts, rest under the team's minimum, too many days in a row, too
 * many hours in a week (Monday to Sunday, by the day a shift starts).
 */

export type RotaCheck =
  | { readonly code: 'uncovered'; readonly key: string }
  | { readonly code: 'under-staffed'; readonly key: string; readonly count: number; readonly needed: number }
  | { readonly code: 'overlap'; readonly key: string; readonly other: string; readonly memberId: string }
  | { readonly code: 'short-rest'; readonly key: string; readonly other: string; readonly memberId: string; readonly minutes: number; readonly minHours: number }
  | { readonly code: 'days-in-row'; readonly key: string; readonly memberId: string; readonly days: number; readonly max: number }
  | { readonly code: 'week-hours'; readonly key: string; readonly memberId: string; readonly hours: number; readonly max: number };

/** The people working a slot (leave already taken out), or undefined for nobody. */
export type PeopleOn = (key: string) => readonly string[] | undefined;

/** Monday of the week of `date` (calendar arithmetic, no zone). */
export function weekStart(date: string): string {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDaysToDate(date, -((day + 6) % 7));
}

export function rotaChecks(settings: RotaSettings, peopleOn: PeopleOn, from: string, to: string): RotaCheck[] {
  const checks: RotaCheck[] = [];
  const types = activeShiftTypes(settings.shiftTypes);
  const byMember = new Map<string, ShiftInstance[]>();
  for (let date = from; date <= to; date = addDaysToDate(date, 1)) {
    for (const type of types) {
      const key = slotKey(date, type.id);
      const people = peopleOn(key) ?? [];
      const needed = settings.extras[type.id]?.needed ?? 1;
      if (people.length === 0) checks.push({ code: 'uncovered', key });
      else if (people.length < needed) checks.push({ code: 'under-staffed', key, count: people.length, needed });
      const instance = slotInstance(key, settings);
      if (!instance) continue;
      for (const memberId of people) {
        const list = byMember.get(memberId);
        if (list) list.push(instance);
        else byMember.set(memberId, [instance]);
      }
    }
  }
  const minMinutes = settings.minRestHours * 60;
  for (const [memberId, shifts] of [...byMember].sort(([a], [b]) => compareKeys(a, b))) {
    shifts.sort((a, b) => a.startAt - b.startAt);
    for (let index = 1; index < shifts.length; index += 1) {
      const before = shifts[index - 1]!;
      const shift = shifts[index]!;
      const key = slotKey(shift.date, shift.shiftTypeId);
      const other = slotKey(before.date, before.shiftTypeId);
      if (shift.startAt < before.endAt) checks.push({ code: 'overlap', key, other, memberId });
      else if (shift.startAt - before.endAt < minMinutes * 60_000) {
        checks.push({ code: 'short-rest', key, other, memberId, minutes: Math.round((shift.startAt - before.endAt) / 60_000), minHours: settings.minRestHours });
      }
    }
    let run = 0;
    let lastDate: string | null = null;
    const hoursByWeek = new Map<string, number>();
    for (const shift of shifts) {
      const key = slotKey(shift.date, shift.shiftTypeId);
      if (shift.date !== lastDate) {
        run = lastDate !== null && addDaysToDate(lastDate, 1) === shift.date ? run + 1 : 1;
        lastDate = shift.date;
        if (run === settings.maxDaysInRow + 1) checks.push({ code: 'days-in-row', key, memberId, days: run, max: settings.maxDaysInRow });
      }
      const week = weekStart(shift.date);
      const before = hoursByWeek.get(week) ?? 0;
      const after = before + (shift.endAt - shift.startAt) / 3_600_000;
      hoursByWeek.set(week, after);
      if (before <= settings.maxWeekHours && after > settings.maxWeekHours) {
        checks.push({ code: 'week-hours', key, memberId, hours: Math.round(after * 10) / 10, max: settings.maxWeekHours });
      }
    }
  }
  return checks;
}

/**
 * The days a set of slots spans, joined with a range: checks over it catch what a look at one
 * month alone misses (a run of days that began the month before, a short rest across the 1st, a
 * gap in a month not shown).
 */
export function periodOf(keys: Iterable<string>, range: { from: string; to: string }): { from: string; to: string } {
  let { from, to } = range;
  for (const key of keys) {
    const date = key.slice(0, 10);
    if (date < from) from = date;
    if (date > to) to = date;
  }
  return { from, to };
}
