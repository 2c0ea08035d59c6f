import {
  coverRequestOp,
  coverTakeOp,
  decisionOp,
  LEAVE_TYPES,
  leaveRequestOp,
  publishMonthOp,
  rotaTeamSetOp,
  slotKey,
  slotSetOp,
  standInOps,
  swapAnswerOp,
  swapProposeOp,
  withdrawOp,
  type Assignment,
} from '../shared/rota';
import { atOfDay, dateOfDay, type GenContext, type GenMember } from './gen-context';
import { chineseText } from './vocabulary';

/**
 * One desk's duty rota over the history, written with the rota capability's builders: a lead
 * plans each month slot by slot in the draft (nobody starts a day after the last shift of the
 * day before) and publishes it on its first day; people ask for leave (about eight times a year
 * each, decided by a lead the next day) and approved leave keeps them off their shifts; about ten
 * covers a month (asked by the person on it, taken the next evening by a rested colleague off
 * that day, who first acknowledges the SOPs the shift requires), four swaps a month, and now and
 * then the urgent stand-in. Who is on a shift (`onDuty`) is what the rota says, so the handovers,
 * ticks and acknowledgements of that shift are written by the people the rota has on it. Every
 * write is one the rota's rules accept where they judge it, in HLC order (bench/set-aside.ts).
 */

export interface RotaShift {
  readonly id: string;
  readonly startH: number;
  readonly endH: number;
}

const HOLIDAYS = [
  { date: '2022-01-31', kind: 'holiday', name: '春节' },
  { date: '2022-04-05', kind: 'holiday', name: '清明节' },
  { date: '2022-04-24', kind: 'workday', name: '劳动节调休' },
  { date: '2022-05-02', kind: 'holiday', name: '劳动节' },
  { date: '2022-10-03', kind: 'holiday', name: '国庆节' },
  { date: '2022-10-08', kind: 'workday', name: '国庆节调休' },
  { date: '2023-01-23', kind: 'holiday', name: '春节' },
  { date: '2023-06-22', kind: 'holiday', name: '端午节' },
  { date: '2023-09-29', kind: 'holiday', name: '中秋节' },
  { date: '2023-10-07', kind: 'workday', name: '国庆节调休' },
  { date: '2024-02-12', kind: 'holiday', name: '春节' },
  { date: '2024-02-18', kind: 'workday', name: '春节调休' },
  { date: '2024-10-01', kind: 'holiday', name: '国庆节' },
] as const;

/**
 * A month has one publication in force (the latest in HLC order), and the desks share the rota:
 * the month is published once, with every desk's slots, by the lead of the desk that plans it last.
 */
export class TeamMonths {
  private readonly byMonth = new Map<string, { desks: number; assignments: Record<string, Assignment> }>();

  constructor(private readonly desks: number) {}

  /** Adds a desk's plan of `month`; the whole month once every desk has planned it, else null. */
  planned(month: string, assignments: Record<string, Assignment>): Record<string, Assignment> | null {
    const entry = this.byMonth.get(month) ?? { desks: 0, assignments: {} };
    entry.desks += 1;
    Object.assign(entry.assignments, assignments);
    this.byMonth.set(month, entry);
    if (entry.desks < this.desks) return null;
    this.byMonth.delete(month);
    return entry.assignments;
  }
}

export class RotaGenerator {
  /** Slot key → who is on it now (the published plan, then covers, swaps and stand-ins). */
  private readonly plan = new Map<string, string[]>();
  /** Slot key → when its people last changed (a cover taken, a swap): asks made before then are not theirs yet. */
  private readonly changedAt = new Map<string, number>();
  /** yyyy-MM-dd → members on approved leave that day. */
  private readonly leave = new Map<string, Set<string>>();
  /** `<slot key> <member id>` of the cover asks still open: nobody asks twice for one shift. */
  private readonly openAsks = new Set<string>();
  /** Covers to take tonight: the day's other decisions (SOP publications, swaps) come first. */
  private takes: Array<() => void> = [];
  private readonly byId: ReadonlyMap<string, GenMember>;

  constructor(
    private readonly ctx: GenContext,
    private readonly lead: GenMember,
    private readonly members: readonly GenMember[],
    private readonly shifts: readonly RotaShift[],
    private readonly perShift: number,
    /** What a colleague does before taking a cover: acknowledge the SOPs the shift requires. */
    private readonly beforeTake: (member: GenMember, at: number) => void,
    private readonly months: TeamMonths,
  ) {
    this.byId = new Map(members.map((member) => [member.person.memberId, member]));
  }

  /** Day 0: the lead enters the public holidays (each shift type's staffing is in the team settings). */
  setUp(): void {
    this.ctx.emit(this.lead, atOfDay(this.ctx, 0, 6), rotaTeamSetOp(undefined, { holidays: HOLIDAYS.map((holiday) => ({ ...holiday })) }));
  }

