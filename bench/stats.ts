/** Percentiles by nearest rank; the samples need not be sorted. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export const median = (samples: readonly number[]) => percentile(samples, 50);
export const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

export function summary(samples: readonly number[]): { p50: number; p95: number; samples: number } {
  return { p50: round(percentile(samples, 50)), p95: round(percentile(samples, 95)), samples: samples.length };
}
