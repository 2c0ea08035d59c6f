import type { CampaignSummary, PrizesOverview, RequestDetail, RequestSummary } from '../../../shared/api/prizes-contract';
import { dateInZone } from '../../../shared/team-settings';
import {
  budgetWarnings,
  campaignBudget,
  campaignsAround,
  campaignsOf,
  clashesWith,
  contentClashes,
  daysOfNotice,
  disclosureText,
  fulfilmentTimers,
  mayFulfil,
  monthBudget,
  myRequests,
  prizeSettingsIn,
  prizeViews,
  prizesLocked,
  requestsNeedingReview,
  stepsWaitingFor,
  type Campaign,
  type OnLeave,
  type PostsOn,
  type RequestView,
  type TeamFacts,
} from '../../../shared/prizes';
import type { ReadonlySyncState } from '../../../shared/sync';

/** The screens' views of the prize state, for one person on one computer at `now`. */
export interface ViewContext {
  readonly state: ReadonlySyncState;
  readonly facts: TeamFacts;
  readonly onLeave: OnLeave;
  readonly postsOn: PostsOn;
  readonly me: string | null;
  readonly deviceId: string;
  readonly delegate: string | null;
  readonly timeZone: string;
  readonly now: number;
}

export function allViews(context: ViewContext): RequestView[] {
  return prizeViews(context.state, { facts: context.facts, onLeave: context.onLeave, now: context.now });
}

function summary(view: RequestView, campaigns: ReadonlyMap<string, Campaign>): RequestSummary {
  return {
    id: view.id,
    status: view.status,
    campaignName: campaigns.get(view.submission?.campaignId ?? '')?.name ?? view.submission?.campaignId ?? '',
    requester: view.requester?.name ?? '',
    totalFen: view.totalFen,
    submittedAt: view.submission?.at ?? 0,
    currentStep: view.currentStep,
    stepCount: view.steps.length,
  };
}

export function overview(context: ViewContext): PrizesOverview {
  const views = allViews(context);
  const campaigns = campaignsOf(context.state);
  const byId = new Map(campaigns.map((item) => [item.id, item]));
  const settings = prizeSettingsIn(context.state);
  const today = dateInZone(context.now, context.timeZone);
  const month = today.slice(0, 7);
  const members = context.facts.members();
  const roles = members.find((member) => member.memberId === context.me)?.roles ?? [];
  const campaignSummaries: CampaignSummary[] = campaigns.map((item) => ({
    campaign: item,
    budget: campaignBudget(item, views),
    daysOfNotice: daysOfNotice(item),
    clashes: clashesWith(item, campaigns).map((other) => ({ id: other.id, name: other.name })),
    contentClashes: contentClashes(item, context.postsOn, today),
    started: prizesLocked(item, today),
  }));
  // Running and upcoming first, then the rest by start date.
  const soon = new Set(Object.values(campaignsAround(campaigns, today, 30)).flat().map((item) => item.id));
  campaignSummaries.sort((a, b) => Number(soon.has(b.campaign.id)) - Number(soon.has(a.campaign.id)));
  return {
    me: { memberId: context.me, roles, mayFulfil: mayFulfil(roles), isLead: roles.includes('lead'), delegate: context.delegate },
    members,
    settings,
    timeZone: context.timeZone,
    today,
    campaigns: campaignSummaries,
    waiting: context.me
      ? stepsWaitingFor(context.me, views).map((item) => ({ request: summary(item.request, byId), step: item.step, asDelegateOf: item.asDelegateOf?.name ?? null }))
      : [],
    mine: context.me ? myRequests(context.me, views).map((item) => summary(item.request, byId)) : [],
    needsReview: requestsNeedingReview(views).map((view) => summary(view, byId)),
    all: views.map((view) => summary(view, byId)).reverse(),
    timers: fulfilmentTimers(views, settings, context.now),
    month: { month, budget: monthBudget(month, views, settings.monthlyBudgetFen, context.timeZone) },
  };
}

export function requestDetail(context: ViewContext, id: string): RequestDetail | null {
  const views = allViews(context);
  const view = views.find((item) => item.id === id);
  if (!view) return null;
  const settings = prizeSettingsIn(context.state);
  const campaign = campaignsOf(context.state).find((item) => item.id === view.submission?.campaignId) ?? null;
  const today = dateInZone(context.now, context.timeZone);
  const figures = campaign ? campaignBudget(campaign, views) : null;
  const reference = view.approvedAt ?? context.now;
  const month = monthBudget(dateInZone(reference, context.timeZone).slice(0, 7), views, settings.monthlyBudgetFen, context.timeZone);
  const committed = view.status === 'approved' || view.status === 'closed';
  const roles = context.facts.members().find((member) => member.memberId === context.me)?.roles ?? [];
  const waitingStep = view.currentStep === null ? null : view.steps[view.currentStep];
  const decider = waitingStep?.deciders?.deciders.find((entry) => entry.member.memberId === context.me);
  const options = { timeZone: context.timeZone, organiserContact: settings.organiserContact };
  const isRequester = view.requester?.memberId === context.me;
  return {
    view,
    campaign,
    campaignBudget: figures,
    monthBudget: month,
    warnings: budgetWarnings(view.totalFen, figures, month, committed),
    disclosure: view.submission
      ? { 'zh-CN': disclosureText(view.submission, campaign, { ...options, language: 'zh-CN' }), en: disclosureText(view.submission, campaign, { ...options, language: 'en' }) }
      : { 'zh-CN': '', en: '' },
    locked: committed && prizesLocked(campaign, today),
    timeZone: context.timeZone,
    can: {
      decide: decider && view.currentStep !== null ? { step: view.currentStep, asDelegateOf: decider.asDelegateOf?.name ?? null } : null,
      recall: isRequester && view.status === 'submitted' && view.currentStep === 0 && !view.steps[0]?.decision,
      resubmit: isRequester && (view.status === 'returned' || view.status === 'recalled'),
      settle: view.status === 'needsReview' && roles.includes('lead') && !isRequester,
      fulfil: view.status === 'approved' && mayFulfil(roles),
      close: view.status === 'approved' && mayFulfil(roles) && view.winners.length > 0 && view.winners.every((winner) => winner.shipment !== null),
    },
  };
}