  /** The start of a day: a new month is planned and published; leave, covers and swaps are asked. */
  startDay(day: number): void {
    const { rng } = this.ctx;
    const date = dateOfDay(this.ctx, day);
    if (day === 0 || date.endsWith('-01')) this.planMonth(day);
    const takes = this.takes;
    this.takes = [];
    for (const take of takes) take();
    // Now and then someone falls ill: a lead assigns an urgent stand-in an hour before the shift.
    for (const shift of this.shifts) if (rng.chance(1 / 60)) this.standIn(day, shift, atOfDay(this.ctx, day, shift.startH - 1));
    for (const member of this.members) if (rng.chance(8 / 365)) this.askLeave(member, day);
    if (rng.chance(4 / 30)) this.proposeSwap(day);
  }

  /** Who the rota has on a shift: the plan without the people on leave. */
  onDuty(date: string, shiftId: string): GenMember[] {
    const away = this.leave.get(date);
    return (this.plan.get(slotKey(date, shiftId)) ?? []).filter((id) => !away?.has(id)).map((id) => this.byId.get(id)!);
  }

  /** During a shift: someone asks cover for a later shift of theirs. */
  duringShift(day: number, at: number): void {
    if (this.ctx.rng.chance(10 / 60)) this.askCover(day, at);
  }

  private planMonth(day: number): void {
    const { rng } = this.ctx;
    const month = dateOfDay(this.ctx, day).slice(0, 7);
    const assignments: Record<string, Assignment> = {};
    let at = atOfDay(this.ctx, day, 6);
    for (let d = day; d < this.ctx.days && dateOfDay(this.ctx, d).startsWith(month); d += 1) {
      const date = dateOfDay(this.ctx, d);
      const away = this.leave.get(date);
      const free = this.members.filter((member) => !away?.has(member.person.memberId));
      for (const [slot, shift] of this.shifts.entries()) {
        // Rest between shifts: nobody on the day before's last shift starts the day (the month's first day too).
        const tired = new Set(slot === 0 ? (this.plan.get(slotKey(dateOfDay(this.ctx, d - 1), this.shifts.at(-1)!.id)) ?? []) : []);
        const rested = free.filter((member) => !tired.has(member.person.memberId));
        const primary = rested.sort(() => rng.next() - 0.5).slice(0, this.perShift).map((member) => member.person.memberId);
        const backup = free.find((member) => !primary.includes(member.person.memberId))?.person.memberId ?? null;
        const assignment = { primary, backup };
        this.ctx.emit(this.lead, (at += 1_000), slotSetOp(undefined, date, shift.id, assignment));
        assignments[slotKey(date, shift.id)] = assignment;
        this.plan.set(slotKey(date, shift.id), [...primary]);
      }
    }
    const whole = this.months.planned(month, assignments);
    if (whole) this.ctx.emit(this.lead, (at += 60_000), publishMonthOp(month, whole, at));
  }

  private askLeave(member: GenMember, day: number): void {
    const { rng } = this.ctx;
    const first = day + rng.int(7, 21);
    const length = rng.int(1, 3);
    const id = this.ctx.newId('leave');
    const at = atOfDay(this.ctx, day, rng.int(9, 22));
    const input = { memberId: member.person.memberId, leaveType: rng.pick(LEAVE_TYPES), from: dateOfDay(this.ctx, first), to: dateOfDay(this.ctx, first + length - 1), note: chineseText(this.ctx.text, 0, 30) };
    this.ctx.emit(member, at, leaveRequestOp(id, input, at));
    this.ctx.later(day + 1, () => {
      const approved = rng.chance(0.9);
      const decidedAt = atOfDay(this.ctx, day + 1, 10);
      this.ctx.emit(this.lead, decidedAt, decisionOp('leave', id, approved, approved ? '' : '那几天人手不够，换个时间吧', decidedAt));
      if (!approved) return;
      for (let d = first; d < first + length; d += 1) {
        const date = dateOfDay(this.ctx, d);
        const away = this.leave.get(date) ?? new Set<string>();
        away.add(member.person.memberId);
        this.leave.set(date, away);
      }
    });
  }

  /** A planned shift of someone in the days ahead (the plan is only known to the end of the month). */
  private shiftAhead(day: number, from: number, to: number): { day: number; date: string; shiftId: string; memberId: string } | null {
    const { rng } = this.ctx;
    const ahead = day + rng.int(from, to);
    const date = dateOfDay(this.ctx, ahead);
    const shift = rng.pick(this.shifts);
    const people = this.plan.get(slotKey(date, shift.id));
    if (!people || people.length === 0) return null;
    return { day: ahead, date, shiftId: shift.id, memberId: rng.pick(people) };
  }

