import type { FollowUpFields } from '../shared/handover';
import { lwwSetData, type LwwFields } from '../shared/sync/lww';
import { entityRef, type Op } from '../shared/sync/op';
import { DEPARTMENT_IDS, type GenMember } from './gen-context';
import type { Rng } from './prng';
import { chineseText, followUpTitle } from './vocabulary';

/**
 * One desk's handover notes and follow-ups: each shift its people sign for the previous shift's
 * notes (签收), escalate a few complaints (about 40 a month, varying by month), discuss and
 * update the open follow-ups (recent ones busier; a follow-up is closed after weeks of comments
 * and status changes), and at the end of the shift one of them (sometimes two) writes the note,
 * with the follow-ups it creates and the ones it carries over.
 */

const MINUTE = 60_000;
const HOUR = 3_600_000;
const SECTIONS = ['summary', 'posts', 'fans', 'opinion', 'campaigns', 'nextShift'] as const;

export interface HandoverDeps {
  readonly rng: Rng;
  readonly text: Rng;
  /** Writes an op as the next one of one of the member's devices. */
  emit(member: GenMember, at: number, type: string, entity: string, data: object): Op;
  newId(prefix: string): string;
}

export interface HandoverCounts {
  handovers: number;
  followUps: number;
  escalations: number;
}

interface TrackedFollowUp {
  readonly id: string;
  fields: LwwFields<FollowUpFields>;
  events: number;
  /** Extra events before it closes. */
  readonly lifetime: number;
  readonly escalation: boolean;
}

export interface NoteShift {
  readonly id: string;
  readonly date: string;
  readonly startAt: number;
  readonly endAt: number;
}

export class HandoverDesk {
  /** Open follow-ups, oldest first. */
  readonly pool: TrackedFollowUp[] = [];
  private previousNotes: Array<{ id: string; author: string }> = [];
  private monthlyRate = 40;

  constructor(
    private readonly deps: HandoverDeps,
    private readonly members: readonly GenMember[],
    private readonly counts: HandoverCounts,
  ) {}

  /** A new month's mood: how many escalations a month. */
  newMonth(): void {
    this.monthlyRate = this.deps.rng.int(20, 60);
  }

  /** What the people on a shift do early (sign for the previous notes) and during it (escalate, discuss, update). */
  shiftEvents(onDuty: readonly GenMember[]): { early: Array<(at: number) => void>; during: Array<(at: number) => void> } {
    const { rng, emit } = this.deps;
    const early: Array<(at: number) => void> = [];
    const during: Array<(at: number) => void> = [];
    for (const member of onDuty) {
      for (const note of this.previousNotes) {
        if (note.author === member.person.memberId) continue;
        early.push((at) => emit(member, at, 'handover.acknowledged', entityRef('handover', note.id), { by: member.person, at }));
      }
    }
    const escalationCount = Math.floor(this.monthlyRate / 60 + rng.next());
    for (let i = 0; i < escalationCount; i += 1) {
      const member = rng.pick(onDuty);
      during.push((at) => this.createFollowUp(member, at, undefined, true));
    }
    for (const member of onDuty) {
      const actions = rng.int(8, 14);
      for (let i = 0; i < actions; i += 1) during.push((at) => this.actOnFollowUp(member, at));
    }
    return { early, during };
  }

  /** The notes, written at the end of the shift: one, sometimes two. Returns their ids. */
  writeNotes(shift: NoteShift, onDuty: readonly GenMember[]): string[] {
    const { rng, text } = this.deps;
    const authors = onDuty.slice(0, rng.chance(0.3) ? 2 : 1);
    this.previousNotes = [];
    let at = shift.endAt - 30 * MINUTE;
    for (const author of authors) {
      const handoverId = this.deps.newId('h');
      const created: string[] = [];
      const extra = rng.int(1, 4);
      for (let i = 0; i < extra; i += 1) created.push(this.createFollowUp(author, (at += rng.int(1, 4) * MINUTE), handoverId));
      const carried = this.pool.slice(-5).map((item) => item.id).filter((id) => !created.includes(id));
      const entries = rng.int(6, 12);
      const sections: Record<string, string> = Object.fromEntries(SECTIONS.map((key) => [key, '']));
      for (let i = 0; i < entries; i += 1) {
        const key = i < SECTIONS.length ? SECTIONS[i]! : rng.pick(SECTIONS);
        const entry = `- ${chineseText(text, 50, 300)}`;
        sections[key] = sections[key] ? `${sections[key]}\n${entry}` : entry;
      }
      at += rng.int(1, 4) * MINUTE;
      this.deps.emit(author, at, 'handover.submitted', entityRef('handover', handoverId), {
        date: shift.date,
        shiftTypeId: shift.id,
        shiftStartAt: shift.startAt,
        shiftEndAt: shift.endAt,
        author: author.person,
        at,
        sections,
        attachments: [],
        followUpIds: [...created, ...carried],
      });
      this.previousNotes.push({ id: handoverId, author: author.person.memberId });
      this.counts.handovers += 1;
    }
    return this.previousNotes.map((note) => note.id);
  }

