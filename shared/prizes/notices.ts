import { differenceInCalendarDays } from 'date-fns';
import { addDaysToDate } from '../team-settings';
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

/** A post the content calendar plans (the SOPs' post slots of a day's shifts), in the team's zone. */
export interface PlannedPost {
  /** HH:mm */
  readonly slot: string;
  readonly title: string;
}

/** The content calendar of a day: nothing planned until the SOPs give it. */
export type PostsOn = (date: string) => readonly PlannedPost[];
export const noPostsPlanned: PostsOn = () => [];

/** Campaign days looked at: two months is longer than any Weibo campaign the team runs. */
export const MAX_CONTENT_DAYS = 62;

/**
 * The campaign's days on which the content calendar already plans posts, with those posts: where
 * the campaign's own posts have to find their place (or the plan has to move). Days from today on.
 */
export function contentClashes(campaign: Campaign, postsOn: PostsOn, today: string): Array<{ date: string; posts: PlannedPost[] }> {
  const days: Array<{ date: string; posts: PlannedPost[] }> = [];
  const first = campaign.startDate > today ? campaign.startDate : today;
  for (let date = first, count = 0; date <= campaign.endDate && count < MAX_CONTENT_DAYS; date = addDaysToDate(date, 1), count += 1) {
    const posts = [...postsOn(date)].sort((a, b) => (a.slot < b.slot ? -1 : a.slot > b.slot ? 1 : 0));
    if (posts.length > 0) days.push({ date, posts });
  }
  return days;
}

/** Once a campaign has started, its approved prize details are locked: a change is a new request. */
export function prizesLocked(campaign: Campaign | null, today: string): boolean {
  return campaign !== null && campaign.startDate <= today;
}
