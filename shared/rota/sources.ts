import { TEAM_SETTINGS_ID, addDaysToDate, dateInZone, instantOfWallTime, teamSettings, teamSettingsOf, type ShiftType } from '../team-settings';
import type { ReadonlySyncState } from '../sync';
import { rolesForOp, type Roster } from '../team';
import { REQUEST_CLOSED_AFTER_DAYS, ROTA_TEAM_ID, rotaCover, rotaLeave, rotaMonth, rotaSlot, rotaSwap, rotaTeam } from './capabilities';
import type { Qualifies } from './eligibility';
import { approvedLeaveIndex, leaveView, type AuthorOf } from './leave';
import { rotaSettingsOf, withLegacyShiftExtras } from './settings';
import { rotaWorld, type RotaMember, type RotaWorld } from './world';
import type { MonthState, SlotState } from './capabilities';
import { slotKey } from './slots';

/** Who wrote an op, from the roster: the member of its device (from the op id), their roles at its hlc. */
export function rosterAuthors(roster: Roster): AuthorOf {
  return (opId, hlc) => {
    const deviceId = opId.slice(0, opId.indexOf(':'));
    const memberId = roster.devices.get(deviceId)?.memberId ?? null;
    return { memberId, lead: rolesForOp(roster, deviceId, hlc).includes('lead') };
  };
}

/** Members of the roster as the rota lists them (not removed), by name. */
export function rosterMembers(roster: Roster): RotaMember[] {
  return [...roster.members.values()]
    .filter((member) => member.removed === null)
    .map((member) => ({ memberId: member.memberId, name: member.displayName, roles: member.roles }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.memberId < b.memberId ? -1 : 1));
}

const states = <S>(entries: ReadonlyArray<{ state: S }>) => entries.map((entry) => entry.state);

/** The world from the fold: the one way the service, the CLI and tests build it. */
export function rotaWorldOf(state: ReadonlySyncState, roster: { members: readonly RotaMember[]; authorOf: AuthorOf }, qualifies?: Qualifies): RotaWorld {
  const team = teamSettingsOf(state.get(teamSettings, TEAM_SETTINGS_ID));
  return rotaWorld({
    settings: rotaSettingsOf(state.get(rotaTeam, ROTA_TEAM_ID), team),
    members: roster.members,
    authorOf: roster.authorOf,
    slots: states(state.list(rotaSlot)),
    months: states(state.list(rotaMonth)),
    leaves: states(state.list(rotaLeave)),
    covers: states(state.list(rotaCover)),
    swaps: states(state.list(rotaSwap)),
    ...(qualifies ? { qualifies } : {}),
  });
}

/** How far back the windowed world reads published months: "my last shift" looks 31 days back. */
export const ROTA_WINDOW_MONTHS_BACK = 2;
/** How far ahead it asks for published months by id (a month published since the window began is read whatever its id). */
export const ROTA_WINDOW_MONTHS_AHEAD = 24;

