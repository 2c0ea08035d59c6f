import { pendingAcknowledgementCounts, publishedSince, shiftChecklist, shiftChecklistView, sopTeamOf, type ShiftChecklistState } from '../sop/queries';
import { holidayCalendar, isOnShift } from '../rota/queries';
import type { Roster } from '../team';
import type { BriefingQuery } from './duty';
import type { ChecklistSection, SopsSection } from './capability-types';
import type { Moment, MyShift } from './types';
import type { BriefingWorld } from './team-world';

/** The SOPs' part of the briefing, asked through shared/sop/queries.ts. */

export const MAX_CHANGED_SOPS = 10;

/** SOPs I must (re-)acknowledge, with what changed, and versions published since I was last here. */
export function sopsSection(query: BriefingQuery, world: BriefingWorld, since: number | null): SopsSection | null {
  if (!query.me) return null;
  const member = { memberId: query.me.memberId, roles: world.myRoles };
  // From the briefs; only SOPs I acknowledged an earlier version of are read whole (their diff).
  const pending = pendingAcknowledgementCounts(world.sops, member, world.sopDocs);
  const toAcknowledge = pending.map((item) => ({
    sopId: item.sopId,
    title: item.title,
    area: item.area,
    version: item.version,
    lastAcknowledgedVersion: item.lastAcknowledgedVersion,
    linesAdded: item.linesAdded,
    linesRemoved: item.linesRemoved,
    place: { screen: 'sops', item: item.sopId },
  }));
  const asked = new Set(pending.map((item) => `${item.sopId}:${item.version}`));
  const changed = (since === null ? [] : publishedSince(world.sops, since))
    .filter((version) => !asked.has(`${version.sopId}:${version.version}`) && version.publishedAt <= query.now)
    .slice(-MAX_CHANGED_SOPS)
    .map((version) => ({ ...version, place: { screen: 'sops', item: version.sopId } }));
  if (toAcknowledge.length === 0 && changed.length === 0) return null;
  return { kind: 'sops', toAcknowledge, changed, place: { screen: 'sops' } };
}

/** Before and during my shift: its checklist from the published SOPs, with the rota's public holidays. */
export function checklistSection(query: BriefingQuery, world: BriefingWorld, roster: Roster | null, mine: MyShift | null, moment: Moment): ChecklistSection | null {
  if (!mine || (moment !== 'before' && moment !== 'during' && moment !== 'ending')) return null;
  const shiftType = query.settings.shiftTypes.find((type) => type.id === mine.shift.shiftTypeId);
  if (!shiftType) return null;
  const calendar = world.rota ? holidayCalendar(world.rota) : { holidays: new Set<string>(), workdays: new Set<string>() };
  const ticks = (query.state.get(shiftChecklist, `${mine.shift.date}.${mine.shift.shiftTypeId}`) as ShiftChecklistState | undefined) ?? null;
  // Whose ticks count: those on the shift by the rota (null where it publishes nothing for it), as on the checklist screen.
  const rota = world.rota;
  const onShift = (memberId: string, shift: { date: string; shiftTypeId: string }) => (rota ? isOnShift(rota, memberId, shift) : null);
  const judge = { team: roster ? sopTeamOf(roster) : null, onShift };
  const view = shiftChecklistView(world.sops, { shift: mine.shift, shiftType, timeZone: query.settings.timeZone, ...calendar }, ticks, query.now, judge);
  if (view.entries.length === 0) return null;
  return {
    kind: 'checklist',
    shift: { date: mine.shift.date, shiftTypeId: mine.shift.shiftTypeId },
    items: view.entries.map((entry) => ({
      key: entry.key,
      title: entry.title,
      sopTitle: entry.sopTitle,
      kind: entry.kind,
      contentType: entry.contentType,
      slot: entry.slot,
      dueAt: entry.dueAt,
      state: entry.state,
      doneBy: entry.tick ? entry.tick.by : null,
    })),
    next: view.next?.key ?? null,
    pastDue: view.pastDue.length,
    done: view.entries.filter((entry) => entry.state === 'done').length,
    // That shift's checklist, not whichever the checklist screen would pick at this hour (before my shift, the one that ended last).
    place: { screen: 'checklist', item: `${mine.shift.date}.${mine.shift.shiftTypeId}` },
  };
}
