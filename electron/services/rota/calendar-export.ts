import { TZDate } from '@date-fns/tz';
import ical from 'ical-generator';
import Papa from 'papaparse';
import { dutiesBetween, parseSlotKey, roleOn, type Duty, type RotaWorld } from '../../../shared/rota';
import { vtimezone } from './vtimezone';

/**
 * The rota as iCalendar (RFC 5545, times in the team's zone with its VTIMEZONE) and as CSV
 * (one row per shift: date, shift type, primary people, backup, by name). Both for the team or
 * one person, over a range of days.
 */

export interface ExportRange {
  readonly from: string;
  readonly to: string;
  /** One person's shifts only. */
  readonly memberId?: string | undefined;
}

function dutiesIn(world: RotaWorld, range: ExportRange): Duty[] {
  const days = Math.round((Date.parse(range.to) - Date.parse(range.from)) / 86_400_000) + 1;
  const duties = dutiesBetween(world, range.from, Math.max(0, days));
  return range.memberId === undefined ? duties : duties.filter((duty) => roleOn(duty, range.memberId!) !== null);
}

const nameOf = (world: RotaWorld) => {
  const names = new Map(world.members.map((member) => [member.memberId, member.name]));
  return (memberId: string) => names.get(memberId) ?? memberId;
};

export function rotaIcs(world: RotaWorld, range: ExportRange, now: number): string {
  const zone = world.settings.timeZone;
  const name = nameOf(world);
  const calendar = ical({ name: 'Baton 值班表', prodId: { company: 'Baton', product: 'rota', language: 'ZH' } });
  calendar.timezone({ name: zone, generator: (tz) => vtimezone(tz, Number(range.from.slice(0, 4)), Number(range.to.slice(0, 4))) });
  for (const duty of dutiesIn(world, range)) {
    const type = world.settings.shiftTypes.find((candidate) => candidate.id === duty.shiftTypeId);
    const people = duty.people.map((person) => name(person.memberId)).join('、');
    const backup = duty.backup === null ? '' : `\n备班 Backup: ${name(duty.backup)}`;
    calendar.createEvent({
      id: `${duty.key}${range.memberId ? `-${range.memberId}` : ''}@baton`,
      stamp: new Date(now),
      start: new TZDate(duty.startAt, zone),
      end: new TZDate(duty.endAt, zone),
      timezone: zone,
      summary: `${type?.name['zh-CN'] ?? duty.shiftTypeId} ${type?.name.en ?? ''}: ${people || '—'}`.trim(),
      description: `值班 On duty: ${people || '—'}${backup}`,
    });
  }
  return calendar.toString();
}

export const CSV_COLUMNS = ['date', 'shift', 'primary', 'backup'] as const;

/** Names separated by `;` (a name may hold spaces and commas are the column separator). */
export function rotaCsv(world: RotaWorld, range: ExportRange): string {
  const name = nameOf(world);
  const rows = dutiesIn(world, range).map((duty) => {
    const { date, shiftTypeId } = parseSlotKey(duty.key);
    return [date, shiftTypeId, duty.people.map((person) => name(person.memberId)).join(';'), duty.backup === null ? '' : name(duty.backup)];
  });
  return Papa.unparse({ fields: [...CSV_COLUMNS], data: rows }, { newline: '\r\n' });
}
