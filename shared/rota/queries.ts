import { addDaysToDate, dateInZone } from '../team-settings';
import { ineligibility, type Ineligible } from './eligibility';
import type { LeaveView } from './leave';
import type { CoverView, SwapView } from './requests';
import { compareKeys, sameAssignment, slotKey } from './slots';
import type { Duty, RotaWorld } from './world';

/**
 * The rota's answers for other capabilities and the briefing: pure functions of `rotaWorld(...)`.
 * Build the world once per change of the fold (the rota service does) and ask these of it.
 */

/** Whether `memberId` is on approved leave at the instant `atMs` (leave is by day in the team's zone). */
export function isOnApprovedLeave(world: RotaWorld, memberId: string, atMs: number): boolean {
  return world.onLeave(memberId, dateInZone(atMs, world.settings.timeZone));
}

/** The published shifts (covers, swaps and leave applied) of the days from `from` for `days` days, in start order. */
export function dutiesBetween(world: RotaWorld, from: string, days: number): Duty[] {
  const duties: Duty[] = [];
  for (let offset = 0; offset < days; offset += 1) {
    const date = addDaysToDate(from, offset);
    for (const type of world.settings.shiftTypes) {
      const duty = world.duties.get(slotKey(date, type.id));
      if (duty) duties.push(duty);
    }
  }
  return duties.sort((a, b) => a.startAt - b.startAt || compareKeys(a.key, b.key));
}

export interface OnDuty {
  /** Shifts under way at the instant, with their people (primary, cover, stand-in) and backup. */
  readonly now: readonly Duty[];
  /** The shifts starting next after the instant (all of those starting at that same moment). */
  readonly next: readonly Duty[];
}

/** Who is on now and next at `atMs`: looks two days back (a night shift) and two weeks ahead. */
export function onDutyAt(world: RotaWorld, atMs: number): OnDuty {
  const today = dateInZone(atMs, world.settings.timeZone);
  const around = dutiesBetween(world, addDaysToDate(today, -2), 16);
  const now = around.filter((duty) => duty.startAt <= atMs && atMs < duty.endAt);
  const upcoming = around.filter((duty) => duty.startAt > atMs);
  const firstStart = upcoming[0]?.startAt;
  return { now, next: upcoming.filter((duty) => duty.startAt === firstStart) };
}

/** Whether a member works a duty (primary, swap, cover or stand-in) or is its backup. */
export function roleOn(duty: Duty, memberId: string): 'working' | 'backup' | null {
  if (duty.people.some((person) => person.memberId === memberId)) return 'working';
  return duty.backup === memberId ? 'backup' : null;
}

/** A member's shifts not yet ended at `atMs`, soonest first, at most `limit` (looks 93 days ahead). */
export function nextShiftsOf(world: RotaWorld, memberId: string, atMs: number, limit = 5): Duty[] {
  const today = dateInZone(atMs, world.settings.timeZone);
  return dutiesBetween(world, addDaysToDate(today, -1), 94)
    .filter((duty) => duty.endAt > atMs && roleOn(duty, memberId) !== null)
    .slice(0, limit);
}

/** A member's shifts (working or backup) on the days `from`..`to` inclusive. */
export function shiftsOf(world: RotaWorld, memberId: string, from: string, to: string): Duty[] {
  const days = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;
  return dutiesBetween(world, from, Math.max(0, days)).filter((duty) => roleOn(duty, memberId) !== null);
}

export interface RequestsInvolving {
  readonly leaves: readonly LeaveView[];
  /** Covers they asked for, took or stand in for. */
  readonly covers: readonly CoverView[];
  /** Swaps they proposed or were offered. */
  readonly swaps: readonly SwapView[];
}

/** Leave, cover and swap requests involving a member, in the world's order. */
export function requestsInvolving(world: RotaWorld, memberId: string): RequestsInvolving {
  return {
    leaves: world.leaves.filter((leave) => leave.memberId === memberId),
    covers: world.covers.filter((cover) => cover.memberId === memberId || cover.takenBy === memberId),
    swaps: world.swaps.filter((swap) => swap.from.memberId === memberId || swap.to.memberId === memberId),
  };
}

export interface Candidate {
  readonly memberId: string;
  readonly name: string;
  /** Empty: may take it. */
  readonly reasons: readonly Ineligible[];
}

/** Every member but the requester, eligible ones first, each with why not. */
export function coverCandidates(world: RotaWorld, cover: Pick<CoverView, 'key' | 'memberId'>): Candidate[] {
  return world.members
    .filter((member) => member.memberId !== cover.memberId)
    .map((member) => ({ memberId: member.memberId, name: member.name, reasons: ineligibility(world.lookup, cover.key, member.memberId, cover.memberId) }))
    .sort((a, b) => Number(a.reasons.length > 0) - Number(b.reasons.length > 0) || compareKeys(a.name, b.name));
}

/** How a person stands on a shift in a publication: working it, its backup, or not on it (null). */
export type PublishedPart = 'working' | 'backup' | null;

export interface CoverAsks {
  /** Open covers of shifts not yet ended that this member may take (eligible now), soonest first. */
  readonly canTake: readonly CoverView[];
  /** Covers a lead made this member the stand-in of (the urgent path), shifts not yet ended. */
  readonly standingIn: readonly CoverView[];
}

/**
 * The cover asks that concern a member at `atMs`: for the briefing's notification ("a colleague
 * asks cover of a shift you could take", "you stand in for …"). Pure; ask it of the current world.
 */
