import type { CoverState, RotaEvent, SwapState } from './capabilities';
import { ineligibility, type DutyLookup, type Ineligible } from './eligibility';
import { latestValid, type Author, type AuthorOf, type RotaSetAside, type SetAsideReason } from './leave';
import type { RotaSettings } from './settings';
import { slotKey } from './slots';

/**
 * Covers (代班) and swaps (换班) applied to the published rota, each in the order of its request
 * (hlc, then op id: the fold's order), so that every device reaches the same people on every shift.
 */

export interface DutyPerson {
  readonly memberId: string;
  /** How they came to be on it: the published rota, a swap, a cover taken, a lead's stand-in. */
  readonly via: 'rota' | 'swap' | 'cover' | 'standIn';
  /** Whom they replace (swap, cover, stand-in). */
  readonly for: string | null;
}

/** The people on each slot so far; requests replace people in it. */
export type DutyPeople = Map<string, DutyPerson[]>;

export type CoverStatus = 'open' | 'awaiting-approval' | 'covered' | 'declined' | 'withdrawn';

export interface CoverView {
  readonly id: string;
  readonly key: string;
  readonly date: string;
  readonly shiftTypeId: string;
  /** Who cannot work it, and stays responsible until someone takes it. */
  readonly memberId: string;
  readonly note: string;
  readonly at: number;
  readonly requestedBy: string | null;
  readonly status: CoverStatus;
  /** The colleague who took it or the stand-in a lead named. */
  readonly takenBy: string | null;
  readonly urgent: boolean;
  /** Takes that did not hold: a colleague took it first, or the taker was not eligible. */
  readonly refusedTakes: ReadonlyArray<{ readonly memberId: string | null; readonly reason: 'taken-first' | 'not-eligible'; readonly why: readonly Ineligible[] }>;
}

export type SwapStatus = 'proposed' | 'awaiting-approval' | 'done' | 'declined' | 'rejected' | 'withdrawn' | 'stale';

export interface SwapView {
  readonly id: string;
  readonly from: { readonly date: string; readonly shiftTypeId: string; readonly memberId: string };
  readonly to: { readonly date: string; readonly shiftTypeId: string; readonly memberId: string };
  readonly note: string;
  readonly at: number;
  readonly status: SwapStatus;
}

type Aside = (entry: RotaSetAside) => void;

const asideFor = (setAside: Aside, entity: string, reason: SetAsideReason) => (event: RotaEvent<unknown>, author: Author) =>
  setAside({ opId: event.opId, entity, memberId: author.memberId, reason });

function replace(people: DutyPeople, key: string, out: string, person: DutyPerson): void {
  const list = people.get(key) ?? [];
  const index = list.findIndex((entry) => entry.memberId === out);
  if (index >= 0) list.splice(index, 1, person);
  else list.push(person);
  people.set(key, list);
}

const decisionOf = (approvals: boolean, decided: { event: RotaEvent<{ approved: boolean }> } | null) =>
  !approvals ? 'approved' : decided === null ? 'waiting' : decided.event.data.approved ? 'approved' : 'declined';

export function applySwap(swap: SwapState, people: DutyPeople, settings: RotaSettings, authorOf: AuthorOf, setAside: Aside): SwapView | null {
  const proposal = swap.proposal;
  if (!proposal) return null;
  const entity = `rotaSwap:${swap.id}`;
  const proposer = authorOf(proposal.opId, proposal.hlc);
  const { from, to, note, at } = proposal.data;
  if (!(proposer.lead || proposer.memberId === from.memberId)) {
    asideFor(setAside, entity, 'not-own')(proposal, proposer);
    return null;
  }
  const view = (status: SwapStatus): SwapView => ({ id: swap.id, from, to, note, at, status });
  const withdrawn = latestValid(swap.withdrawals, authorOf, (a) => a.lead || a.memberId === from.memberId, asideFor(setAside, entity, 'not-own'));
  const answer = latestValid(swap.answers, authorOf, (a) => a.memberId === to.memberId, asideFor(setAside, entity, 'not-addressed'));
  const decided = latestValid(swap.decisions, authorOf, (a) => a.lead, asideFor(setAside, entity, 'not-own'));
  if (withdrawn) return view('withdrawn');
  if (!answer) return view('proposed');
  if (!answer.event.data.accepted) return view('declined');
  const decision = decisionOf(settings.swapNeedsApproval, decided);
  if (decision === 'waiting') return view('awaiting-approval');
  if (decision === 'declined') return view('rejected');
  const fromKey = slotKey(from.date, from.shiftTypeId);
  const toKey = slotKey(to.date, to.shiftTypeId);
  const onFrom = people.get(fromKey)?.some((p) => p.memberId === from.memberId) ?? false;
  const onTo = people.get(toKey)?.some((p) => p.memberId === to.memberId) ?? false;
  if (!onFrom || !onTo) {
    asideFor(setAside, entity, 'not-on-shift')(answer.event, answer.author);
    return view('stale');
  }
  replace(people, fromKey, from.memberId, { memberId: to.memberId, via: 'swap', for: from.memberId });
  replace(people, toKey, to.memberId, { memberId: from.memberId, via: 'swap', for: to.memberId });
  return view('done');
}

