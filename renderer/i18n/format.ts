import type { Language } from '../../shared/settings/schema';

/** Dates and times always go through Intl with the UI language, never hand-built strings. */
export const formatTime = (date: Date, language: Language): string =>
  new Intl.DateTimeFormat(language, { hour: 'numeric', minute: '2-digit' }).format(date);

/** Month and day, and the weekday apart: the message puts them in each language's order. */
export const formatMonthDay = (date: Date, language: Language): string =>
  new Intl.DateTimeFormat(language, { month: 'long', day: 'numeric' }).format(date);

export const formatWeekday = (date: Date, language: Language): string =>
  new Intl.DateTimeFormat(language, { weekday: 'long' }).format(date);

/** The calendar date as YYYY-MM-DD in local time, for a <time dateTime> attribute. */
export const isoDay = (date: Date): string =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
