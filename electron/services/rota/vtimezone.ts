import { TZDate } from '@date-fns/tz';

/**
 * An RFC 5545 VTIMEZONE for an IANA zone, from the runtime's own zone data: no library of zone
 * rules was at hand, and a calendar app needs the block to place `DTSTART;TZID=…` times. The
 * zone's offset changes between `fromYear` and `toYear` are listed one by one (an observance per
 * change), which every reader understands and which needs no RRULE guessed from the data.
 */

const HOUR = 3_600_000;

const offsetMinutes = (at: number, zone: string) => -new TZDate(at, zone).getTimezoneOffset();

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}

/** The instants in [from, to) where the zone's offset changes (found to the minute). */
export function offsetChanges(zone: string, from: number, to: number): Array<{ at: number; before: number; after: number }> {
  const changes: Array<{ at: number; before: number; after: number }> = [];
  let previous = offsetMinutes(from, zone);
  for (let at = from + 6 * HOUR; at <= to; at += 6 * HOUR) {
    const offset = offsetMinutes(at, zone);
    if (offset === previous) continue;
    let low = at - 6 * HOUR;
    let high = at;
    while (high - low > 60_000) {
      const middle = low + Math.floor((high - low) / 120_000) * 60_000;
      if (offsetMinutes(middle, zone) === previous) low = middle;
      else high = middle;
    }
    changes.push({ at: high, before: previous, after: offset });
    previous = offset;
  }
  return changes;
}

export function vtimezone(zone: string, fromYear: number, toYear: number): string {
  const from = Date.UTC(fromYear, 0, 1) - 14 * HOUR;
  const to = Date.UTC(toYear + 1, 0, 1) + 14 * HOUR;
  const first = offsetMinutes(from, zone);
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`];
  const observance = (kind: 'STANDARD' | 'DAYLIGHT', start: string, before: number, after: number) =>
    lines.push(`BEGIN:${kind}`, `DTSTART:${start}`, `TZOFFSETFROM:${formatOffset(before)}`, `TZOFFSETTO:${formatOffset(after)}`, `END:${kind}`);
  observance('STANDARD', '19700101T000000', first, first);
  const changes = offsetChanges(zone, from, to);
  for (const { at, before, after } of changes) {
    // DTSTART is the wall-clock time the change happens at, in the offset before it.
    const wall = new Date(at + before * 60_000).toISOString().replace(/[-:]/g, '').slice(0, 15);
    observance(after > before ? 'DAYLIGHT' : 'STANDARD', wall, before, after);
  }
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
}