/**
 * A cover: asked by the person on the shift (or a lead); the first take by an eligible colleague
 * holds and every later take is told a colleague took it first; a lead's stand-in holds at once.
 * With `coverNeedsApproval` the take holds only once a lead approves; until then the requester
 * stays on the shift (and responsible).
 */
export function applyCover(cover: CoverState, people: DutyPeople, lookup: DutyLookup, authorOf: AuthorOf, setAside: Aside): CoverView | null {
  const request = cover.request;
  if (!request) return null;
  const entity = `rotaCover:${cover.id}`;
  const requester = authorOf(request.opId, request.hlc);
  const { date, shiftTypeId, memberId, note, at } = request.data;
  const key = slotKey(date, shiftTypeId);
  if (!(requester.lead || requester.memberId === memberId)) {
    asideFor(setAside, entity, 'not-own')(request, requester);
    return null;
  }
  const onShift = people.get(key)?.some((p) => p.memberId === memberId) ?? false;
  if (!onShift) {
    asideFor(setAside, entity, 'not-on-shift')(request, requester);
    return null;
  }
  const refusedTakes: Array<CoverView['refusedTakes'][number]> = [];
  const view = (status: CoverStatus, takenBy: string | null, urgent = false): CoverView => ({
    id: cover.id,
    key,
    date,
    shiftTypeId,
    memberId,
    note,
    at,
    requestedBy: requester.memberId,
    status,
    takenBy,
    urgent,
    refusedTakes,
  });
  const standIn = latestValid(cover.standIns, authorOf, (a) => a.lead, asideFor(setAside, entity, 'not-own'));
  if (standIn) {
    replace(people, key, memberId, { memberId: standIn.event.data.standIn, via: 'standIn', for: memberId });
    return view('covered', standIn.event.data.standIn, true);
  }
  const withdrawn = latestValid(cover.withdrawals, authorOf, (a) => a.lead || a.memberId === memberId, asideFor(setAside, entity, 'not-own'));
  let holder: { event: RotaEvent<unknown>; memberId: string } | null = null;
  for (const take of cover.takes) {
    const author = authorOf(take.opId, take.hlc);
    if (withdrawn && withdrawn.event.hlc < take.hlc) {
      asideFor(setAside, entity, 'closed')(take, author);
      continue;
    }
    if (holder) {
      refusedTakes.push({ memberId: author.memberId, reason: 'taken-first', why: [] });
      asideFor(setAside, entity, 'taken-first')(take, author);
      continue;
    }
    const why = author.memberId === null ? [] : ineligibility(lookup, key, author.memberId, memberId, take.hlc);
    if (author.memberId === null || why.length > 0) {
      refusedTakes.push({ memberId: author.memberId, reason: 'not-eligible', why });
      asideFor(setAside, entity, 'not-eligible')(take, author);
      continue;
    }
    holder = { event: take, memberId: author.memberId };
  }
  if (!holder) return view(withdrawn ? 'withdrawn' : 'open', null);
  const decided = latestValid(cover.decisions, authorOf, (a) => a.lead, asideFor(setAside, entity, 'not-own'));
  const decision = decisionOf(lookup.settings.coverNeedsApproval, decided);
  if (decision === 'waiting') return view('awaiting-approval', holder.memberId);
  if (decision === 'declined') return view('declined', holder.memberId);
  replace(people, key, memberId, { memberId: holder.memberId, via: 'cover', for: memberId });
  return view('covered', holder.memberId);
}
