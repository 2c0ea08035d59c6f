import type { Language } from '../../../shared/settings/schema';

/**
 * Dates and times always go through Intl with the UI language, never hand-built strings. Team
 * instants (shifts, deadlines) are shown in the team's time zone; this computer's own moments
 * (a save just now, today's date in the frame) in the computer's.
 */

/**
 * The 24-hour clock in every language: an operations team reads shifts and deadlines as
 * "16:00", as the date fields and the Chinese UI show them; English would otherwise say "04:00 PM".
 * Spread into every Intl format that shows a time of day.
 */
export const CLOCK_24H = { hourCycle: 'h23' } as const satisfies Intl.DateTimeFormatOptions;

/** Instants shown in the team's time zone (shifts and deadlines are in it), in the UI language ("1/6 14:05", "1/6, 14:05"). */
export function formatInZone(at: number, timeZone: string, language: string): string {
  return new Intl.DateTimeFormat(language, { timeZone, month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', ...CLOCK_24H }).format(at);
}

/** "2:05" or "-0:12" (hours and minutes) for a countdown. */
export function formatRemaining(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  return `${sign}${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

/** This computer's time of day ("14:05"), for "saved at". */
export const formatTime = (date: Date, language: Language): string =>
  new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit', ...CLOCK_24H }).format(date);
