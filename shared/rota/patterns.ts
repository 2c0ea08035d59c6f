import { addDaysToDate } from '../team-settings';
import type { Assignment, Pattern } from './schemas';
import { slotKey } from './slots';

/**
 * A recurring rotation (e.g. two weeks over named people) applied to a date range: day `n` of the
 * range takes day `n mod length` of the pattern. Days before `today` are left alone, so applying
 * again (or late) never rewrites the past.
 */
export function applyPattern(pattern: Pattern, from: string, to: string, today: string): Map<string, Assignment> {
  const slots = new Map<string, Assignment>();
  let index = 0;
  for (let date = from; date <= to; date = addDaysToDate(date, 1), index += 1) {
    if (date < today) continue;
    const day = pattern.days[index % pattern.days.length]!;
    for (const [shiftTypeId, people] of Object.entries(day)) {
      if (people.length > 0) slots.set(slotKey(date, shiftTypeId), { primary: [...people], backup: null });
    }
  }
  return slots;
}
