import type { ShiftInstance } from '../../shared/team-settings';
import { CLOCK_24H } from '../app/format';

/** A wall-clock time in the team's zone ("08:00"), whatever zone this computer is set to. */
export function formatTime(at: number, timeZone: string, language: string): string {
  return new Intl.DateTimeFormat(language, { timeZone, hour: '2-digit', minute: '2-digit', ...CLOCK_24H }).format(at);
}

/** When a shift ends ("16:00"); one ending at midnight ends at "24:00", as the team settings write it. */
export function shiftEnd(shift: ShiftInstance, timeZone: string, language: string): string {
  const end = formatTime(shift.endAt, timeZone, language);
  return end === '00:00' ? '24:00' : end;
}

/** "08:00–16:00" of a shift instance in the team's zone ("16:00–24:00" for one ending at midnight). */
export function shiftHours(shift: ShiftInstance, timeZone: string, language: string): string {
  return `${formatTime(shift.startAt, timeZone, language)}–${shiftEnd(shift, timeZone, language)}`;
}

/** The team's zone differs from this computer's: times are labelled with it. */
export function foreignZone(timeZone: string): boolean {
  return Intl.DateTimeFormat().resolvedOptions().timeZone !== timeZone;
}