export function coverAsksFor(world: RotaWorld, memberId: string, atMs: number): CoverAsks {
  const ahead = world.covers.filter((cover) => (world.duties.get(cover.key)?.endAt ?? 0) > atMs);
  const bySoonest = (a: CoverView, b: CoverView) => (world.duties.get(a.key)?.startAt ?? 0) - (world.duties.get(b.key)?.startAt ?? 0) || compareKeys(a.id, b.id);
  return {
    canTake: ahead.filter((cover) => cover.status === 'open' && ineligibility(world.lookup, cover.key, memberId, cover.memberId).length === 0).sort(bySoonest),
    standingIn: ahead.filter((cover) => cover.urgent && cover.takenBy === memberId && cover.status === 'covered').sort(bySoonest),
  };
}

export interface PublishChange {
  readonly key: string;
  readonly before: PublishedPart;
  readonly after: PublishedPart;
}

const partIn = (assignment: { primary: readonly string[]; backup: string | null } | undefined, memberId: string): PublishedPart =>
  assignment?.primary.includes(memberId) ? 'working' : assignment?.backup === memberId ? 'backup' : null;

/** What the latest publish of `month` changed for a member (against the one before it): added, removed, working ⇄ backup. */
export function publishChangesFor(world: RotaWorld, memberId: string, month: string): PublishChange[] {
  const entry = world.publications.get(month);
  if (!entry) return [];
  const before = entry.previous?.assignments ?? {};
  const after = entry.latest.assignments;
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort(compareKeys);
  return keys.flatMap((key) => {
    const change = { key, before: partIn(before[key], memberId), after: partIn(after[key], memberId) };
    return change.before === change.after ? [] : [change];
  });
}

export interface PublishNews {
  readonly month: string;
  /** The publisher's clock at the latest publish of the month. */
  readonly publishedAt: number;
  /** Only shifts from today on: what the person still has to plan around. */
  readonly changes: readonly PublishChange[];
}

/**
 * "What changed for me": per month from the current one on, what its latest publish changed for
 * a member on the days still ahead, months without such a change left out. The rota screen shows
 * it; the briefing can tell a person whose shifts moved since they last looked (by `publishedAt`).
 */
export function publishNewsFor(world: RotaWorld, memberId: string, atMs: number): PublishNews[] {
  const today = dateInZone(atMs, world.settings.timeZone);
  return [...world.publications]
    .filter(([month]) => month >= today.slice(0, 7))
    .sort(([a], [b]) => compareKeys(a, b))
    .flatMap(([month, { latest }]) => {
      const changes = publishChangesFor(world, memberId, month).filter((change) => change.key.slice(0, 10) >= today);
      return changes.length > 0 ? [{ month, publishedAt: latest.at, changes }] : [];
    });
}

/** The draft's assignments of a month (`2026-03`), as publishing it would make them. */
export function monthDraft(world: RotaWorld, month: string): Record<string, { primary: string[]; backup: string | null }> {
  const assignments: Record<string, { primary: string[]; backup: string | null }> = {};
  for (const [key, slot] of [...world.draft].sort(([a], [b]) => compareKeys(a, b))) {
    if (key.startsWith(`${month}-`) && (slot.assignment.primary.length > 0 || slot.assignment.backup !== null)) assignments[key] = { ...slot.assignment };
  }
  return assignments;
}

/** Slots of a month whose draft differs from what is published: what publishing would change. */
export function unpublishedKeys(world: RotaWorld, month: string): string[] {
  const draft = monthDraft(world, month);
  const published = world.publications.get(month)?.latest.assignments ?? {};
  const keys = new Set([...Object.keys(draft), ...Object.keys(published)]);
  return [...keys].filter((key) => !sameAssignment(draft[key], published[key])).sort(compareKeys);
}

/**
 * Whether a person is on a shift by the rota (working or backup): null where the rota publishes no
 * such shift that day, so the caller decides what an unplanned shift means (the SOPs' checklist
 * ticks: open to every role that may tick).
 */
export function isOnShift(world: RotaWorld, memberId: string, shift: { readonly date: string; readonly shiftTypeId: string }): boolean | null {
  const duty = dutiesBetween(world, shift.date, 1).find((candidate) => candidate.shiftTypeId === shift.shiftTypeId);
  return duty ? roleOn(duty, memberId) !== null : null;
}

export interface HolidayCalendar {
  /** Public holidays, yyyy-MM-dd. */
  readonly holidays: ReadonlySet<string>;
  /** Weekend days made working days (调休), yyyy-MM-dd. */
  readonly workdays: ReadonlySet<string>;
}

/** The team's holiday calendar as the rota's settings hold it (a lead types or imports it): for the SOPs' shift checklists. */
export function holidayCalendar(world: RotaWorld): HolidayCalendar {
  const days = (kind: 'holiday' | 'workday') => new Set(world.settings.holidays.filter((holiday) => holiday.kind === kind).map((holiday) => holiday.date));
  return { holidays: days('holiday'), workdays: days('workday') };
}

// What a caller needs to build the world, so that other capabilities and the briefing import this file only.
export { rosterAuthors, rosterMembers, rotaWorldAround, rotaWorldOf } from './sources';
export type { Duty, RotaWorld } from './world';
export type { CoverView, SwapView } from './requests';
export type { LeaveView } from './leave';
