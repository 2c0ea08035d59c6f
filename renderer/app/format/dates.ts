import type { Language } from '../../../shared/settings/schema';

/**
 * Dates and times always go through Intl with the UI language, never hand-built strings. Team
 * instants (shifts, deadlines) are shown in the team's time zone; this computer's own moments
 * (a save just now, today's date in the frame) in the computer's.
 */

/** Instants shown in the team's time zone (shifts and deadlines are in it), in the UI language. */
export function formatInZone(at: number, timeZone: string, language: string): string {
  return new Intl.DateTimeFormat(language, { timeZone, month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' }).format(at);
}

/** "2:05" or "-0:12" (hours and minutes) for a countdown. */
export function formatRemaining(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  return `${sign}${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

export const formatTime = (date: Date, language: Language): string =>
  new Intl.DateTimeFormat(language, { hour: 'numeric', minute: '2-digit' }).format(date);
