/**
 * Money is whole fen (分), integers only: a total is a sum of integer products, so it never drifts
 * by a fen the way sums of decimal yuan in floating point do. Text is parsed digit by digit and
 * formatted with integer division, never through a float.
 */

/** ¥10,000,000 per unit: far beyond any prize, and quantity × value stays a safe integer. */
export const MAX_UNIT_VALUE_FEN = 1_000_000_000;
export const MAX_QUANTITY = 100_000;
/** A campaign's or a month's budget: ¥100,000,000. */
export const MAX_BUDGET_FEN = 10_000_000_000;

const YUAN = /^(\d{1,13})(?:\.(\d{1,2}))?$/;

/** "499.99", "500", "1,234.5", "¥50,000.00" → fen; null when it is not an amount of yuan with at most two decimals. */
export function parseYuan(text: string): number | null {
  const cleaned = text.trim().replace(/^[¥￥]/, '').replace(/[,，\s]/g, '');
  const match = YUAN.exec(cleaned);
  if (!match) return null;
  const fen = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(fen) ? fen : null;
}

/** 4999999 → "¥49,999.99"; -150 → "-¥1.50". */
export function formatFen(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`not a whole number of fen: ${fen}`);
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100);
  const cents = abs % 100;
  return `${sign}¥${yuan.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents.toString().padStart(2, '0')}`;
}

/** The yuan part as typed in a form: 49999 → "499.99". */
export function fenToYuanText(fen: number): string {
  return formatFen(fen).replace(/^(-?)¥/, '$1').replace(/,/g, '');
}

/** Sum of integers, refusing anything that is not one (a float would make the total drift). */
export function sumFen(values: Iterable<number>): number {
  let total = 0;
  for (const value of values) {
    if (!Number.isSafeInteger(value)) throw new RangeError(`not a whole number of fen: ${value}`);
    total += value;
  }
  if (!Number.isSafeInteger(total)) throw new RangeError('total too large');
  return total;
}
