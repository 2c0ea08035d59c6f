import type { Person } from '../team-settings';
import { entityGraph, parseHlc } from '../sync';
import { authorityOf, decidersOf, type Delegates } from './authority';
import { isLotteryStyle, type Campaign } from './campaign';
import { chainFor, type ChainStep } from './chain';
import { fulfilmentEvent, newFulfilment } from './fulfilment-fold';
import type { PrizeEvent, PrizeRequestState } from './request';
import { requestTotalFen } from './request';
import { prizeSettingsAt, type PrizeSettingsState } from './settings';
import { authorDevice, nameOf, type OnLeave, type TeamFacts } from './team-facts';
import type { DecisionView, RequestStatus, RequestView, Review, Round, SetAsideEvent, SetAsideReason, StepView } from './workflow-types';

/**
 * The rules of a prize request, as a pure function of its events and of the team (roster, rota
 * leave, delegations, settings): every device holding the same ops computes the same view. A
 * decision counts only if its author could decide that step at that time; two decisions that
 * cannot both hold put the request in "needs review" until a lead settles it. Nothing is dropped
 * silently: whatever does not count is listed with its reason.
 */
export interface WorkflowContext {
  readonly facts: TeamFacts;
  readonly onLeave: OnLeave;
  readonly delegates: Delegates;
  readonly settings: PrizeSettingsState | undefined;
  readonly campaignOf: (id: string) => Campaign | null;
  readonly now: number;
}

type Submitted = Extract<PrizeEvent, { type: 'prize.submitted' }>;
type Phase = 'none' | 'submitted' | 'returned' | 'rejected' | 'recalled' | 'approved' | 'closed';
interface PendingReview {
  readonly kind: 'step';
  readonly step: number;
  readonly events: DecisionView[];
  readonly progress: number;
}

const wallOf = (hlc: string) => parseHlc(hlc)?.wallMs ?? 0;

