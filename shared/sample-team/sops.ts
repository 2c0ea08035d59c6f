import { acknowledgeOp, publishOp, reviseOp, setMetaOp, submitOp, tickOp } from '../sop';
import { isoWeekday } from '../sop/checklist';
import { starterSops, type StarterSop } from '../sop/starter';
import type { ShiftInstance } from '../team-settings';
import { atWallTime, dayFromNow, HOUR, MINUTE, past, type SampleContext, type SampleMember } from './context';
import type { SampleLanguage } from './texts';

/**
 * The nine areas' SOPs, written with the SOP capability's builders: the starter SOPs (with their
 * checklists) written by the editors and published by the lead on the team's first day and acknowledged by everyone; the
 * content SOP revised three weeks ago (acknowledged by all), the fan SOP revised two days ago
 * (everyone has acknowledged it but the person opening the sample: their briefing asks them to,
 * with the change); a draft of the monitoring SOP waiting for a lead's review. `tick` ticks a
 * past shift's checklist as its person went through it.
 */

interface WrittenSop {
  readonly id: string;
  readonly starter: StarterSop;
  head: string;
  body: string;
}

export interface SampleSops {
  /** Ticks the post and once-a-shift items of a past shift that fell due before `until`. */
  tick(shift: ShiftInstance, by: SampleMember, until: number): void;
}

export function writeSops(ctx: SampleContext, language: SampleLanguage, firstDay: string): SampleSops {
  const m = ctx.members;
  const lead = m.zhou;
  const readers = [m.zhou, m.wang, m.li, m.liu, m.sun, m.me];
  const writers = [m.wang, m.li, m.liu, m.sun];
  const shiftTypeIds = new Set(ctx.shiftTypes.map((type) => type.id));
  const founded = atWallTime(ctx, firstDay, '09:00');
  const sops: WrittenSop[] = starterSops(language).map((starter, i) => {
    const id = ctx.newId('sop');
    // Each written by its owner among the editors, published by the lead (never by its own author).
    const owner = writers[i % writers.length]!;
    const at = founded + i * MINUTE;
    const revision = ctx.emit(owner, at, reviseOp(id, { parents: [], title: starter.title, body: starter.body, checklist: starter.checklist, area: starter.area }, { by: owner.person, at }));
    const stamp = { by: lead.person, at: at + 10_000 };
    const meta = { requiredRoles: starter.requiredRoles, shiftTypeIds: starter.shiftTypeIds.filter((shiftTypeId) => shiftTypeIds.has(shiftTypeId)), owner: owner.person, backupOwner: lead.person };
    ctx.emit(lead, stamp.at, setMetaOp(null, id, meta, stamp));
    ctx.emit(lead, stamp.at + 10_000, publishOp(id, revision.id, false, { ...stamp, at: stamp.at + 10_000 }));
    return { id, starter, head: revision.id, body: starter.body };
  });
  const acknowledge = (sop: WrittenSop, who: readonly SampleMember[], at: number) =>
    who.forEach((member, i) => ctx.emit(member, at + i * 7 * MINUTE, acknowledgeOp(sop.id, sop.head, { by: member.person, at: at + i * 7 * MINUTE })));
  for (const sop of sops) acknowledge(sop, readers, founded + 2 * HOUR);

  const revise = (sop: WrittenSop, author: SampleMember, line: string, at: number) => {
    sop.body = `${sop.body.trimEnd()}\n${line}\n`;
    const stamp = { by: author.person, at };
    sop.head = ctx.emit(author, at, reviseOp(sop.id, { parents: [sop.head], title: sop.starter.title, body: sop.body, checklist: sop.starter.checklist }, stamp)).id;
    ctx.emit(author, at + MINUTE, submitOp(sop.id, sop.head, { ...stamp, at: at + MINUTE }));
  };
  const byArea = (area: string) => sops.find((sop) => sop.starter.area === area)!;

  const content = byArea('content');
  revise(content, m.wang, ctx.texts.sop.olderChange, atWallTime(ctx, dayFromNow(ctx, -20), '14:00'));
  ctx.emit(lead, atWallTime(ctx, dayFromNow(ctx, -19), '10:00'), publishOp(content.id, content.head, false, { by: lead.person, at: atWallTime(ctx, dayFromNow(ctx, -19), '10:00') }));
  acknowledge(content, readers, atWallTime(ctx, dayFromNow(ctx, -18), '08:20'));

  const fans = byArea('fans');
  revise(fans, m.li, ctx.texts.sop.recentChange, atWallTime(ctx, dayFromNow(ctx, -3), '16:30'));
  const fansPublished = atWallTime(ctx, dayFromNow(ctx, -2), '09:00');
  ctx.emit(lead, fansPublished, publishOp(fans.id, fans.head, false, { by: lead.person, at: fansPublished }));
  acknowledge(fans, readers.filter((member) => member !== m.me), fansPublished + HOUR);

  const monitoring = byArea('monitoring');
  revise(monitoring, m.sun, ctx.texts.sop.draftChange, past(ctx, atWallTime(ctx, dayFromNow(ctx, -1), '21:00')));

  return {
    tick(shift, by, until) {
      const weekday = isoWeekday(shift.date);
      for (const sop of sops) {
        for (const item of sop.starter.checklist) {
          if (item.kind === 'sweep') continue;
          if (item.shiftTypeIds.length > 0 && !item.shiftTypeIds.includes(shift.shiftTypeId)) continue;
          if ((item.days === 'weekdays' && weekday > 5) || (item.days === 'weekends' && weekday <= 5)) continue;
          const slots = item.kind === 'once' ? [['shift', shift.endAt - 30 * MINUTE] as const] : item.times.map((time) => [time, atWallTime(ctx, shift.date, time)] as const);
          for (const [slot, due] of slots) {
            if (due < shift.startAt || due >= shift.endAt || due + 5 * MINUTE > until) continue;
            const extra = item.kind === 'post' ? { note: ctx.texts.sop.tickNote } : {};
            ctx.emit(by, due + 5 * MINUTE, tickOp(shift, `${sop.id}/${item.id}/${slot}`, extra, { by: by.person, at: due + 5 * MINUTE }));
          }
        }
      }
    },
  };
}
