import { weekStart, type RotaCheck } from './checks';
import { compareKeys } from './slots';

/**
 * The lead's checks as a list a person can read: by kind, then by the week of the shift, with
 * counts, so that a month of gaps is a few lines to open rather than sixty warnings.
 */

/** A person's overlap, rest, days and hours first (rare, and about someone), then staffing. */
export const CHECK_KINDS = ['overlap', 'short-rest', 'days-in-row', 'week-hours', 'under-staffed', 'uncovered'] as const satisfies ReadonlyArray<RotaCheck['code']>;

export interface CheckWeek {
  /** The Monday of the week (yyyy-MM-dd). */
  readonly week: string;
  readonly checks: readonly RotaCheck[];
}

export interface CheckGroup {
  readonly code: RotaCheck['code'];
  readonly count: number;
  /** In date order. */
  readonly weeks: readonly CheckWeek[];
}

export function groupChecks(checks: readonly RotaCheck[]): CheckGroup[] {
  return CHECK_KINDS.flatMap((code) => {
    const ofKind = checks.filter((check) => check.code === code).sort((a, b) => compareKeys(a.key, b.key));
    if (ofKind.length === 0) return [];
    const weeks = new Map<string, RotaCheck[]>();
    for (const check of ofKind) {
      const week = weekStart(check.key.slice(0, 10));
      weeks.set(week, [...(weeks.get(week) ?? []), check]);
    }
    return [{ code, count: ofKind.length, weeks: [...weeks].map(([week, list]) => ({ week, checks: list })) }];
  });
}
