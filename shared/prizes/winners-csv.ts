import Papa from 'papaparse';
import { MAX_NAME_CHARS, MAX_WINNERS, type PrizeLine } from './request';

/**
 * Winners imported from a CSV: one row per winner, the Weibo name then the prize (its line number
 * or its name); a first row that names no prize is a header. The whole file is checked before
 * anything is written: one op for all rows, or a clear message and nothing.
 */
export const MAX_CSV_CHARS = 2_000_000;

export type CsvIssue =
  | { readonly code: 'too-large'; readonly params: { readonly max: number } }
  | { readonly code: 'too-many'; readonly params: { readonly max: number; readonly count: number } }
  | { readonly code: 'bad-csv'; readonly params: { readonly row: number; readonly message: string } }
  | { readonly code: 'empty'; readonly params: Record<string, never> }
  | { readonly code: 'missing-name'; readonly params: { readonly row: number } }
  | { readonly code: 'unknown-prize'; readonly params: { readonly row: number; readonly prize: string } };

export interface ImportedWinner {
  readonly weiboName: string;
  readonly lineId: string;
}

export function parseWinnersCsv(text: string, lines: readonly PrizeLine[]): { ok: true; winners: ImportedWinner[] } | { ok: false; issues: CsvIssue[] } {
  if (text.length > MAX_CSV_CHARS) return { ok: false, issues: [{ code: 'too-large', params: { max: MAX_CSV_CHARS } }] };
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const broken = parsed.errors.find((error) => error.type === 'Quotes' || error.type === 'Delimiter');
  if (broken) return { ok: false, issues: [{ code: 'bad-csv', params: { row: (broken.row ?? 0) + 1, message: broken.message } }] };
  const rows = parsed.data;
  const lineOf = (cell: string | undefined) => {
    const value = (cell ?? '').trim();
    const byNumber = /^\d+$/.test(value) ? lines[Number(value) - 1] : undefined;
    return byNumber ?? lines.find((line) => line.prize === value) ?? null;
  };
  const start = rows.length > 0 && lineOf(rows[0]![1]) === null ? 1 : 0;
  const body = rows.slice(start);
  if (body.length === 0) return { ok: false, issues: [{ code: 'empty', params: {} }] };
  if (body.length > MAX_WINNERS) return { ok: false, issues: [{ code: 'too-many', params: { max: MAX_WINNERS, count: body.length } }] };
  const issues: CsvIssue[] = [];
  const winners: ImportedWinner[] = [];
  body.forEach((row, index) => {
    const rowNumber = index + start + 1;
    const name = (row[0] ?? '').trim();
    const line = lineOf(row[1]);
    if (name === '' || name.length > MAX_NAME_CHARS) issues.push({ code: 'missing-name', params: { row: rowNumber } });
    else if (!line) issues.push({ code: 'unknown-prize', params: { row: rowNumber, prize: (row[1] ?? '').trim() } });
    else winners.push({ weiboName: name, lineId: line.id });
  });
  return issues.length > 0 ? { ok: false, issues: issues.slice(0, 20) } : { ok: true, winners };
}
