import { followUpOps, handoverOps, type FollowUpFields } from '../handover';
import { lwwSetData, type LwwFields, type Op } from '../sync';
import { previousShift, type ShiftInstance } from '../team-settings';
import { atWallTime, dayFromNow, HOUR, MINUTE, type SampleContext, type SampleMember } from './context';
import type { SampleRota } from './rota';
import type { SampleSops } from './sops';

/**
 * The last week of shifts, written with the handover capability's builders: each shift's person
 * ticks its checklist and writes the note at its end; the next shift's person acknowledges it,
 * except the note of the shift right before the person's own, which waits for them. Follow-ups
 * in every state (open, overdue, done, commented) and two escalations: one whose 'Weibo first'
 * deadline is still running, one past it.
 */

const ESCALATION_MINUTES = 120;
const DAY = 24 * HOUR;
const DAYS_OF_NOTES = 7;

export function writeHandovers(ctx: SampleContext, rota: SampleRota, sops: SampleSops): void {
  const m = ctx.members;
  const f = ctx.texts.followUps;

  const created = (by: SampleMember, at: number, data: { title: string; owner: SampleMember; dueAt: number; category: 'campaign' | 'content' | 'other' | 'escalation'; handoverId?: string; escalation?: { department: string } }): { id: string; op: Op } => {
    const id = ctx.newId('followup');
    const escalation = data.escalation && { escalatedBy: by.person, escalatedAt: at, department: data.escalation.department, deadlineAt: at + ESCALATION_MINUTES * MINUTE };
    const op = ctx.emit(by, at, followUpOps.created(id, {
      title: data.title,
      owner: data.owner.person,
      dueAt: data.dueAt,
      category: data.category,
      ...(escalation ? { department: escalation.department, escalation } : {}),
      ...(data.handoverId ? { handoverId: data.handoverId } : {}),
      createdBy: by.person,
      at,
    }));
    return { id, op };
  };
  /** A field change, having seen what the follow-up was created with. */
  const update = (item: { id: string; op: Op }, by: SampleMember, at: number, changes: Partial<FollowUpFields>) => {
    const data = item.op.data as { title: string; owner: FollowUpFields['owner']; dueAt: number; department?: string };
    const initial: FollowUpFields = { title: data.title, owner: data.owner, dueAt: data.dueAt, status: 'open', department: data.department ?? null };
    const fields = Object.fromEntries(Object.entries(initial).map(([key, value]) => [key, { value, hlc: item.op.hlc, conflicts: [] }])) as unknown as LwwFields<FollowUpFields>;
    ctx.emit(by, at, followUpOps.updated(item.id, { ...lwwSetData(fields, changes), by: by.person, at }));
  };

  // The week of shifts up to the one before the person's own.
  const last = previousShift(ctx.myShift, ctx.shiftTypes, ctx.timeZone)!;
  const shifts: ShiftInstance[] = [last];
  while (shifts.length < DAYS_OF_NOTES * ctx.shiftTypes.length) shifts.unshift(previousShift(shifts[0]!, ctx.shiftTypes, ctx.timeZone)!);

  const day = (days: number, time: string) => atWallTime(ctx, dayFromNow(ctx, days), time);
  const open: string[] = [];
  const done = created(m.sun, shifts[2]!.startAt + 2 * HOUR, { title: f.done, owner: m.sun, dueAt: shifts[2]!.endAt, category: 'content' });
  update(done, m.sun, shifts[2]!.endAt - HOUR, { status: 'done' });
  const overdue = created(m.li, shifts[4]!.startAt + HOUR, { title: f.overdue, owner: m.liu, dueAt: day(-2, '18:00'), category: 'campaign' });
  open.push(overdue.id);
  const breached = created(m.li, shifts.at(-5)!.startAt + 3 * HOUR, { title: f.escalationBreached, owner: m.li, dueAt: shifts.at(-5)!.startAt + 5 * HOUR, category: 'escalation', escalation: { department: 'ecommerce' } });
  update(breached, m.li, shifts.at(-5)!.startAt + 4 * HOUR, { status: 'waiting' });
  open.push(breached.id);

  shifts.forEach((shift, i) => {
    const author = rota.onShift(shift.date, shift.shiftTypeId);
    if (!author) return;
    sops.tick(shift, author, ctx.now);
    const id = ctx.newId('handover');
    const at = shift.endAt - 25 * MINUTE;
    // Two shifts in, each writer leaves a follow-up for the next days.
    if (i % 4 === 1) {
      const title = f.open[(i >> 2) % f.open.length]!;
      const owner = [m.me, m.wang, m.li][(i >> 2) % 3]!;
      // Older ones were done within a day; the last days' are still open, due in the coming days.
      const settled = at < ctx.now - 3 * DAY;
      const dueAt = settled ? at + DAY : Math.max(at + 2 * DAY, ctx.now + (1 + (i % 3)) * 12 * HOUR);
      const item = created(author, at - 10 * MINUTE, { title, owner, dueAt, category: 'content', handoverId: id });
      if (settled) update(item, owner, at + 20 * HOUR, { status: 'done' });
      else open.push(item.id);
      if (i % 8 === 1) ctx.emit(owner === author ? m.zhou : owner, at + 12 * HOUR, followUpOps.commented(item.id, { text: f.comment, by: (owner === author ? m.zhou : owner).person, at: at + 12 * HOUR }));
    }
    const sections = shift === last ? ctx.texts.previousHandover : ctx.texts.handovers[i % ctx.texts.handovers.length]!;
    ctx.emit(author, at, handoverOps.submitted(id, {
      date: shift.date,
      shiftTypeId: shift.shiftTypeId,
      shiftStartAt: shift.startAt,
      shiftEndAt: shift.endAt,
      author: author.person,
      at,
      sections,
      attachments: [],
      followUpIds: [...open],
    }));
    const next = shifts[i + 1];
    const reader = next && rota.onShift(next.date, next.shiftTypeId);
    if (reader && reader !== author) ctx.emit(reader, next.startAt + 10 * MINUTE, handoverOps.acknowledged(id, { by: reader.person, at: next.startAt + 10 * MINUTE }));
  });

  // The complaint of the last shift: the lead escalated it a little while ago; its deadline runs.
  const escalatedAt = Math.max(last.endAt - 30 * MINUTE, ctx.now - 45 * MINUTE);
  created(m.zhou, escalatedAt, { title: f.escalationRunning, owner: m.zhou, dueAt: escalatedAt + ESCALATION_MINUTES * MINUTE, category: 'escalation', escalation: { department: 'customer-service' } });
}
