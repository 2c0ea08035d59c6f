import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';

/** An instant as ISO 8601 with the team zone's offset (2026-01-05T08:00+08:00): unambiguous in any spreadsheet. */
export function isoInZone(at: number, timeZone: string): string {
  return format(new TZDate(at, timeZone), "yyyy-MM-dd'T'HH:mmXXX");
}

/** File names keep to ASCII letters, digits, '.', '_' and '-' on every file system. */
export function safeFileName(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 100);
}
