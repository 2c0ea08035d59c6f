import { currentShift, nextShift, upcomingShift, type Person, type ShiftInstance, type TeamSettings } from '../team-settings';
import type { ReadonlySyncState } from '../sync/trust-plug';
import type { Moment, MyShift, OnDuty } from './types';

/** What every section is asked with: the folded team data, who I am, the instant, the team's settings. */
export interface BriefingQuery {
  readonly state: ReadonlySyncState;
  readonly me: Person | null;
  readonly now: number;
  readonly settings: TeamSettings;
}

/** What the rota says about me and the shifts around now; `defaultDuty` when the team keeps none. */
export interface DutyFacts {
  /** My shifts from the day before to the day after, each with how I am on it. */
  readonly myShifts: readonly MyShift[];
  readonly onNow: OnDuty | null;
  readonly onNext: OnDuty | null;
  /** I am on leave now, until this instant. */
  readonly leaveUntil: number | null;
  /** When my last shift before now ended: what changed since then is news to me. */
  readonly lastShiftEndedAt: number | null;
}

export type DutySource = (query: BriefingQuery) => DutyFacts;

/** How long before my shift the briefing turns to it, its last stretch, and how long after it ends the handover is still asked for. */
export const BEFORE_SHIFT_MS = 60 * 60_000;
export const ENDING_MS = 30 * 60_000;
export const AFTER_SHIFT_MS = 60 * 60_000;

/**
 * Without a rota nobody is known to be on a shift, so the briefing takes me to work the shift
 * under way (as the handover screen does), or, between shifts, the one about to start or just ended.
 */
export const defaultDuty: DutySource = ({ now, settings }) => {
  const { shiftTypes, timeZone } = settings;
  const current = currentShift(now, shiftTypes, timeZone);
  const upcoming = upcomingShift(now, shiftTypes, timeZone);
  const next = current ? nextShift(current, shiftTypes, timeZone) : upcoming;
  const unknownPeople = (shift: ShiftInstance | null): OnDuty | null => (shift ? { shift, people: [] } : null);
  const mine: ShiftInstance[] = current ? [current] : upcoming ? [upcoming] : [];
  return { myShifts: mine.map((shift) => ({ shift, role: null })), onNow: unknownPeople(current), onNext: unknownPeople(next), leaveUntil: null, lastShiftEndedAt: null };
};

/** The shift this moment is about for me, and the moment; a shift under way wins over one about to start or just ended. */
export function myMoment(duty: DutyFacts, now: number): { moment: Moment; mine: MyShift | null } {
  if (duty.leaveUntil !== null && duty.leaveUntil > now) return { moment: 'leave', mine: null };
  const during = duty.myShifts.find(({ shift }) => shift.startAt <= now && now < shift.endAt);
  if (during) return { moment: now >= during.shift.endAt - ENDING_MS ? 'ending' : 'during', mine: during };
  const before = duty.myShifts.find(({ shift }) => shift.startAt > now && shift.startAt - now <= BEFORE_SHIFT_MS);
  if (before) return { moment: 'before', mine: before };
  const after = duty.myShifts.findLast(({ shift }) => shift.endAt <= now && now - shift.endAt <= AFTER_SHIFT_MS);
  if (after) return { moment: 'after', mine: after };
  return { moment: 'off', mine: null };
}

/** My next shift starting after `from`, when the rota knows it. */
export function myNextShift(duty: DutyFacts, from: number): MyShift | null {
  return duty.myShifts.filter(({ shift }) => shift.startAt >= from).sort((a, b) => a.shift.startAt - b.shift.startAt)[0] ?? null;
}
