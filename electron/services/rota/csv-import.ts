import Papa from 'papaparse';
import type { CsvPreview, CsvRowVerdict } from '../../../shared/api/rota-views';
import { rotaDateSchema, slotInstance, slotKey, type Assignment, type RotaWorld } from '../../../shared/rota';
import { CSV_COLUMNS } from './calendar-export';

/**
 * Assignments from a CSV (as `rotaCsv` writes it): every row is checked and named with why it
 * cannot be written (unknown person, unknown shift, bad date, double booking); the service writes
 * only when there is no bad row and the person confirmed.
 */

/** Far more than a year of shifts for a large team; a bigger file is a mistake, refused whole. */
export const MAX_CSV_ROWS = 5000;

export function previewCsv(world: RotaWorld, text: string): CsvPreview {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: 'greedy', transformHeader: (header) => header.trim().toLowerCase() });
  const fileProblems: string[] = [];
  const missing = CSV_COLUMNS.filter((column) => column !== 'backup' && !(parsed.meta.fields ?? []).includes(column));
  if (missing.length > 0) fileProblems.push(`missing columns: ${missing.join(', ')} (expected ${CSV_COLUMNS.join(', ')})`);
  if (parsed.data.length > MAX_CSV_ROWS) fileProblems.push(`${parsed.data.length} rows: at most ${MAX_CSV_ROWS} can be imported at once`);
  if (fileProblems.length > 0) return { rows: [], good: 0, bad: 0, fileProblems };

  const people = new Map<string, string>();
  for (const member of world.members) {
    people.set(member.memberId, member.memberId);
    people.set(member.name.trim(), member.memberId);
  }
  const types = new Map<string, string>();
  for (const type of world.settings.shiftTypes) {
    for (const label of [type.id, type.name['zh-CN'], type.name.en]) types.set(label.trim().toLowerCase(), type.id);
  }
  const seenKeys = new Map<string, number>();
  const booked: Array<{ memberId: string; startAt: number; endAt: number; line: number }> = [];
  const rows: CsvRowVerdict[] = parsed.data.map((raw, index) => {
    const line = index + 2;
    const problems: string[] = [];
    const date = (raw.date ?? '').trim();
    if (!rotaDateSchema.safeParse(date).success) problems.push(`bad date "${date}" (yyyy-MM-dd, 2000–2099)`);
    const shiftTypeId = types.get((raw.shift ?? '').trim().toLowerCase());
    if (!shiftTypeId) problems.push(`unknown shift "${(raw.shift ?? '').trim()}"`);
    const resolve = (label: string) => {
      const memberId = people.get(label);
      if (!memberId) problems.push(`unknown person "${label}"`);
      return memberId;
    };
    const primary = (raw.primary ?? '').split(/[;；]/).map((name) => name.trim()).filter(Boolean).flatMap((name) => resolve(name) ?? []);
    const backupLabel = (raw.backup ?? '').trim();
    const backup = backupLabel === '' ? null : (resolve(backupLabel) ?? null);
    if (new Set(primary).size !== primary.length) problems.push('double booking: a person is listed twice on this shift');
    let key: string | null = null;
    if (problems.length === 0 && shiftTypeId) {
      key = slotKey(date, shiftTypeId);
      const earlier = seenKeys.get(key);
      if (earlier !== undefined) problems.push(`double booking: this shift is already on line ${earlier}`);
      else seenKeys.set(key, line);
      const instance = slotInstance(key, world.settings);
      for (const memberId of primary) {
        const clash = instance && booked.find((other) => other.memberId === memberId && other.startAt < instance.endAt && instance.startAt < other.endAt);
        if (clash) problems.push(`double booking: ${memberId} is on an overlapping shift on line ${clash.line}`);
        if (instance) booked.push({ memberId, startAt: instance.startAt, endAt: instance.endAt, line });
      }
    }
    const assignment: Assignment | null = problems.length === 0 ? { primary, backup } : null;
    return { line, key: problems.length === 0 ? key : null, assignment, problems };
  });
  const bad = rows.filter((row) => row.problems.length > 0).length;
  return { rows, good: rows.length - bad, bad, fileProblems };
}
