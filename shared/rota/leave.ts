import type { LeaveState, RotaEvent } from './capabilities';
import type { LeaveType } from './schemas';

/** Who wrote an op, per the roster: its device's member, and whether they were a lead then. */
export interface Author {
  readonly memberId: string | null;
  readonly lead: boolean;
}
export type AuthorOf = (opId: string, hlc: string) => Author;

export type SetAsideReason =
  | 'not-own'
  | 'not-on-shift'
  | 'not-addressed'
  | 'taken-first'
  | 'not-eligible'
  | 'closed'
  | 'unknown-shift';

/** An op the rota's rules do not count, with why: listed for people, never silently dropped. */
export interface RotaSetAside {
  readonly opId: string;
  readonly entity: string;
  readonly memberId: string | null;
  readonly reason: SetAsideReason;
}

export type LeaveStatus = 'pending' | 'approved' | 'declined' | 'withdrawn';

export interface LeaveView {
  readonly id: string;
  readonly memberId: string;
  readonly leaveType: LeaveType;
  readonly from: string;
  readonly to: string;
  readonly note: string;
  readonly at: number;
  readonly requestedBy: string | null;
  readonly status: LeaveStatus;
  readonly decidedBy: string | null;
  readonly decidedAt: number | null;
}

/** The latest of `events` whose author passes `valid`; the others by someone else are set aside. */
export function latestValid<D>(
  events: ReadonlyArray<RotaEvent<D>>,
  authorOf: AuthorOf,
  valid: (author: Author) => boolean,
  setAside: (event: RotaEvent<D>, author: Author) => void,
): { event: RotaEvent<D>; author: Author } | null {
  let latest: { event: RotaEvent<D>; author: Author } | null = null;
  for (const event of events) {
    const author = authorOf(event.opId, event.hlc);
    if (valid(author)) latest = { event, author };
    else setAside(event, author);
  }
  return latest;
}

/**
 * A member asks leave for themselves, a lead for anyone; a lead decides (the permission row keeps
 * decisions to leads); the requester or a lead withdraws it, which ends it whatever was decided.
 */
export function leaveView(state: LeaveState, authorOf: AuthorOf, setAside: (entry: RotaSetAside) => void): LeaveView | null {
  const request = state.request;
  if (!request) return null;
  const entity = `rotaLeave:${state.id}`;
  const aside = (reason: SetAsideReason) => (event: RotaEvent<unknown>, author: Author) => setAside({ opId: event.opId, entity, memberId: author.memberId, reason });
  const requester = authorOf(request.opId, request.hlc);
  const data = request.data;
  if (!(requester.lead || requester.memberId === data.memberId)) {
    aside('not-own')(request, requester);
    return null;
  }
  const byOwnerOrLead = (author: Author) => author.lead || author.memberId === data.memberId;
  const withdrawn = latestValid(state.withdrawals, authorOf, byOwnerOrLead, aside('not-own'));
  const decided = latestValid(state.decisions, authorOf, (author) => author.lead, aside('not-own'));
  return {
    id: state.id,
    memberId: data.memberId,
    leaveType: data.leaveType,
    from: data.from,
    to: data.to,
    note: data.note,
    at: data.at,
    requestedBy: requester.memberId,
    status: withdrawn ? 'withdrawn' : decided ? (decided.event.data.approved ? 'approved' : 'declined') : 'pending',
    decidedBy: decided?.author.memberId ?? null,
    decidedAt: decided?.event.data.at ?? null,
  };
}

/** Per member, their approved leave; `onLeave(memberId, date)` asks it. */
export function approvedLeaveIndex(leaves: readonly LeaveView[]): (memberId: string, date: string) => boolean {
  const byMember = new Map<string, LeaveView[]>();
  for (const leave of leaves) {
    if (leave.status !== 'approved') continue;
    const list = byMember.get(leave.memberId);
    if (list) list.push(leave);
    else byMember.set(leave.memberId, [leave]);
  }
  return (memberId, date) => byMember.get(memberId)?.some((leave) => leave.from <= date && date <= leave.to) ?? false;
}
