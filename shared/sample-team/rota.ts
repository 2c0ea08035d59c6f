import {
  coverRequestOp,
  coverTakeOp,
  decisionOp,
  leaveRequestOp,
  publishMonthOp,
  slotKey,
  slotSetOp,
  standInOps,
  swapAnswerOp,
  swapProposeOp,
  type Assignment,
} from '../rota';
import { addDaysToDate } from '../team-settings';
import { atWallTime, dayFromNow, HOUR, past, type MemberKey, type SampleContext, type SampleMember } from './context';

/**
 * Three months of published rota (last month, this one, the next), written with the rota's
 * builders: five people rotate over the early and late shift (never a late then the next early),
 * placed so that the person opening the sample is on the shift that is on now (or next) and 王丽
 * on the one before it. Leave was known before each month was planned (the lead stands in);
 * a sick leave is covered by the lead as an urgent stand-in; a past cover and a past swap moved
 * people; a leave request, a cover request and a swap offered to the person are still open.
 */

const SHIFTS = ['early', 'late'] as const;

export interface SampleRota {
  /** Who works a shift, after leave, covers, swaps and stand-ins. */
  onShift(date: string, shiftTypeId: string): SampleMember | null;
  /** The first day of the history (the month before this one, three days early). */
  readonly firstDay: string;
}

const monthOf = (date: string) => date.slice(0, 7);
function firstOfMonth(date: string, monthsLater: number): string {
  const [year, month] = date.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, month - 1 + monthsLater, 1)).toISOString().slice(0, 10);
}
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

