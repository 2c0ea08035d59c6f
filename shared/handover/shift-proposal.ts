import { currentShift, proposedShift, upcomingShift, type ShiftInstance, type ShiftType } from '../team-settings';

/**
 * Which shift a note written now is proposed for, and why, so the screen can say it in words: a
 * stand-in at 04:12 must not be handed "yesterday's late shift" without a word.
 */
export interface ShiftProposal {
  readonly shift: ShiftInstance;
  /** `current`: under way now. `last-ended`: no shift is under way, so the one that ended last. */
  readonly reason: 'current' | 'last-ended';
  /** With `last-ended`, the next shift to start (the hours in between belong to no shift). */
  readonly upcoming: ShiftInstance | null;
}

export function shiftProposal(now: number, shiftTypes: readonly ShiftType[], timeZone: string): ShiftProposal | null {
  const current = currentShift(now, shiftTypes, timeZone);
  if (current) return { shift: current, reason: 'current', upcoming: null };
  const shift = proposedShift(now, shiftTypes, timeZone);
  return shift ? { shift, reason: 'last-ended', upcoming: upcomingShift(now, shiftTypes, timeZone) } : null;
}
