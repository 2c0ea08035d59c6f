import { addDaysToDate, type ShiftInstance } from '../team-settings';
import type { Role } from '../team';
import type { RotaSettings } from './settings';
import { parseSlotKey, slotInstance, slotKey } from './slots';

/**
 * Who may take a cover (代班) and why the others may not. Pure: the same answer on every device,
 * which is what lets the fold set a take by an ineligible colleague aside.
 */

/**
 * Whether a member has acknowledged the SOPs a shift type requires (the SOP capability's query):
 * as of `asOf`, an op's hlc (a take is judged at its own time, so that acknowledging later does not
 * make a refused take count), or as things stand now when absent (who may take an open cover).
 */
export type Qualifies = (memberId: string, shiftTypeId: string, asOf?: string) => boolean;
export const everyoneQualifies: Qualifies = () => true;

export type Ineligible =
  | { readonly code: 'requester' }
  | { readonly code: 'not-editor' }
  | { readonly code: 'already-on' }
  | { readonly code: 'on-leave' }
  | { readonly code: 'overlap'; readonly key: string }
  /** `minutes` of rest there would be; the team wants `minHours`. */
  | { readonly code: 'short-rest'; readonly key: string; readonly minutes: number; readonly minHours: number }
  | { readonly code: 'sop-not-acknowledged' };

export interface DutyLookup {
  readonly settings: RotaSettings;
  /** The people on a slot now (after swaps and covers so far); undefined when nobody is. */
  peopleOn(key: string): readonly string[] | undefined;
  onLeave(memberId: string, date: string): boolean;
  rolesOf(memberId: string): readonly Role[];
  readonly qualifies: Qualifies;
}

/** Slots of the days around `date` a member is on: a shift is under a day long, so this holds every neighbour. */
export function neighbourShifts(lookup: DutyLookup, date: string, memberId: string): ShiftInstance[] {
  const shifts: ShiftInstance[] = [];
  for (let offset = -2; offset <= 2; offset += 1) {
    const day = addDaysToDate(date, offset);
    for (const type of lookup.settings.shiftTypes) {
      const key = slotKey(day, type.id);
      if (!lookup.peopleOn(key)?.includes(memberId)) continue;
      const instance = slotInstance(key, lookup.settings);
      if (instance) shifts.push(instance);
    }
  }
  return shifts;
}

/** Why `memberId` may not take `key` for `requester`; empty: eligible. `asOf`: the take's hlc (see `Qualifies`). */
export function ineligibility(lookup: DutyLookup, key: string, memberId: string, requester: string, asOf?: string): Ineligible[] {
  const reasons: Ineligible[] = [];
  const { date, shiftTypeId } = parseSlotKey(key);
  if (memberId === requester) reasons.push({ code: 'requester' });
  const roles = lookup.rolesOf(memberId);
  if (!roles.includes('editor') && !roles.includes('lead')) reasons.push({ code: 'not-editor' });
  if (lookup.peopleOn(key)?.includes(memberId)) reasons.push({ code: 'already-on' });
  if (lookup.onLeave(memberId, date)) reasons.push({ code: 'on-leave' });
  const target = slotInstance(key, lookup.settings);
  if (target) {
    const minMinutes = lookup.settings.minRestHours * 60;
    for (const other of neighbourShifts(lookup, date, memberId)) {
      const otherKey = slotKey(other.date, other.shiftTypeId);
      if (otherKey === key) continue;
      if (other.startAt < target.endAt && target.startAt < other.endAt) {
        reasons.push({ code: 'overlap', key: otherKey });
        continue;
      }
      const minutes = Math.round((other.startAt >= target.endAt ? other.startAt - target.endAt : target.startAt - other.endAt) / 60_000);
      if (minutes < minMinutes) reasons.push({ code: 'short-rest', key: otherKey, minutes, minHours: lookup.settings.minRestHours });
    }
  }
  if (!lookup.qualifies(memberId, shiftTypeId, asOf)) reasons.push({ code: 'sop-not-acknowledged' });
  return reasons;
}
