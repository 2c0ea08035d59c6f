import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  acknowledgeOp,
  publishOp,
  returnOp,
  reviseOp,
  setMetaOp,
  SOP_AREAS,
  submitOp,
  tickOp,
  type ChecklistDef,
  type SopArea,
} from '../shared/sop';
import { atOfDay, dateOfDay, isLead, type GenContext, type GenMember } from './gen-context';
import { chineseText } from './vocabulary';

/**
 * The team's SOPs over the history, written with the SOP capability's builders: 45 SOPs on the
 * first day (the nine starter SOPs with their checklists, and five per area in all), then about
 * 70 revisions a year, each written by an editor, submitted, and published by a lead a day or
 * two later (one in seven returned with a comment first and revised again; an SOP under review
 * is not revised again until published); every version not marked minor is acknowledged by
 * everyone at the start of their next shift (or before taking a cover); and every shift
 * ticks its checklist (post slots, sweeps, once-per-shift tasks) as it goes.
 */

interface Starter {
  readonly area: SopArea;
  readonly shiftTypeIds: string[];
  readonly checklist: ChecklistDef[];
  readonly title: string;
  readonly body: string;
}

const STARTER_DIR = join(import.meta.dirname, '..', 'shared', 'sop', 'starter', 'zh-CN');

/** The starter SOPs' files: JSON front matter, a `# title` line, the text. */
function starters(): Starter[] {
  return readdirSync(STARTER_DIR)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => {
      const [, front, title, body] = /^---\n([\s\S]*?)\n---\n# (.+)\n\n?([\s\S]*)$/.exec(readFileSync(join(STARTER_DIR, name), 'utf8'))!;
      return { ...(JSON.parse(front!) as Omit<Starter, 'title' | 'body'>), title: title!, body: body! };
    });
}

interface TrackedSop {
  readonly id: string;
  head: string;
  body: string;
  title: string;
  readonly checklist: ChecklistDef[];
  readonly owner: GenMember;
  /** A revision is submitted and not yet published: nobody starts another one meanwhile. */
  underReview: boolean;
}

export interface ChecklistShift {
  readonly id: string;
  /** The shift type the starter SOPs name (early, late) this desk's shift type stands for. */
  readonly base: string;
  readonly startH: number;
  readonly endH: number;
}

export class SopGenerator {
  private readonly sops: TrackedSop[] = [];
  /** Member id → versions they still have to acknowledge. */
  private readonly pending = new Map<string, Array<{ sopId: string; revision: string }>>();
  private readonly editors: readonly GenMember[];
  private readonly leads: readonly GenMember[];

  constructor(
    private readonly ctx: GenContext,
    private readonly members: readonly GenMember[],
    /** Every desk's shift types: a starter SOP's `early` means each desk's early shift. */
    private readonly shifts: readonly ChecklistShift[],
    private readonly perYear: number,
  ) {
    this.editors = members.filter((member) => !isLead(member));
    this.leads = members.filter(isLead);
  }

  setUp(count: number): void {
    const { rng, text } = this.ctx;
    const widen = (ids: readonly string[]) => this.shifts.filter((shift) => ids.includes(shift.base)).map((shift) => shift.id);
    const base = starters();
    for (let i = 0; i < count; i += 1) {
      const starter = base[i];
      const area = starter?.area ?? SOP_AREAS[i % SOP_AREAS.length]!;
      const checklist = (starter?.checklist ?? []).map((def) => ({ ...def, shiftTypeIds: widen(def.shiftTypeIds) }));
      const title = starter?.title ?? `${chineseText(text, 6, 14).replace(/[，。]/g, '')}规范`;
      const body = starter?.body ?? this.newBody();
      const sop = { id: this.ctx.newId('sop'), head: '', body, title, checklist, owner: rng.pick(this.editors), underReview: false };
      this.sops.push(sop);
      const at = atOfDay(this.ctx, 0, 7 + i / 60);
      this.revise(sop, at, { area });
      this.publish(sop, at + 60_000, false);
      const backup = rng.pick(this.editors.filter((member) => member !== sop.owner));
      const lead = rng.pick(this.leads);
      const meta = {
        area,
        owner: sop.owner.person,
        backupOwner: backup.person,
        reviewBy: dateOfDay(this.ctx, rng.int(180, 365)),
        requiredRoles: ['editor' as const],
        shiftTypeIds: widen(starter?.shiftTypeIds ?? []),
      };
      this.ctx.emit(lead, at + 120_000, setMetaOp(null, sop.id, meta, { by: lead.person, at: at + 120_000 }));
    }
  }

  /** The start of a day: now and then an editor revises an SOP and submits it. */
  startDay(day: number): void {
    const { rng } = this.ctx;
    if (day === 0 || !rng.chance(this.perYear / 365)) return;
    const idle = this.sops.filter((candidate) => !candidate.underReview);
    if (idle.length === 0) return;
    const sop = rng.pick(idle);
    const author = rng.chance(0.6) ? sop.owner : rng.pick(this.editors);
    sop.underReview = true;
    this.revise(sop, atOfDay(this.ctx, day, rng.int(9, 21)), {}, author);
    const reviewDay = day + rng.int(1, 2);
    this.ctx.later(reviewDay, () => this.review(sop, reviewDay, author));
  }

