import { addDaysToDate } from '../team-settings';
import type { ReadonlySyncState } from '../sync';
import { delegatesOf, type Delegates } from './authority';
import type { ChainStep } from './chain';
import { campaign as campaignCapability, type Campaign } from './campaign';
import { prizeDelegate } from './people';
import { prizeRequest, type PrizeRequestState } from './request';
import { PRIZE_SETTINGS_ID, prizeSettings, prizeSettingsOf, type PrizeSettings, type PrizeSettingsState } from './settings';
import { nobodyOnLeave, rolesNow, type OnLeave, type TeamFacts } from './team-facts';
import { requestView } from './workflow';
import type { RequestStatus, RequestView } from './workflow-types';

/**
 * The queries other capabilities (the shift briefing, the handover) may call: pure functions of
 * the folded state, the team and the rota's leave. Start with `prizeViews`, then ask the others.
 */

export interface PrizeQueryContext {
  readonly facts: TeamFacts;
  /** The rota's "on approved leave at this instant"; nobody by default. */
  readonly onLeave?: OnLeave;
  readonly now: number;
  /**
   * Leave out requests closed when this computer last wrote its local state (fulfilled and closed,
   * `requestClosed`), so that a restart does not read them: for views of open work (the briefing).
   * Budgets and the list of every request need them all.
   */
  readonly live?: boolean;
  /**
   * The views one member's briefing needs: every request when they may decide a step
   * (`mayDecideSomeStep`), else only those submitted from their devices (a request's summary,
   * `submittingDevices`), so that a restart reads no other. `stepsWaitingFor`, `myRequests` and
   * `fulfilmentTimers` of their requests answer for them as from every view.
   */
  readonly concerning?: string;
}

/** Every prize request as its rules make it, oldest first (`live`: may leave out closed ones). */
export function prizeViews(state: ReadonlySyncState, context: PrizeQueryContext): RequestView[] {
  const settings = state.get(prizeSettings, PRIZE_SETTINGS_ID);
  const campaigns = new Map(campaignsOf(state).map((item) => [item.id, item]));
  const delegates = delegatesOf(state.list(prizeDelegate).map(({ id, state: s }) => ({ id, writes: s.writes })), context.facts);
  const workflow = { facts: context.facts, onLeave: context.onLeave ?? nobodyOnLeave, delegates, settings, campaignOf: (id: string) => campaigns.get(id) ?? null, now: context.now };
  const member = context.concerning;
  const requests =
    member !== undefined && !mayDecideSomeStep(member, context.facts, settings, delegates)
      ? submittedBy(state, member, context)
      : state.list(prizeRequest, context.live ? { live: true } : {}).map((entry) => entry.state);
  return requests
    .map((s) => requestView(s, workflow))
    .filter((view) => view.submission !== null || view.setAside.length > 0)
    .sort((a, b) => (a.submission?.at ?? 0) - (b.submission?.at ?? 0) || (a.id < b.id ? -1 : 1));
}

/** The requests submitted from `member`'s devices, read alone (the others stay on disk). */
function submittedBy(state: ReadonlySyncState, member: string, context: PrizeQueryContext): PrizeRequestState[] {
  return state
    .summaries(prizeRequest, context.live ? { live: true } : {})
    .filter(({ summary }) => (summary as readonly string[]).some((deviceId) => context.facts.memberOfDevice(deviceId) === member))
    .flatMap(({ id }) => state.get(prizeRequest, id) ?? []);
}

/** The roles a chain's role steps name (chain.ts). */
const DECIDING_ROLES: ReadonlyArray<Extract<ChainStep, { kind: 'role' }>['role']> = ['lead', 'approver'];

/**
 * Whether `member` can be among the deciders of any request's step now (`decidersOf`): holding a
 * role a step names, named (approver, extra reviewer) by any settings ever written (a request keeps
 * those in force when submitted), or named delegate by someone (who may be on leave).
 */
export function mayDecideSomeStep(member: string, facts: TeamFacts, settings: PrizeSettingsState | undefined, delegates: Delegates): boolean {
  if (rolesNow(facts, member).some((role) => (DECIDING_ROLES as readonly string[]).includes(role))) return true;
  if ([...delegates.values()].includes(member)) return true;
  return (settings?.writes ?? []).some(({ set }) => set.namedApprover?.memberId === member || set.extraStep?.reviewer?.memberId === member);
}

