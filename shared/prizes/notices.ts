import { differenceInCalendarDays } from 'date-fns';
import type { Campaign } from './campaign';

/**
 * Campaign notices: another department's campaign, recorded with the day the Weibo team heard of
 * it, shows how many days' notice the team got; campaigns whose dates overlap are shown as clashes
 * on the campaign calendar.
 */
export function daysOfNotice(campaign: Campaign): number | null {
  if (campaign.heardOn === null) return null;
  return differenceInCalendarDays(new Date(`${campaign.startDate}T00:00:00Z`), new Date(`${campaign.heardOn}T00:00:00Z`));
}

/** The other campaigns running on any of `campaign`'s days. */
export function clashesWith(campaign: Campaign, campaigns: readonly Campaign[]): Campaign[] {
  return campaigns.filter((other) => other.id !== campaign.id && other.startDate <= campaign.endDate && campaign.startDate <= other.endDate);
}

/** Once a campaign has started, its approved prize details are locked: a change is a new request. */
export function prizesLocked(campaign: Campaign | null, today: string): boolean {
  return campaign !== null && campaign.startDate <= today;
}