/** `2026-03` plus `months` (may be negative). */
export function addMonths(month: string, months: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + months;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

const monthOf = (date: string) => date.slice(0, 7);

/**
 * The world around `now` without waking years of history: what the briefing and the first screens
 * ask (who is on now and next, my shifts from yesterday on, my last shift in the past 31 days,
 * covers I may take, my open and coming requests, what a publish changed from this month on,
 * leave at any instant). It reads
 * - published months by id (`rotaMonth:<yyyy-MM>`), from `ROTA_WINDOW_MONTHS_BACK` months before
 *   now's month to `ROTA_WINDOW_MONTHS_AHEAD` after it, plus any month published since the window
 *   began (`changedSince`), plus the other month of every swap between one of those and another,
 *   until none is added (a swap's status other than done/stale, and a cover's, does not depend on
 *   the months: an old swap still proposed shows as proposed without its months);
 * - draft slots (`rotaSlot:<date>_<shiftTypeId>`) of those months by id, for the team's current
 *   shift types (a slot of a shift type since removed is not read);
 * - every swap, and the leave and covers not closed long before now (`REQUEST_CLOSED_AFTER_DAYS`,
 *   listed `live` unless an op of the kind is more than `CLOCK_AHEAD_MS` after now); `onLeave`
 *   on a day older than every closed leave's asks every leave, read then only.
 * With no published month among those, it is `rotaWorldOf` (a team whose rota stopped long ago).
 * For those questions it answers as `rotaWorldOf` does (a swap or cover of an older month
 * may show `stale`, `not-on-shift` where the whole world says `done`: such requests are history) (tests/rota/window.test.ts); older months
 * are absent from `published`, `duties`, `publications` and `draft`, so the rota screen's history,
 * fairness over past months and the exports use `rotaWorldOf`.
 */
export function rotaWorldAround(
  state: ReadonlySyncState,
  roster: { members: readonly RotaMember[]; authorOf: AuthorOf },
  now: number,
  qualifies?: Qualifies,
): RotaWorld {
  const team = teamSettingsOf(state.get(teamSettings, TEAM_SETTINGS_ID));
  const settings = rotaSettingsOf(state.get(rotaTeam, ROTA_TEAM_ID), team);
  const current = monthOf(dateInZone(now, settings.timeZone));
  const first = addMonths(current, -ROTA_WINDOW_MONTHS_BACK);
  const wanted = new Set<string>();
  for (let offset = -ROTA_WINDOW_MONTHS_BACK; offset <= ROTA_WINDOW_MONTHS_AHEAD; offset += 1) wanted.add(addMonths(current, offset));
  const since = instantOfWallTime(`${first}-01T00:00`, settings.timeZone);
  if (since !== null) for (const entry of state.list(rotaMonth, { changedSince: since })) wanted.add(entry.id);

  // Leave and covers closed long before now are history (`REQUEST_CLOSED_AFTER_DAYS`): left on disk.
  const covers = states(state.list(rotaCover, liveIfCurrent(state, rotaCover, now)));
  const leaves = states(state.list(rotaLeave, liveIfCurrent(state, rotaLeave, now)));
  const swaps = states(state.list(rotaSwap));
  // A swap between a month read and one not: whether it is done depends on both shifts.
  const links = swaps.flatMap((swap) => (swap.proposal ? [[monthOf(swap.proposal.data.from.date), monthOf(swap.proposal.data.to.date)]] : []));
  for (let added = true; added; ) {
    added = false;
    for (const link of links) {
      if (!link.some((month) => wanted.has(month))) continue;
      for (const month of link) {
        if (wanted.has(month)) continue;
        wanted.add(month);
        added = true;
      }
    }
  }

  const months: MonthState[] = [];
  for (const month of [...wanted].sort()) {
    const published = state.get(rotaMonth, month);
    if (published) months.push(published);
  }
  // A team whose rota stopped before the window: the whole history decides (rare, and exact).
  if (months.length === 0) return rotaWorldOf(state, roster, qualifies);
  // The draft's slots of those months, read only when the draft is asked (a lead's rota screen, not the briefing).
  const slots = () => {
    const found: SlotState[] = [];
    for (const month of wanted) {
      const days = Number(addDaysToDate(`${addMonths(month, 1)}-01`, -1).slice(8, 10));
      for (let day = 1; day <= days; day += 1) {
        for (const type of settings.shiftTypes) {
          const slot = state.get(rotaSlot, slotKey(`${month}-${String(day).padStart(2, '0')}`, type.id));
          if (slot) found.push(slot);
        }
      }
    }
    return found.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  };
  const world = rotaWorld({
    settings,
    members: roster.members,
    authorOf: roster.authorOf,
    slots,
    months,
    leaves,
    covers,
    swaps,
    ...(qualifies ? { qualifies } : {}),
  });
  // Leave on a day older than every closed request's: asked of every leave, read then only (a prize step decided long ago by a delegate).
  const exactFrom = addDaysToDate(dateInZone(now, settings.timeZone), -CLOSED_LEAVE_WITHIN_DAYS);
  let everyLeave: RotaWorld['onLeave'] | null = null;
  const leaveOfWindow = world.onLeave;
  const onLeave: RotaWorld['onLeave'] = (memberId, date) => {
    if (date >= exactFrom) return leaveOfWindow(memberId, date);
    everyLeave ??= approvedLeaveIndex(states(state.list(rotaLeave)).flatMap((leave) => leaveView(leave, roster.authorOf, () => {}) ?? []));
    return everyLeave(memberId, date);
  };
  // The world's own answer stands for the days its leave holds; the draft stays unread until asked.
  return Object.defineProperty(world, 'onLeave', { value: onLeave });
}

/**
 * How far a clock may be ahead of `now` for the closed requests to be trusted: the closed hooks
 * say "history" against the newest op of the kind held, so a colleague's clock a month ahead would
 * close requests still current. Beyond it (or when `now` is in the past, as in a test), every one is read.
 */
const CLOCK_AHEAD_MS = 7 * 86_400_000;
/**
 * Every leave whose last day is at or after today less this many days is listed (not closed):
 * closed ones end before `asOf` less `REQUEST_CLOSED_AFTER_DAYS`, `asOf` at most `CLOCK_AHEAD_MS`
 * after now, a day for the zone. Above the window's first day (at most 92 days back).
 */
const CLOSED_LEAVE_WITHIN_DAYS = REQUEST_CLOSED_AFTER_DAYS - CLOCK_AHEAD_MS / 86_400_000 - 2;

/** `{ live: true }` when no op of the kind is ahead of `now` by more than `CLOCK_AHEAD_MS` (wakes only those that are). */
function liveIfCurrent(state: ReadonlySyncState, capability: { readonly kind: string }, now: number): { live?: true } {
  return state.list(capability.kind, { changedSince: now + CLOCK_AHEAD_MS }).length === 0 ? { live: true } : {};
}

/**
 * The team's shift types as the rota uses them: with the people needed and colour a team set in
 * the rota's settings before those were fields of the shift type. Team settings shows these.
 */
export function rotaShiftTypes(state: ReadonlySyncState, shiftTypes: readonly ShiftType[]): ShiftType[] {
  return withLegacyShiftExtras(shiftTypes, state.get(rotaTeam, ROTA_TEAM_ID));
}