export function writeRota(ctx: SampleContext): SampleRota {
  const m = ctx.members;
  const today = dayFromNow(ctx, 0);
  const firstPlanned = firstOfMonth(today, -1);
  const afterPlanned = firstOfMonth(today, 2);
  const firstDay = addDaysToDate(firstPlanned, -3);
  const lead = m.zhou;

  // Positions in the rotation: on day i, early is position i%5, late (i+2)%5, their backups +1.
  const mine = ctx.myShift;
  const iMine = daysBetween(firstPlanned, mine.date);
  const meAt = mine.shiftTypeId === 'early' ? iMine % 5 : (iMine + 2) % 5;
  const wangAt = mine.shiftTypeId === 'early' ? (iMine + 1) % 5 : iMine % 5;
  const order: Array<MemberKey | null> = [null, null, null, null, null];
  order[((meAt % 5) + 5) % 5] = 'me';
  order[((wangAt % 5) + 5) % 5] = 'wang';
  const rest: MemberKey[] = ['li', 'liu', 'sun'];
  for (let p = 0; p < 5; p += 1) if (order[p] === null) order[p] = rest.shift()!;
  const at = (i: number) => m[order[((i % 5) + 5) % 5]!];

  // Leave known in advance: 刘洋's annual leave next week, asked weeks ago; the lead stands in.
  const liuAway = [addDaysToDate(today, 8), addDaysToDate(today, 9)];
  const plan = new Map<string, MemberKey>();
  const backups = new Map<string, MemberKey | null>();
  for (let date = firstPlanned, i = 0; date < afterPlanned; date = addDaysToDate(date, 1), i += 1) {
    SHIFTS.forEach((shiftTypeId, s) => {
      const person = at(i + 2 * s).key;
      plan.set(slotKey(date, shiftTypeId), person === 'liu' && liuAway.includes(date) ? 'zhou' : person);
      const backup = at(i + 2 * s + 1).key;
      backups.set(slotKey(date, shiftTypeId), backup === 'liu' && liuAway.includes(date) ? null : backup);
    });
  }
  const leaveAsked = atWallTime(ctx, addDaysToDate(firstDay, 1), '10:00');
  const liuLeave = ctx.newId('leave');
  ctx.emit(m.liu, leaveAsked, leaveRequestOp(liuLeave, { memberId: m.liu.person.memberId, leaveType: 'annual', from: liuAway[0]!, to: liuAway[1]!, note: ctx.texts.rota.leaveNote }, leaveAsked));
  ctx.emit(lead, leaveAsked + 2 * HOUR, decisionOp('leave', liuLeave, true, '', leaveAsked + 2 * HOUR));

  // Each month planned slot by slot and published a few days before it starts (the next one: three days ago).
  for (let month = firstPlanned; month < afterPlanned; month = firstOfMonth(month, 1)) {
    const publishDay = month === firstOfMonth(today, 1) ? dayFromNow(ctx, -3) : addDaysToDate(month, -2);
    let when = atWallTime(ctx, publishDay, '07:00');
    const assignments: Record<string, Assignment> = {};
    for (let date = month; monthOf(date) === monthOf(month); date = addDaysToDate(date, 1)) {
      for (const shiftTypeId of SHIFTS) {
        const key = slotKey(date, shiftTypeId);
        const backup = backups.get(key) ?? null;
        const assignment: Assignment = { primary: [m[plan.get(key)!].person.memberId], backup: backup === plan.get(key) || backup === null ? null : m[backup].person.memberId };
        ctx.emit(lead, (when += 1_000), slotSetOp(undefined, date, shiftTypeId, assignment));
        assignments[key] = assignment;
      }
    }
    ctx.emit(lead, (when += 60_000), publishMonthOp(monthOf(month), assignments, when));
  }

  const onDay = (date: string, key: MemberKey) => SHIFTS.some((shiftTypeId) => plan.get(slotKey(date, shiftTypeId)) === key);
  /** Off that day, off the late shift before and the early shift after: rested for any shift of it. */
  const free = (date: string, key: MemberKey) =>
    !onDay(date, key) && plan.get(slotKey(addDaysToDate(date, -1), 'late')) !== key && plan.get(slotKey(addDaysToDate(date, 1), 'early')) !== key;
  /** A day from `from` on (going back or forward) where `key` works a shift and a colleague among `takers` is free. */
  const findShift = (from: number, step: number, key: MemberKey, takers: readonly MemberKey[]) => {
    for (let d = from; Math.abs(d) < 25; d += step) {
      const date = dayFromNow(ctx, d);
      const shiftTypeId = SHIFTS.find((id) => plan.get(slotKey(date, id)) === key);
      const taker = takers.find((candidate) => free(date, candidate));
      if (shiftTypeId && taker && !(date === mine.date)) return { d, date, shiftTypeId, taker };
    }
    throw new Error(`the sample rota has no shift of ${key} to hand over`);
  };
  const move = (date: string, shiftTypeId: string, into: MemberKey) => plan.set(slotKey(date, shiftTypeId), into);
  const shiftRef = (date: string, shiftTypeId: string, key: MemberKey) => ({ date, shiftTypeId, memberId: m[key].person.memberId });

  // A sick leave twelve days ago: asked that morning, approved, and the lead stands in.
  const sick = findShift(-12, 1, 'sun', ['zhou']);
  const sickAsked = atWallTime(ctx, sick.date, '06:30');
  const sickLeave = ctx.newId('leave');
  ctx.emit(m.sun, sickAsked, leaveRequestOp(sickLeave, { memberId: m.sun.person.memberId, leaveType: 'sick', from: sick.date, to: sick.date, note: ctx.texts.rota.sickNote }, sickAsked));
  ctx.emit(lead, sickAsked + 15 * 60_000, decisionOp('leave', sickLeave, true, '', sickAsked + 15 * 60_000));
  for (const draft of standInOps(ctx.newId('cover'), shiftRef(sick.date, sick.shiftTypeId, 'sun'), m.zhou.person.memberId, ctx.texts.rota.standInNote, sickAsked + 20 * 60_000)) {
    ctx.emit(lead, sickAsked + 20 * 60_000, draft);
  }
  move(sick.date, sick.shiftTypeId, 'zhou');

  // A past cover: 刘洋 asked, 李强 took it the next day.
  const cover = findShift(-6, 1, 'liu', ['li', 'sun']);
  const coverAsked = atWallTime(ctx, dayFromNow(ctx, cover.d - 3), '11:00');
  const coverId = ctx.newId('cover');
  ctx.emit(m.liu, coverAsked, coverRequestOp(coverId, shiftRef(cover.date, cover.shiftTypeId, 'liu'), ctx.texts.rota.coverNote, coverAsked));
  ctx.emit(m[cover.taker], coverAsked + 20 * HOUR, coverTakeOp(coverId, coverAsked + 20 * HOUR));
  move(cover.date, cover.shiftTypeId, cover.taker);

  // A past swap, accepted: 王丽 and 孙浩 traded days.
  const swapMine = findShift(-18, 1, 'wang', ['sun']);
  const swapTheirs = findShift(swapMine.d + 1, 1, 'sun', ['wang']);
  const swapAsked = atWallTime(ctx, dayFromNow(ctx, swapMine.d - 4), '14:00');
  const swapId = ctx.newId('swap');
  ctx.emit(m.wang, swapAsked, swapProposeOp(swapId, shiftRef(swapMine.date, swapMine.shiftTypeId, 'wang'), shiftRef(swapTheirs.date, swapTheirs.shiftTypeId, 'sun'), ctx.texts.rota.swapNote, swapAsked));
  ctx.emit(m.sun, swapAsked + 3 * HOUR, swapAnswerOp(swapId, true, swapAsked + 3 * HOUR));
  move(swapMine.date, swapMine.shiftTypeId, 'sun');
  move(swapTheirs.date, swapTheirs.shiftTypeId, 'wang');

  // Still open: a leave request for the lead to decide, a cover anyone rested may take, a swap offered to the person.
  const pendingAsked = past(ctx, atWallTime(ctx, dayFromNow(ctx, -1), '18:30'));
  ctx.emit(m.li, pendingAsked, leaveRequestOp(ctx.newId('leave'), { memberId: m.li.person.memberId, leaveType: 'annual', from: dayFromNow(ctx, 12), to: dayFromNow(ctx, 12), note: ctx.texts.rota.pendingLeaveNote }, pendingAsked));
  const open = findShift(3, 1, 'li', ['me', 'sun', 'wang']);
  ctx.emit(m.li, pendingAsked + 10 * 60_000, coverRequestOp(ctx.newId('cover'), shiftRef(open.date, open.shiftTypeId, 'li'), ctx.texts.rota.openCoverNote, pendingAsked + 10 * 60_000));
  const offered = findShift(4, 1, 'liu', ['me']);
  const mineLater = findShift(offered.d + 1, 1, 'me', ['liu']);
  ctx.emit(m.liu, pendingAsked + 20 * 60_000, swapProposeOp(ctx.newId('swap'), shiftRef(offered.date, offered.shiftTypeId, 'liu'), shiftRef(mineLater.date, mineLater.shiftTypeId, 'me'), ctx.texts.rota.openSwapNote, pendingAsked + 20 * 60_000));

  return {
    firstDay,
    onShift: (date, shiftTypeId) => {
      const key = plan.get(slotKey(date, shiftTypeId));
      return key ? m[key] : null;
    },
  };
}