/** Every campaign, by start date: from their summaries (the campaign itself), so a restart reads no campaign's line. */
export function campaignsOf(state: ReadonlySyncState): Campaign[] {
  return state
    .summaries(campaignCapability)
    .flatMap(({ summary }) => (summary ? [summary as Campaign] : []))
    .sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : a.id < b.id ? -1 : 1));
}

export function prizeSettingsIn(state: ReadonlySyncState): PrizeSettings {
  return prizeSettingsOf(state.get(prizeSettings, PRIZE_SETTINGS_ID));
}

export interface WaitingStep {
  readonly request: RequestView;
  readonly step: number;
  /** Null: in their own right; else whom they stand in for (on leave). */
  readonly asDelegateOf: { readonly memberId: string; readonly name: string } | null;
}

/** "Steps waiting for me" (待我审批): the steps `memberId` can decide now, oldest request first. */
export function stepsWaitingFor(memberId: string, views: readonly RequestView[]): WaitingStep[] {
  const waiting: WaitingStep[] = [];
  for (const view of views) {
    if (view.currentStep === null) continue;
    const decider = view.steps[view.currentStep]?.deciders?.deciders.find((entry) => entry.member.memberId === memberId);
    if (decider) waiting.push({ request: view, step: view.currentStep, asDelegateOf: decider.asDelegateOf });
  }
  return waiting;
}

/** Requests in "needs review": for leads to settle (with both decisions shown). */
export function requestsNeedingReview(views: readonly RequestView[]): RequestView[] {
  return views.filter((view) => view.status === 'needsReview');
}

/** "My requests and their state": the requests `memberId` submitted, newest first. */
export function myRequests(memberId: string, views: readonly RequestView[]): Array<{ readonly request: RequestView; readonly status: RequestStatus }> {
  return views
    .filter((view) => view.requester?.memberId === memberId)
    .map((request) => ({ request, status: request.status }))
    .reverse();
}

export interface FulfilmentTimer {
  readonly requestId: string;
  readonly kind: 'contacts' | 'ship';
  readonly dueAt: number;
  /** Winners still without contact details (contacts) or without a shipment (ship). */
  readonly pending: number;
  readonly overdue: boolean;
}

const DAY_MS = 86_400_000;

/**
 * "Fulfilment deadlines running": per approved request with winners, the deadline to collect
 * their contact details and the one to ship, while any winner is still waiting; until closed.
 */
export function fulfilmentTimers(views: readonly RequestView[], settings: PrizeSettings, now: number): FulfilmentTimer[] {
  const timers: FulfilmentTimer[] = [];
  for (const view of views) {
    if (view.status !== 'approved' || view.firstWinnersAt === null) continue;
    const noContact = view.winners.filter((winner) => winner.contact === null).length;
    const unshipped = view.winners.filter((winner) => winner.shipment === null).length;
    const contactsDue = view.firstWinnersAt + settings.contactDays * DAY_MS;
    const shipDue = view.firstWinnersAt + settings.shipDays * DAY_MS;
    if (noContact > 0) timers.push({ requestId: view.id, kind: 'contacts', dueAt: contactsDue, pending: noContact, overdue: now > contactsDue });
    if (unshipped > 0) timers.push({ requestId: view.id, kind: 'ship', dueAt: shipDue, pending: unshipped, overdue: now > shipDue });
  }
  return timers.sort((a, b) => a.dueAt - b.dueAt);
}

/** "Campaigns running today and starting soon" (within `days` days), dates in the team's zone. */
export function campaignsAround(campaigns: readonly Campaign[], today: string, days = 7): { running: Campaign[]; startingSoon: Campaign[] } {
  const horizon = addDaysToDate(today, days);
  return {
    running: campaigns.filter((item) => item.startDate <= today && today <= item.endDate),
    startingSoon: campaigns.filter((item) => item.startDate > today && item.startDate <= horizon),
  };
}

// What a caller needs to ask these, so that other capabilities and the briefing import this file only.
export { teamFactsOf, type OnLeave } from './team-facts';
export type { RequestView, RequestStatus } from './workflow-types';
export type { Campaign } from './campaign';
export type { PrizeSettings } from './settings';