  /** Someone off that whole day, rested (off the day before's last shift and the day after's first) and not on leave. */
  private freeOn(day: number): GenMember | null {
    const date = dateOfDay(this.ctx, day);
    const slots = [...this.shifts.map((shift) => slotKey(date, shift.id)), slotKey(dateOfDay(this.ctx, day - 1), this.shifts.at(-1)!.id), slotKey(dateOfDay(this.ctx, day + 1), this.shifts[0]!.id)];
    const busy = new Set(slots.flatMap((key) => this.plan.get(key) ?? []));
    const away = this.leave.get(date);
    const free = this.members.filter((member) => !busy.has(member.person.memberId) && !away?.has(member.person.memberId));
    return free.length === 0 ? null : this.ctx.rng.pick(free);
  }

  private askCover(day: number, at: number): void {
    const { rng } = this.ctx;
    const shift = this.shiftAhead(day, 2, 6);
    if (!shift || this.changedSince(shift, at)) return;
    const ask = `${slotKey(shift.date, shift.shiftId)} ${shift.memberId}`;
    if (this.openAsks.has(ask)) return;
    this.openAsks.add(ask);
    const id = this.ctx.newId('cover');
    const requester = this.byId.get(shift.memberId)!;
    this.ctx.emit(requester, at, coverRequestOp(id, { date: shift.date, shiftTypeId: shift.shiftId, memberId: shift.memberId }, chineseText(this.ctx.text, 0, 40), at));
    // Taken (or withdrawn) the next evening, once that day's swaps are answered and SOPs published.
    this.ctx.later(day + 1, () =>
      this.takes.push(() => {
        const when = atOfDay(this.ctx, day + 1, 22 + rng.int(0, 50) / 60);
        const taker = rng.chance(0.9) ? this.freeOn(shift.day) : null;
        this.openAsks.delete(ask);
        if (!taker) {
          this.ctx.emit(requester, when, withdrawOp('cover', id, when));
          return;
        }
        this.beforeTake(taker, when - 60_000);
        this.ctx.emit(taker, when, coverTakeOp(id, when));
        this.replace(shift.date, shift.shiftId, shift.memberId, taker.person.memberId, when);
      }),
    );
  }

  private standIn(day: number, shift: RotaShift, at: number): void {
    const date = dateOfDay(this.ctx, day);
    const key = slotKey(date, shift.id);
    const people = (this.plan.get(key) ?? []).filter((id) => !this.leave.get(date)?.has(id) && !this.openAsks.has(`${key} ${id}`));
    const standIn = this.freeOn(day);
    if (people.length === 0 || !standIn) return;
    const sick = this.ctx.rng.pick(people);
    for (const draft of standInOps(this.ctx.newId('cover'), { date, shiftTypeId: shift.id, memberId: sick }, standIn.person.memberId, '突发请假，紧急找人顶班', at)) {
      this.ctx.emit(this.lead, at, draft);
    }
    this.replace(date, shift.id, sick, standIn.person.memberId, at);
  }

  private proposeSwap(day: number): void {
    const { rng } = this.ctx;
    const mine = this.shiftAhead(day, 3, 10);
    const theirs = this.shiftAhead(day, 3, 10);
    if (!mine || !theirs || mine.date === theirs.date || mine.memberId === theirs.memberId) return;
    const at = atOfDay(this.ctx, day, rng.int(9, 22));
    if (this.changedSince(mine, at) || this.changedSince(theirs, at)) return;
    const onDay = (date: string, memberId: string) => this.shifts.some((shift) => this.plan.get(slotKey(date, shift.id))?.includes(memberId));
    if (onDay(theirs.date, mine.memberId) || onDay(mine.date, theirs.memberId)) return;
    const id = this.ctx.newId('swap');
    const from = { date: mine.date, shiftTypeId: mine.shiftId, memberId: mine.memberId };
    const to = { date: theirs.date, shiftTypeId: theirs.shiftId, memberId: theirs.memberId };
    this.ctx.emit(this.byId.get(mine.memberId)!, at, swapProposeOp(id, from, to, '家里有事，想和你换一下班', at));
    this.ctx.later(day + 1, () => {
      const accepted = rng.chance(0.85);
      const when = atOfDay(this.ctx, day + 1, rng.int(9, 21));
      this.ctx.emit(this.byId.get(theirs.memberId)!, when, swapAnswerOp(id, accepted, when));
      if (!accepted) return;
      this.replace(mine.date, mine.shiftId, mine.memberId, theirs.memberId, when);
      this.replace(theirs.date, theirs.shiftId, theirs.memberId, mine.memberId, when);
    });
  }

  /** Whether a slot's people changed at or after `at` (the generator writes days out of wall-clock order). */
  private changedSince(shift: { date: string; shiftId: string }, at: number): boolean {
    return (this.changedAt.get(slotKey(shift.date, shift.shiftId)) ?? -Infinity) >= at;
  }

  private replace(date: string, shiftId: string, out: string, into: string, at: number): void {
    const key = slotKey(date, shiftId);
    this.plan.set(key, (this.plan.get(key) ?? []).map((id) => (id === out ? into : id)));
    this.changedAt.set(key, at);
  }
}
