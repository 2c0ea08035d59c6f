import type { OnDutyView, RotaDayView, RotaMe, RotaShiftType, RotaView } from '../../../shared/api/rota-views';
import { addDaysToDate, dateInZone, activeShiftTypes } from '../../../shared/team-settings';
import {
  isWeekendDay,
  nextShiftsOf,
  onDutyAt,
  periodOf,
  publishNewsFor,
  requestsInvolving,
  rotaChecks,
  sameAssignment,
  slotInstance,
  slotKey,
  unpublishedKeys,
  type RotaCheck,
  type RotaWorld,
} from '../../../shared/rota';

/** The views of the rota screens, made from one world. Pure; the service caches the world. */

export function shiftTypesOf(world: RotaWorld): RotaShiftType[] {
  return world.settings.shiftTypes.map((type) => ({
    id: type.id,
    name: type.name,
    start: type.start,
    end: type.end,
    needed: world.settings.extras[type.id]!.needed,
    colour: world.settings.extras[type.id]!.colour,
    retired: type.retired === true,
  }));
}

export function rulesOf(world: RotaWorld) {
  const { minRestHours, maxDaysInRow, maxWeekHours, coverNeedsApproval, swapNeedsApproval } = world.settings;
  return { minRestHours, maxDaysInRow, maxWeekHours, coverNeedsApproval, swapNeedsApproval };
}

const monthsOf = (from: string, to: string) => [...new Set([from.slice(0, 7), to.slice(0, 7)])];

/** A range of days: published duties for everyone, the draft for a lead; checks over the whole period. */
export function rotaView(world: RotaWorld, me: RotaMe, from: string, days: number, today: string): RotaView {
  const to = addDaysToDate(from, days - 1);
  // The lead checks the draft (what they are editing), with approved leave taken out.
  const draftPeople = (key: string) => {
    const draft = world.draft.get(key)?.assignment.primary;
    return draft?.filter((memberId) => !world.onLeave(memberId, key.slice(0, 10)));
  };
  const publishedPeople = (key: string) => world.duties.get(key)?.people.map((person) => person.memberId);
  // Over every day drafted (lead) or published (others), not only the days shown.
  const period = periodOf(me.lead ? world.draft.keys() : world.duties.keys(), { from, to });
  const all = me.lead
    ? rotaChecks(world.settings, draftPeople, period.from, period.to)
    : rotaChecks(world.settings, publishedPeople, period.from, period.to).filter((check) => 'memberId' in check && check.memberId === me.memberId);
  // The list: the days shown and every day ahead; the past is history, not something to fix.
  const firstListed = today < from ? today : from;
  // A month with nothing planned yet is one line ("make a pattern"), not a gap per shift.
  const planned = plannedMonths(world, me.lead);
  const unplanned = monthsBetween(firstListed.slice(0, 7), period.to.slice(0, 7)).filter((month) => !planned.has(month));
  const checks = all.filter((check) => check.key.slice(0, 10) >= firstListed && !(check.code === 'uncovered' && !planned.has(check.key.slice(0, 7))));
  // A person's overlap, rest, days or hours first (the rare ones), then gaps and short staffing, each by date.
  const staffing = (check: RotaCheck) => check.code === 'uncovered' || check.code === 'under-staffed';
  checks.sort((a, b) => Number(staffing(a)) - Number(staffing(b)) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const checksBy = new Map<string, RotaCheck[]>();
  for (const check of checks) checksBy.set(check.key, [...(checksBy.get(check.key) ?? []), check]);
  const dayViews: RotaDayView[] = [];
  for (let offset = 0; offset < days; offset += 1) {
    const date = addDaysToDate(from, offset);
    const slots = activeShiftTypes(world.settings.shiftTypes).flatMap((type) => {
      const key = slotKey(date, type.id);
      const instance = slotInstance(key, world.settings);
      if (!instance) return [];
      const draft = me.lead ? (world.draft.get(key) ?? null) : null;
      return [
        {
          key,
          date,
          shiftTypeId: type.id,
          startAt: instance.startAt,
          endAt: instance.endAt,
          duty: world.duties.get(key) ?? null,
          draft: draft?.assignment ?? null,
          conflicts: draft?.conflicts ?? [],
          unpublished: me.lead && !sameAssignment(nonEmpty(draft?.assignment), world.published.get(key)),
          checks: checksBy.get(key) ?? [],
        },
      ];
    });
    dayViews.push({ date, holiday: world.settings.holidays.find((holiday) => holiday.date === date) ?? null, weekend: isWeekendDay(world.settings, date), slots });
  }
  return {
    timeZone: world.settings.timeZone,
    shiftTypes: shiftTypesOf(world),
    rules: rulesOf(world),
    members: world.members.map(({ memberId, name }) => ({ memberId, name })),
    me,
    days: dayViews,
    checks,
    unplanned,
    months: monthsOf(from, to).map((month) => ({
      month,
      publishedAt: world.publications.get(month)?.latest.at ?? null,
      unpublished: me.lead ? unpublishedKeys(world, month).length : 0,
      planned: planned.has(month),
    })),
  };
}

/** Months where someone is on a shift: in the draft for a lead, in what is published for the others. */
function plannedMonths(world: RotaWorld, lead: boolean): Set<string> {
  const months = new Set<string>();
  if (lead) {
    for (const [key, slot] of world.draft) if (slot.assignment.primary.length > 0 || slot.assignment.backup !== null) months.add(key.slice(0, 7));
  } else {
    for (const [key, duty] of world.duties) if (duty.people.length > 0 || duty.onLeave.length > 0) months.add(key.slice(0, 7));
  }
  return months;
}

/** Every yyyy-MM from `first` to `last`, both included. */
function monthsBetween(first: string, last: string): string[] {
  const months: string[] = [];
  for (let month = first; month <= last; month = addDaysToDate(`${month}-28`, 4).slice(0, 7)) months.push(month);
  return months;
}

/** An empty draft slot is the same as no slot: neither is published. */
function nonEmpty(assignment: { primary: string[]; backup: string | null } | undefined) {
  return assignment && (assignment.primary.length > 0 || assignment.backup !== null) ? assignment : undefined;
}

export function onDutyView(world: RotaWorld, memberId: string | null, now: number): OnDutyView {
  const { now: on, next } = onDutyAt(world, now);
  return {
    timeZone: world.settings.timeZone,
    shiftTypes: shiftTypesOf(world),
    names: Object.fromEntries(world.members.map((member) => [member.memberId, member.name])),
    now: on,
    next,
    myNext: memberId ? nextShiftsOf(world, memberId, now, 8) : [],
    news: memberId ? publishNewsFor(world, memberId, now) : [],
    myCovers: memberId ? requestsInvolving(world, memberId).covers.filter((cover) => cover.date >= dateInZone(now, world.settings.timeZone)) : [],
  };
}
