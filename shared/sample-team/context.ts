import type { Op, OpDraft } from '../sync';
import type { Role } from '../team';
import { addDaysToDate, dateInZone, instantOfWallTime, type Person, type ShiftInstance, type ShiftType } from '../team-settings';
import type { SampleTexts } from './texts';

/**
 * What every part of the sample team's history shares: the cast, the clock of the story (today
 * and the shift that is on or next, in the team's zone), the words in the person's language,
 * and `emit`, which writes a capability builder's draft as the next op of one member's device at
 * a given instant and returns the op (its id and hlc are what later events name).
 */

export type MemberKey = 'zhou' | 'wang' | 'li' | 'liu' | 'sun' | 'chen' | 'me';

export interface SampleMember {
  readonly key: MemberKey;
  readonly person: Person;
  readonly roles: readonly Role[];
}

export interface SampleContext {
  readonly members: Readonly<Record<MemberKey, SampleMember>>;
  readonly texts: SampleTexts;
  readonly timeZone: string;
  readonly shiftTypes: readonly ShiftType[];
  /** The instant the sample is made: every op is at or before it, the story is told around it. */
  readonly now: number;
  /** The shift that is on at `now`, else the next one: the person opening the sample is on it. */
  readonly myShift: ShiftInstance;
  emit(author: SampleMember, at: number, draft: OpDraft): Op;
  /** A fresh entity id, readable (`cover-3`): the sample's entities are few. */
  newId(prefix: string): string;
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

/** yyyy-MM-dd of `now` moved by `days`, in the team's zone. */
export function dayFromNow(ctx: Pick<SampleContext, 'now' | 'timeZone'>, days: number): string {
  return addDaysToDate(dateInZone(ctx.now, ctx.timeZone), days);
}

/** The instant of a wall-clock time (`HH:mm`) on a date, in the team's zone. */
export function atWallTime(ctx: Pick<SampleContext, 'timeZone'>, date: string, time: string): number {
  const at = instantOfWallTime(`${date}T${time}`, ctx.timeZone);
  if (at === null) throw new RangeError(`not a wall-clock time: ${date} ${time}`);
  return at;
}

/** Never later than the story's present: what is "written" happened already. */
export function past(ctx: Pick<SampleContext, 'now'>, at: number): number {
  return Math.min(at, ctx.now - MINUTE);
}