export function requestView(state: PrizeRequestState, context: WorkflowContext): RequestView {
  const { facts } = context;
  const graph = entityGraph(state.events);
  const seen = (later: string, earlier: string) => graph.hasSeen(later, earlier);
  const personOf = (opId: string, fallback: Person): Person => {
    const memberId = facts.memberOfDevice(authorDevice(opId));
    return memberId === null ? fallback : { memberId, name: nameOf(facts, memberId) };
  };
  const setAside: SetAsideEvent[] = [];
  const aside = (event: PrizeEvent, reason: SetAsideReason) =>
    setAside.push({ opId: event.id, type: event.type, by: personOf(event.id, byOf(event)), at: event.data.at, reason });

  let requester = null as string | null;
  let submission = null as Submitted | null;
  let steps: ChainStep[] = [];
  let stepIndex = 0;
  let phase = 'none' as Phase;
  let counted = new Map<number, DecisionView>();
  let ending = null as DecisionView | null;
  let review = null as PendingReview | null;
  let decisions: DecisionView[] = [];
  let approvedAt = null as number | null;
  const rounds: Round[] = [];
  const fulfilment = newFulfilment();

  const decisionOf = (event: PrizeEvent, step: number, outcome: DecisionView['outcome'], comment: string, asDelegateOf: Person | null, settles = false): DecisionView => ({
    opId: event.id,
    hlc: event.hlc,
    step,
    outcome,
    comment,
    by: personOf(event.id, byOf(event)),
    at: event.data.at,
    asDelegateOf,
    settles,
  });
  const endRound = () => {
    if (submission) rounds.push({ submissionId: submission.id, submittedAt: submission.data.at, decisions, ended: phase === 'submitted' ? null : phase });
  };
  const startRound = (event: Submitted) => {
    if (submission) endRound();
    submission = event;
    steps = chainFor(requestTotalFen(event.data.lines), prizeSettingsAt(context.settings, event.hlc));
    stepIndex = 0;
    phase = 'submitted';
    counted = new Map();
    ending = null;
    review = null;
    decisions = [];
  };
  const apply = (view: DecisionView) => {
    counted.set(view.step, view);
    if (view.outcome === 'approve') {
      stepIndex = Math.max(stepIndex, view.step + 1);
      if (stepIndex >= steps.length) {
        phase = 'approved';
        approvedAt = view.at;
      }
    } else {
      phase = view.outcome === 'return' ? 'returned' : view.outcome === 'reject' ? 'rejected' : 'recalled';
      ending = view;
    }
  };

  for (const event of state.events) {
    const author = authorDevice(event.id);
    const member = facts.memberOfDevice(author);
    switch (event.type) {
      case 'prize.submitted': {
        if (member === null) aside(event, 'unknown-author');
        else if (submission === null) {
          const campaign = context.campaignOf(event.data.campaignId);
          const cap = prizeSettingsAt(context.settings, event.hlc).topPrizeCapFen;
          if (campaign && isLotteryStyle(campaign.type) && event.data.lines.some((line) => line.unitValueFen > cap)) aside(event, 'over-cap');
          else {
            requester = member;
            startRound(event);
          }
        } else if (member !== requester) aside(event, 'not-the-requester');
        else if ((phase === 'returned' || phase === 'recalled') && ending && seen(event.hlc, ending.hlc)) startRound(event);
        else aside(event, 'round-still-open');
        break;
      }
      case 'prize.decided': {
        const data = event.data;
        if (!submission || data.submission !== submission.id) {
          aside(event, 'not-current-version');
          break;
        }
        const step = steps[data.step];
        if (!step) {
          aside(event, 'no-such-step');
          break;
        }
        const authority = authorityOf({ deviceId: author, hlc: event.hlc, at: wallOf(event.hlc) }, step, { ...context, requester: requester! });
        if (!authority.ok) {
          aside(event, authority.reason);
          break;
        }
        const view = decisionOf(event, data.step, data.outcome, data.comment, authority.asDelegateOf);
        if (review) {
          if (review.step === data.step) review.events.push(view);
          else aside(event, 'waiting-for-review');
          break;
        }
        // A recall counts as step 0's decision: a decision made without seeing it clashes with it.
        const before = counted.get(data.step);
        if (before) {
          if (seen(event.hlc, before.hlc) || before.outcome === data.outcome) aside(event, 'already-decided');
          else review = { kind: 'step', step: data.step, events: [before, view], progress: stepIndex };
          break;
        }
        if (phase !== 'submitted') aside(event, 'request-not-open');
        else if (data.step > stepIndex) aside(event, 'step-not-reached');
        else if (data.step > 0 && !seen(event.hlc, counted.get(data.step - 1)!.hlc)) aside(event, 'previous-step-not-seen');
        else {
          decisions.push(view);
          apply(view);
        }
        break;
      }
      case 'prize.recalled': {
        if (!submission || event.data.submission !== submission.id) aside(event, 'not-current-version');
        else if (member !== requester) aside(event, 'not-the-requester');
        else if (phase === 'submitted' && counted.size === 0 && !review) {
          const view = decisionOf(event, 0, 'recall', '', null);
          decisions.push(view);
          apply(view);
        } else {
          const first = counted.get(0);
          if (first && !review && !seen(event.hlc, first.hlc)) review = { kind: 'step', step: 0, events: [first, decisionOf(event, 0, 'recall', '', null)], progress: stepIndex };
          else aside(event, 'already-decided');
        }
        break;
      }
      case 'prize.settled': {
        const data = event.data;
        if (member === requester) aside(event, 'self-approval');
        else if (!facts.rolesAt(author, event.hlc).includes('lead')) aside(event, 'not-a-lead');
        else if (!submission || data.submission !== submission.id) aside(event, 'not-current-version');
        else if (data.target.kind === 'shipment') {
          const reason = fulfilment.settle(event, data.target, (hlc) => seen(event.hlc, hlc));
          if (reason) aside(event, reason);
        } else if (!review || review.step !== data.target.step) aside(event, 'no-review');
        else if (!review.events.every((shown) => seen(event.hlc, shown.hlc))) aside(event, 'review-not-seen');
        else {
          const view = decisionOf(event, review.step, data.target.outcome, data.comment, null, true);
          decisions.push(...review.events.filter((shown) => !decisions.includes(shown)), view);
          if (view.outcome === 'approve') {
            stepIndex = Math.max(review.progress, view.step + 1);
            phase = 'submitted';
          }
          review = null;
          apply(view);
        }
        break;
      }
      default: {
        const open = phase === 'approved' || (phase === 'closed' && event.type === 'prize.fulfil.contactsPurged') || (phase === 'closed' && event.type === 'prize.fulfil.contactRevealed');
        const reason = open && submission
          ? fulfilmentEvent(fulfilment, event, submission.data.lines, facts, (later, earlier) => seen(later, earlier), (opId) => personOf(opId, byOf(event)))
          : 'not-approved';
        if (reason === 'closed') phase = 'closed';
        else if (reason) aside(event, reason);
      }
    }
  }
  endRound();

  const shown: Review | null = review ? { kind: 'step', step: review.step, events: review.events } : fulfilment.review();
  const status: RequestStatus = shown ? 'needsReview' : phase;
  const current = phase === 'submitted' && !review ? stepIndex : null;
  const authorityContext = { ...context, requester: requester ?? '' };
  const stepViews: StepView[] = steps.map((step, index) => {
    const decision = counted.get(index) ?? null;
    const state: StepView['state'] =
      review?.step === index ? 'review'
      : decision ? (decision.outcome === 'approve' ? 'approved' : decision.outcome === 'reject' ? 'rejected' : 'returned')
      : index === current ? 'waiting' : 'later';
    return { step, state, decision, deciders: index === current ? decidersOf(step, authorityContext, context.now) : null };
  });
  const sub = submission as Submitted | null;
  return {
    id: state.id,
    status,
    requester: requester === null ? null : { memberId: requester, name: nameOf(facts, requester) },
    submission: sub ? { ...sub.data, opId: sub.id } : null,
    lines: sub?.data.lines ?? [],
    totalFen: sub ? requestTotalFen(sub.data.lines) : 0,
    steps: stepViews,
    currentStep: current,
    review: shown,
    rounds,
    setAside,
    approvedAt,
    ...fulfilment.result(),
  };
}

function byOf(event: PrizeEvent): Person {
  return 'by' in event.data ? event.data.by : 'requester' in event.data ? event.data.requester : { memberId: '?', name: '?' };
}
