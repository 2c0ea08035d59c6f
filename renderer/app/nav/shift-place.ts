import type { ShiftRef } from '../../../shared/team-settings';

/** The item of a place that is one shift (`#/stand-in/<date>.<shift type id>`, `#/checklist/…`). */
export const shiftItem = (shift: ShiftRef): string => `${shift.date}.${shift.shiftTypeId}`;

/** `<date>.<shift type id>` (the place the briefing and the rota open) as a shift; null when it is not one. */
export function shiftOfItem(item: string): ShiftRef | null {
  const match = /^(\d{4}-\d{2}-\d{2})\.([A-Za-z0-9_-]+)$/.exec(item);
  return match ? { date: match[1]!, shiftTypeId: match[2]! } : null;
}
