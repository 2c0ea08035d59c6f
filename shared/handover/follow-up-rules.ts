import type { ReadonlySyncState } from '../sync/trust-plug';
import { followUp, isRunningStatus, type FollowUp, type FollowUpState } from './follow-up';
import type { TeamSettings } from '../team-settings';

/** Rules about follow-ups. `now` is always passed in, so that every rule is a pure function. */

export type CreatedFollowUp = FollowUpState & { readonly current: FollowUp };

/** What the ordering rules read of a follow-up: a whole state, or a running one from its summary. */
export type FollowUpIdentity = Pick<FollowUpState, 'id' | 'current'>;

export function isCreated<T extends FollowUpIdentity>(state: T): state is T & { readonly current: FollowUp } {
  return state.current !== null;
}

/** Open or waiting on a department: still someone's job. */
export function isRunning(followUp: FollowUp): boolean {
  return isRunningStatus(followUp.status);
}

/** The 'Weibo first' deadline of an escalation made at `escalatedAt` under the team's setting. */
export function escalationDeadline(escalatedAt: number, settings: Pick<TeamSettings, 'escalationMinutes'>): number {
  return escalatedAt + settings.escalationMinutes * 60_000;
}

/** An escalation is late when either its due time or its 'Weibo first' deadline has passed. */
export function effectiveDueAt(followUp: FollowUp): number {
  return followUp.escalation ? Math.min(followUp.dueAt, followUp.escalation.deadlineAt) : followUp.dueAt;
}

export function isOverdue(followUp: FollowUp, now: number): boolean {
  return isRunning(followUp) && now >= effectiveDueAt(followUp);
}

export interface EscalationState {
  readonly deadlineAt: number;
  /** Negative once the deadline has passed; the countdown shows it while `running`. */
  readonly remainingMs: number;
  readonly overdue: boolean;
  /** False once done or dropped: the countdown stops. */
  readonly running: boolean;
}

/** The 'Weibo first' (微博优先) countdown; null for a follow-up that is not an escalation. */
export function escalationState(followUp: FollowUp, now: number): EscalationState | null {
  if (!followUp.escalation) return null;
  const { deadlineAt } = followUp.escalation;
  const running = isRunning(followUp);
  return { deadlineAt, remainingMs: deadlineAt - now, overdue: running && now >= deadlineAt, running };
}

/** Overdue first, then soonest due, then oldest; the id settles the rest so every device agrees. */
export function compareFollowUps(a: FollowUpIdentity & { readonly current: FollowUp }, b: FollowUpIdentity & { readonly current: FollowUp }, now: number): number {
  return (
    Number(isOverdue(b.current, now)) - Number(isOverdue(a.current, now)) ||
    effectiveDueAt(a.current) - effectiveDueAt(b.current) ||
    a.current.createdAt - b.current.createdAt ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** Every open or waiting follow-up, overdue first. */
export function openFollowUps<T extends FollowUpIdentity>(all: readonly T[], now: number): Array<T & { readonly current: FollowUp }> {
  return all
    .filter(isCreated)
    .filter((state) => isRunning(state.current))
    .sort((a, b) => compareFollowUps(a, b, now));
}

/**
 * Every running follow-up (unordered), from the follow-ups' summaries: after a restart the local
 * base's index answers, and no follow-up is read. What `openFollowUps` of every state keeps.
 */
export function runningFollowUpsIn(state: Pick<ReadonlySyncState, 'summaries'>): Array<FollowUpIdentity & { readonly current: FollowUp }> {
  return state.summaries(followUp).flatMap(({ id, summary }) => (summary === null ? [] : [{ id, current: summary as FollowUp }]));
}

/**
 * The follow-ups a note for `shift` lists: every one still open that existed before the shift
 * ended, whichever note (or none) it was created in. Shown again in every later note until closed.
 */
export function carryOver(all: readonly FollowUpState[], shift: { readonly endAt: number }, now: number): CreatedFollowUp[] {
  return openFollowUps(all, now).filter((state) => state.current.createdAt < shift.endAt);
}
