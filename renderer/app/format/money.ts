/**
 * Money is whole fen (分) everywhere, never floating point; only the screen shows yuan. The
 * digits are cut with integer arithmetic, so ¥0.10 + ¥0.20 shows ¥0.30, not ¥0.30000000000000004.
 */

const grouping = new Intl.NumberFormat('en', { useGrouping: true, maximumFractionDigits: 0 });

/** 123456 fen → "¥1,234.56"; -5 → "-¥0.05". Throws on a non-integer: that is a bug upstream. */
export function formatFen(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`money must be whole fen, got ${fen}`);
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100);
  const rest = abs % 100;
  return `${sign}¥${grouping.format(yuan)}.${String(rest).padStart(2, '0')}`;
}
