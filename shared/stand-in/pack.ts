import { membersHolding, type Roster } from '../team';
import { TEAM_SETTINGS_ID, shiftInstance, teamSettings, teamSettingsOf, type Person, type ShiftRef } from '../team-settings';
import type { ReadonlySyncState } from '../sync/trust-plug';
import { briefingWorld, campaignItem, checklistSection, followUpsSection, onDutyFor, type BriefingQuery, type BriefingWorld } from '../briefing/queries';
import { campaignsAround, fulfilmentTimers } from '../prizes/queries';
import { publishedTexts, textsFor } from '../sop/queries';
import type { StandInCover, StandInPack, StandInRule, StandInTimer } from './schema';

/** The areas whose SOPs say how the account sounds and answers: its positioning, content style, fan interaction, public-opinion watch. */
export const RULE_AREAS = ['positioning', 'content', 'fans', 'monitoring'] as const;
/** Each rule's text is cut here (at a line end where one is near), so the pack stays one page. */
export const MAX_RULE_CHARS = 360;

export interface StandInInput {
  readonly state: ReadonlySyncState;
  /** The roster the trust layer folded; null before there is a team (no rota, no leads). */
  readonly roster: Roster | null;
  readonly shift: ShiftRef;
  readonly now: number;
}

const COVER_STATUSES = new Set(['open', 'awaiting-approval', 'covered']);

/**
 * The SOP's Markdown without a first heading that only repeats its title ("# 每日内容发布规范"
 * under the title 每日内容发布规范): the pack names each SOP already, and the page is short.
 */
export function withoutTitleHeading(body: string, title: string): string {
  const match = /^\s*#{1,6}[ \t]+(.*?)[ \t#]*(?:\n|$)/.exec(body);
  return match && match[1]!.trim() === title.trim() ? body.slice(match[0].length) : body;
}

/** The start of a long text (Markdown), ending at a line end when one is in its second half. */
export function excerptOf(body: string, max = MAX_RULE_CHARS): { excerpt: string; cut: boolean } {
  const text = body.trim();
  if (text.length <= max) return { excerpt: text, cut: false };
  const head = text.slice(0, max);
  const lineEnd = head.lastIndexOf('\n');
  return { excerpt: (lineEnd >= max / 2 ? head.slice(0, lineEnd) : head).trimEnd(), cut: true };
}

function coversOf(world: BriefingWorld, shift: ShiftRef): StandInCover[] {
  const rota = world.rota;
  if (!rota) return [];
  const person = (memberId: string): Person => ({ memberId, name: rota.members.find((member) => member.memberId === memberId)?.name ?? memberId });
  return rota.covers
    .filter((cover) => cover.date === shift.date && cover.shiftTypeId === shift.shiftTypeId && COVER_STATUSES.has(cover.status))
    .map((cover) => ({
      id: cover.id,
      absent: person(cover.memberId),
      standIn: cover.takenBy ? person(cover.takenBy) : null,
      urgent: cover.urgent,
      status: cover.status as StandInCover['status'],
      place: { screen: 'rota', item: cover.id },
    }));
}

function rulesOf(world: BriefingWorld, shift: ShiftRef): StandInRule[] {
  const filter = { areas: RULE_AREAS, shiftTypeId: shift.shiftTypeId };
  return publishedTexts(world.sopDocs(textsFor(world.sops, filter)), filter).map((text) => ({
    sopId: text.sopId,
    title: text.title,
    area: text.area,
    version: text.version,
    ...excerptOf(withoutTitleHeading(text.body, text.title)),
    owner: text.owner ? { memberId: text.owner.memberId, name: text.owner.name } : null,
    place: { screen: 'sops', item: text.sopId },
  }));
}

/** Draws due during the shift, and the fulfilment deadlines (contacts, shipping) still running. */
function timersOf(world: BriefingWorld, window: { startAt: number; endAt: number }, now: number): StandInTimer[] {
  const campaignOf = (requestId: string) => {
    const campaignId = world.prizes.find((view) => view.id === requestId)?.submission?.campaignId;
    return world.campaigns.find((campaign) => campaign.id === campaignId)?.name ?? '';
  };
  const place = (requestId: string) => ({ screen: 'prizes', item: requestId });
  const draws = world.prizes
    .filter((view) => view.status === 'approved' && view.submission !== null && view.submission.drawAt >= window.startAt && view.submission.drawAt < window.endAt)
    .map((view): StandInTimer => ({ requestId: view.id, campaign: campaignOf(view.id), kind: 'draw', dueAt: view.submission!.drawAt, pending: 0, overdue: now > view.submission!.drawAt, place: place(view.id) }));
  const fulfilment = fulfilmentTimers(world.prizes, world.prizeSettings, now).map((timer): StandInTimer => ({ ...timer, campaign: campaignOf(timer.requestId), place: place(timer.requestId) }));
  return [...draws, ...fulfilment].sort((a, b) => a.dueAt - b.dueAt || (a.requestId < b.requestId ? -1 : a.requestId > b.requestId ? 1 : 0));
}

/**
 * The stand-in pack (代班手册) for one shift: what a colleague covering it needs on one page, from
 * each capability's documented queries, the same on every computer holding the same files. Null
 * when the team has no such shift type. Checklist and follow-ups are as they stand at `now`.
 */
export function standInPack(input: StandInInput): StandInPack | null {
  const settings = teamSettingsOf(input.state.get(teamSettings, TEAM_SETTINGS_ID));
  const shift = shiftInstance(input.shift, settings.shiftTypes, settings.timeZone);
  if (!shift) return null;
  const world = briefingWorld(input.state, input.roster, null, input.now);
  const query: BriefingQuery = { state: input.state, me: null, now: input.now, settings };
  const onDuty = world.rota ? onDutyFor(world.rota, shift) : null;
  const checklist = checklistSection(query, world, input.roster, { shift, role: 'cover' }, 'during');
  const followUps = followUpsSection(query, 'during');
  const backup = onDuty?.people.find((entry) => entry.role === 'backup')?.person ?? null;
  return {
    shift,
    timeZone: settings.timeZone,
    at: input.now,
    onDuty: onDuty ? { shift: onDuty.shift, people: [...onDuty.people] } : null,
    covers: coversOf(world, shift),
    posts: checklist ? [...checklist.items] : [],
    rules: rulesOf(world, shift),
    followUps: followUps ? [...followUps.items] : [],
    moreFollowUps: followUps?.more ?? 0,
    campaigns: campaignsAround(world.campaigns, shift.date, 0).running.map(campaignItem),
    timers: timersOf(world, shift, input.now),
    contacts: {
      leads: input.roster ? membersHolding(input.roster, 'lead').map((member) => ({ memberId: member.memberId, name: member.displayName })) : [],
      backup,
      departments: settings.departments.filter((department) => !department.retired).map(({ id, name, contact }) => ({ id, name, contact: contact === undefined || contact === '' ? null : contact })),
    },
  };
}
