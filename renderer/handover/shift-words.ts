import type { ShiftInstance, ShiftRef, ShiftType } from '../../shared/team-settings';
import type { Language } from '../../shared/settings/schema';
import { settingName } from '../app/format';

/** A team date (yyyy-MM-dd) in the UI language: "12月6日" / "Dec 6". The date is already in the team's zone. */
export function formatTeamDate(date: string, language: Language): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(language, { timeZone: 'UTC', month: 'short', day: 'numeric' }).format(Date.UTC(year, month - 1, day));
}

/** "12月6日 晚班 16:00–24:00": a shift named the way the shift picker shows it. */
export function describeShift(shift: ShiftRef, shiftTypes: readonly ShiftType[], language: Language): string {
  const type = shiftTypes.find((candidate) => candidate.id === shift.shiftTypeId);
  const hours = type ? ` ${type.start}–${type.end}` : '';
  return `${formatTeamDate(shift.date, language)} ${settingName(shiftTypes, shift.shiftTypeId, language)}${hours}`;
}

export const sameShift = (a: ShiftRef, b: ShiftInstance | null | undefined): boolean =>
  b !== null && b !== undefined && a.date === b.date && a.shiftTypeId === b.shiftTypeId;