  /** The start of a member's shift (or before a cover): the versions they have not acknowledged yet. */
  acknowledge(member: GenMember, at: number): void {
    const due = this.pending.get(member.person.memberId);
    if (!due) return;
    this.pending.delete(member.person.memberId);
    for (const { sopId, revision } of due) this.ctx.emit(member, at, acknowledgeOp(sopId, revision, { by: member.person, at }));
  }

  /** A shift's checklist, ticked as it falls due by the people on it (a few items forgotten). */
  tickShift(shift: ChecklistShift, day: number, onDuty: readonly GenMember[]): void {
    const { rng } = this.ctx;
    if (onDuty.length === 0) return;
    const date = dateOfDay(this.ctx, day);
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    const startAt = atOfDay(this.ctx, day, shift.startH);
    const endAt = atOfDay(this.ctx, day, shift.endH);
    const hhmm = (at: number) => new Date(at + 8 * 3_600_000).toISOString().slice(11, 16);
    for (const sop of this.sops) {
      for (const def of sop.checklist) {
        if (def.shiftTypeIds.length > 0 && !def.shiftTypeIds.includes(shift.id)) continue;
        if ((def.days === 'weekdays' && (weekday === 0 || weekday === 6)) || (def.days === 'weekends' && weekday !== 0 && weekday !== 6)) continue;
        const due: Array<[string, number]> =
          def.kind === 'once'
            ? [['shift', endAt - 20 * 60_000]]
            : def.kind === 'post'
              ? def.times.map((time) => [time, atOfDay(this.ctx, day, Number(time.slice(0, 2)) + Number(time.slice(3)) / 60)] as [string, number]).filter(([, at]) => at >= startAt && at < endAt)
              : Array.from({ length: Math.floor(((shift.endH - shift.startH) * 60) / (def.everyMinutes ?? 120)) }, (_, i) => startAt + (i + 1) * (def.everyMinutes ?? 120) * 60_000).map((at) => [hhmm(at), at - 5 * 60_000] as [string, number]);
        for (const [slot, at] of due) {
          if (rng.chance(0.05)) continue;
          const by = rng.pick(onDuty);
          const link = def.kind === 'post' ? `https://weibo.com/${rng.int(1_000_000_000, 7_999_999_999)}/${rng.int(2 ** 20, 2 ** 40).toString(36)}` : undefined;
          const note = rng.chance(0.2) ? chineseText(this.ctx.text, 8, 40) : undefined;
          this.ctx.emit(by, at + rng.int(0, 10) * 60_000, tickOp({ date, shiftTypeId: shift.id }, `${sop.id}/${def.id}/${slot}`, { link, note }, { by: by.person, at }));
        }
      }
    }
  }

  private newBody(): string {
    const { text, rng } = this.ctx;
    const sections = rng.int(3, 6);
    const parts: string[] = [];
    for (let i = 0; i < sections; i += 1) {
      parts.push(`## ${chineseText(text, 4, 10).replace(/[，。]/g, '')}`);
      for (let j = rng.int(2, 5); j > 0; j -= 1) parts.push(`- ${chineseText(text, 20, 80)}`);
    }
    return `${parts.join('\n')}\n`;
  }

  private revise(sop: TrackedSop, at: number, extra: { area?: SopArea }, author = sop.owner): void {
    const { text } = this.ctx;
    if (sop.head !== '') {
      // An edit: one paragraph rewritten, one added.
      const lines = sop.body.split('\n');
      lines[this.ctx.rng.int(0, lines.length - 1)] = `- ${chineseText(text, 20, 80)}`;
      lines.push(`- ${chineseText(text, 20, 80)}`);
      sop.body = lines.join('\n');
    }
    const stamp = { by: author.person, at };
    const revision = { parents: sop.head === '' ? [] : [sop.head], title: sop.title, body: sop.body, checklist: sop.checklist, ...extra };
    sop.head = this.ctx.emit(author, at, reviseOp(sop.id, revision, stamp)).id;
    this.ctx.emit(author, at + 30_000, submitOp(sop.id, sop.head, { by: author.person, at: at + 30_000 }));
  }

  /** A lead's review: published (three in ten minor), or returned once and published after the fix. */
  private review(sop: TrackedSop, day: number, author: GenMember): void {
    const { rng } = this.ctx;
    const at = atOfDay(this.ctx, day, rng.int(9, 18));
    if (rng.chance(1 / 7)) {
      const lead = rng.pick(this.leads);
      this.ctx.emit(lead, at, returnOp(sop.id, sop.head, '请补充代班时的注意事项，再提交', { by: lead.person, at }));
      this.ctx.later(day + 1, () => {
        this.revise(sop, atOfDay(this.ctx, day + 1, 10), {}, author);
        this.ctx.later(day + 2, () => this.publish(sop, atOfDay(this.ctx, day + 2, 11), rng.chance(0.3)));
      });
      return;
    }
    this.publish(sop, at, rng.chance(0.3));
  }

  private publish(sop: TrackedSop, at: number, minor: boolean): void {
    const lead = this.ctx.rng.pick(this.leads);
    this.ctx.emit(lead, at, publishOp(sop.id, sop.head, minor, { by: lead.person, at }));
    sop.underReview = false;
    if (minor) return;
    for (const member of this.members) {
      const due = this.pending.get(member.person.memberId) ?? [];
      // A newer version replaces the one not acknowledged yet.
      this.pending.set(member.person.memberId, [...due.filter((item) => item.sopId !== sop.id), { sopId: sop.id, revision: sop.head }]);
    }
  }
}