  private createFollowUp(member: GenMember, at: number, handoverId?: string, escalate = false): string {
    const { rng, text } = this.deps;
    const id = this.deps.newId('f');
    const by = member.person;
    const owner = rng.pick(this.members).person;
    const department = rng.pick(DEPARTMENT_IDS);
    const dueAt = at + rng.int(2, 72) * HOUR;
    const data: Record<string, unknown> = {
      title: followUpTitle(text),
      owner,
      dueAt,
      category: escalate ? 'escalation' : rng.pick(['campaign', 'content', 'other']),
      createdBy: by,
      at,
      ...(handoverId ? { handoverId } : {}),
      ...(escalate
        ? {
            department,
            escalation: {
              escalatedBy: by,
              escalatedAt: at,
              department,
              weiboLink: `https://weibo.com/${rng.int(1_000_000_000, 7_999_999_999)}/${rng.int(2 ** 20, 2 ** 40).toString(36)}`,
              deadlineAt: at + 120 * MINUTE,
            },
          }
        : {}),
    };
    const op = this.deps.emit(member, at, 'followUp.created', entityRef('followUp', id), data);
    const initial: FollowUpFields = { title: data.title as string, owner, dueAt, status: 'open', department: escalate ? department : null };
    const fields: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(initial)) fields[key] = { value, hlc: op.hlc, conflicts: [] };
    this.pool.push({ id, fields: fields as LwwFields<FollowUpFields>, events: 0, lifetime: rng.int(0, 30), escalation: escalate });
    this.counts.followUps += 1;
    if (escalate) this.counts.escalations += 1;
    return id;
  }

  private actOnFollowUp(member: GenMember, at: number): void {
    const { rng, text } = this.deps;
    const pool = this.pool;
    if (pool.length === 0) return;
    // Recent follow-ups are busier than old ones.
    const index = Math.max(0, pool.length - 1 - Math.floor(Math.abs(rng.next() * rng.next()) * pool.length));
    const item = pool[index]!;
    item.events += 1;
    const entity = entityRef('followUp', item.id);
    // A follow-up is discussed over days (a comment thread and status changes) before it closes.
    const closeNow = item.events >= (item.escalation ? 15 + item.lifetime : 25 + item.lifetime) || pool.length > 150;
    if (!closeNow && rng.chance(0.7)) {
      this.deps.emit(member, at, 'followUp.commented', entity, { text: chineseText(text, 15, 90), by: member.person, at });
      return;
    }
    let changes: Partial<FollowUpFields>;
    const roll = rng.next();
    if (closeNow) changes = { status: roll < 0.9 ? 'done' : 'dropped' };
    else if (roll < 0.5) changes = { status: 'waiting' };
    else if (roll < 0.75) changes = { owner: rng.pick(this.members).person };
    else changes = { dueAt: at + rng.int(4, 48) * HOUR };
    const op = this.deps.emit(member, at, 'followUp.updated', entity, { ...lwwSetData(item.fields, changes), by: member.person, at });
    const fields = { ...item.fields } as Record<string, unknown>;
    for (const [key, value] of Object.entries(changes)) fields[key] = { value, hlc: op.hlc, conflicts: [] };
    item.fields = fields as LwwFields<FollowUpFields>;
    if (closeNow) pool.splice(index, 1);
  }
}
