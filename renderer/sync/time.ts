import { useEffect, useState } from 'react';
import type { Language } from '../../shared/settings/schema';
import { CLOCK_24H } from '../app/format';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * "3 minutes ago", "2天前": the unit that reads naturally, through Intl. Under 45 seconds either
 * way it is "just now" (passed in, worded by the caller), so a fresh check never says "0 seconds".
 */
export function formatRelative(at: number, now: number, language: Language, justNow: string): string {
  const diff = at - now;
  const size = Math.abs(diff);
  if (size < 45 * SECOND) return justNow;
  const format = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  if (size < 45 * MINUTE) return format.format(Math.round(diff / MINUTE), 'minute');
  if (size < 22 * HOUR) return format.format(Math.round(diff / HOUR), 'hour');
  return format.format(Math.round(diff / DAY), 'day');
}

/** Date and time to the second, for the hover title beside a relative time. */
export const formatDateTime = (at: number, language: Language): string =>
  new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'medium', ...CLOCK_24H }).format(new Date(at));

/** Time of day to the second ("12:03:05"), for "checked at". */
export const formatClockTime = (at: number, language: Language): string =>
  new Intl.DateTimeFormat(language, { timeStyle: 'medium', ...CLOCK_24H }).format(new Date(at));

/** Hours and minutes on the 24-hour clock ("10:42"), for "everyone's changes up to 10:42". */
export const formatHourMinute = (at: number, language: Language): string =>
  new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit', ...CLOCK_24H }).format(new Date(at));

/** How far a clock is off, in the largest whole unit that fits: "3 hours", "2天", "12 分钟". */
export function formatDuration(ms: number, language: Language): string {
  const size = Math.abs(ms);
  const [value, unit] =
    size >= 2 * DAY ? [size / DAY, 'day'] : size >= HOUR ? [size / HOUR, 'hour'] : [Math.max(1, size / MINUTE), 'minute'];
  return new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: 'long', maximumFractionDigits: 0 }).format(Math.round(value));
}

/** The poll interval of the settings as people say it: "5 seconds", "5分钟". */
export function formatInterval(seconds: number, language: Language): string {
  const [value, unit] = seconds >= 60 && seconds % 60 === 0 ? [seconds / 60, 'minute'] : [seconds, 'second'];
  return new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: 'long' }).format(value);
}

/** "300 bytes", "1.2 kB", "200 MB": file sizes as a file manager shows them. */
export function formatSize(bytes: number, language: Language): string {
  if (bytes < 1024) return new Intl.NumberFormat(language, { style: 'unit', unit: 'byte', unitDisplay: 'long' }).format(bytes);
  const [value, unit] = bytes < 1024 * 1024 ? [bytes / 1024, 'kilobyte'] : [bytes / (1024 * 1024), 'megabyte'];
  return new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(value);
}

/** The current time, renewed every `everyMs`, so relative times ("2 分钟前") move on by themselves. */
export function useNow(everyMs = 15 * SECOND): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
