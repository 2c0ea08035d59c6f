import { dateInZone } from '../team-settings';
import { campaignsAround, fulfilmentTimers, myRequests, stepsWaitingFor, type Campaign, type RequestView } from '../prizes/queries';
import type { BriefingQuery } from './duty';
import { MY_PRIZE_STATUSES, type CampaignItem, type CampaignsSection, type PrizesSection } from './capability-types';
import type { Moment } from './types';
import type { BriefingWorld } from './team-world';
import { CAMPAIGN_PLACE_PREFIX } from './place';

/** The prize approvals' part of the briefing, asked through shared/prizes/queries.ts. */

/** How far ahead "starting soon" looks, in days. */
export const CAMPAIGN_HORIZON_DAYS = 7;

const requestPlace = (view: RequestView) => ({ screen: 'prizes', item: view.id });

function campaignName(world: BriefingWorld, view: RequestView): string {
  const id = view.submission?.campaignId;
  return world.campaigns.find((campaign) => campaign.id === id)?.name ?? '';
}

/** Steps waiting for me, my requests still moving, and fulfilment deadlines of requests I made. */
export function prizesSection(query: BriefingQuery, world: BriefingWorld): PrizesSection | null {
  if (!query.me) return null;
  const me = query.me.memberId;
  const waiting = stepsWaitingFor(me, world.prizes).map(({ request, step, asDelegateOf }) => ({
    requestId: request.id,
    campaign: campaignName(world, request),
    totalFen: request.totalFen,
    step,
    requester: request.requester,
    submittedAt: request.submission?.at ?? 0,
    asDelegateOf,
    place: requestPlace(request),
  }));
  const moving = new Set<string>(MY_PRIZE_STATUSES);
  const mineViews = myRequests(me, world.prizes).filter(({ status }) => moving.has(status));
  const mine = mineViews.map(({ request, status }) => ({
    requestId: request.id,
    campaign: campaignName(world, request),
    totalFen: request.totalFen,
    status: status as (typeof MY_PRIZE_STATUSES)[number],
    place: requestPlace(request),
  }));
  const mineIds = new Set(mine.map((item) => item.requestId));
  const byId = new Map(world.prizes.map((view) => [view.id, view]));
  const fulfilment = fulfilmentTimers(world.prizes, world.prizeSettings, query.now)
    .filter((timer) => mineIds.has(timer.requestId))
    .map((timer) => ({ ...timer, campaign: campaignName(world, byId.get(timer.requestId)!), place: requestPlace(byId.get(timer.requestId)!) }));
  if (waiting.length === 0 && mine.length === 0 && fulfilment.length === 0) return null;
  return { kind: 'prizes', waiting, mine, fulfilment, place: { screen: 'prizes' } };
}

/** A campaign as the briefing and the stand-in pack show it, opening its row. */
export const campaignItem = (campaign: Campaign): CampaignItem => ({
  id: campaign.id,
  name: campaign.name,
  type: campaign.type,
  startDate: campaign.startDate,
  endDate: campaign.endDate,
  place: { screen: 'prizes', item: `${CAMPAIGN_PLACE_PREFIX}${campaign.id}` },
});

/** Campaigns running today and starting within the week; not while I am on leave. */
export function campaignsSection(query: BriefingQuery, world: BriefingWorld, moment: Moment): CampaignsSection | null {
  if (moment === 'leave') return null;
  const today = dateInZone(query.now, query.settings.timeZone);
  const { running, startingSoon } = campaignsAround(world.campaigns, today, CAMPAIGN_HORIZON_DAYS);
  if (running.length === 0 && startingSoon.length === 0) return null;
  return { kind: 'campaigns', running: running.map(campaignItem), startingSoon: startingSoon.map(campaignItem) };
}
