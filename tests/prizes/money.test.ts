import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatFen } from '../../shared/prizes';

// The one formatFen: the screens, the disclosure text and the CSV export all show money with it.
describe('formatFen', () => {
  it('shows whole fen as yuan with grouping and two decimals', () => {
    expect(formatFen(123456)).toBe('¥1,234.56');
    expect(formatFen(0)).toBe('¥0.00');
    expect(formatFen(5)).toBe('¥0.05');
    expect(formatFen(-5)).toBe('-¥0.05');
    expect(formatFen(100_000_000_00)).toBe('¥100,000,000.00');
  });

  it('refuses a fraction of a fen: money is never a float', () => {
    expect(() => formatFen(0.1 + 0.2)).toThrow(RangeError);
  });

  it('reads back to the same number of fen', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (fen) => {
        const shown = formatFen(fen);
        const digits = shown.replace(/[¥,.]/g, '');
        expect(Number(digits)).toBe(fen);
      }),
    );
  });
});
