import { addDaysToDate, dateInZone, instantOfWallTime, type Person } from '../team-settings';
import { dutiesBetween, isOnApprovedLeave, nextShiftsOf, onDutyAt, shiftsOf, type Duty, type RotaWorld } from '../rota/queries';
import type { DutyFacts, DutySource } from './duty';
import type { DutyRole, MyShift, OnDuty } from './types';

/** How far back "my last shift" is looked for: what changed since then is news to me. */
const LAST_SHIFT_LOOKBACK_DAYS = 31;

const shiftOf = (duty: Duty) => ({ date: duty.date, shiftTypeId: duty.shiftTypeId, startAt: duty.startAt, endAt: duty.endAt });

/** How the rota puts someone on a duty: the rota or a swap makes them its primary; a cover or a lead's stand-in, cover. */
function roleOf(duty: Duty, memberId: string): DutyRole | null {
  const working = duty.people.find((person) => person.memberId === memberId);
  if (working) return working.via === 'cover' || working.via === 'standIn' ? 'cover' : 'primary';
  return duty.backup === memberId ? 'backup' : null;
}

function onDuty(duty: Duty, nameOf: (memberId: string) => string): OnDuty {
  const people = duty.people.map((person) => ({ person: { memberId: person.memberId, name: nameOf(person.memberId) }, role: roleOf(duty, person.memberId)! }));
  const backup = duty.backup === null ? [] : [{ person: { memberId: duty.backup, name: nameOf(duty.backup) }, role: 'backup' as const }];
  return { shift: shiftOf(duty), people: [...people, ...backup] };
}

/** Who works a shift of the published rota (covers, swaps and leave applied) and its backup; null where it publishes none. */
export function onDutyFor(world: RotaWorld, shift: { readonly date: string; readonly shiftTypeId: string }): OnDuty | null {
  const duty = dutiesBetween(world, shift.date, 1).find((candidate) => candidate.shiftTypeId === shift.shiftTypeId);
  if (!duty) return null;
  const names = new Map(world.members.map((member) => [member.memberId, member.name]));
  return onDuty(duty, (memberId) => names.get(memberId) ?? memberId);
}

/** The instant my approved leave covering today ends (the start of the day after its last day), in the team's zone. */
function leaveEnd(world: RotaWorld, memberId: string, now: number): number | null {
  if (!isOnApprovedLeave(world, memberId, now)) return null;
  const today = dateInZone(now, world.settings.timeZone);
  const leave = world.leaves.find((entry) => entry.memberId === memberId && entry.status === 'approved' && entry.from <= today && today <= entry.to);
  return leave ? instantOfWallTime(`${addDaysToDate(leave.to, 1)}T00:00`, world.settings.timeZone) : null;
}

/**
 * The rota's answer to "who is on now and next, and where am I": the published rota with covers,
 * swaps and leave applied (shared/rota/queries.ts). Several shifts can be under way at once (a
 * late shift and a night shift overlapping): the one started last is "now", as the one to hand to.
 */
export function rotaDuty(world: RotaWorld, me: Person | null): DutySource {
  return ({ now }) => {
    const names = new Map(world.members.map((member) => [member.memberId, member.name]));
    const nameOf = (memberId: string) => names.get(memberId) ?? memberId;
    const { now: current, next } = onDutyAt(world, now);
    const zone = world.settings.timeZone;
    const today = dateInZone(now, zone);
    // Yesterday to tomorrow (a shift just ended, under way, about to start), then my next ones.
    const around = me ? shiftsOf(world, me.memberId, addDaysToDate(today, -1), addDaysToDate(today, 1)) : [];
    const later = me ? nextShiftsOf(world, me.memberId, now, 3).filter((duty) => !around.some((known) => known.key === duty.key)) : [];
    const worked = me
      ? dutiesBetween(world, addDaysToDate(today, -LAST_SHIFT_LOOKBACK_DAYS), LAST_SHIFT_LOOKBACK_DAYS + 1).filter(
          (duty) => duty.endAt <= now && duty.people.some((person) => person.memberId === me.memberId),
        )
      : [];
    const facts: DutyFacts = {
      myShifts: [...around, ...later].map((duty): MyShift => ({ shift: shiftOf(duty), role: roleOf(duty, me!.memberId) })),
      onNow: current.length > 0 ? onDuty(current[current.length - 1]!, nameOf) : null,
      onNext: next.length > 0 ? onDuty(next[0]!, nameOf) : null,
      leaveUntil: me ? leaveEnd(world, me.memberId, now) : null,
      lastShiftEndedAt: worked.length > 0 ? Math.max(...worked.map((duty) => duty.endAt)) : null,
    };
    return facts;
  };
}
