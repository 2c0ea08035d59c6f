import type { OpDraft } from '../shared/sync/op-draft';
import type { Op } from '../shared/sync/op';
import type { Role } from '../shared/team';
import type { Rng } from './prng';

/**
 * What the capability generators (rota, SOPs, prizes) share with the history generator: who the
 * people are, how an op is written (through a device of its author, with the capability's own
 * builder's draft), ids, and an agenda of things that happen on a later day (a decision the day
 * after a request, shipping after the draw).
 */

export interface Person {
  readonly memberId: string;
  readonly name: string;
}

export interface GenMember {
  readonly person: Person;
  readonly roles: readonly Role[];
}

/** The departments a complaint is escalated to (the team settings' list). */
export const DEPARTMENTS = [
  { id: 'customer-service', name: { 'zh-CN': '客服部', en: 'Customer service' } },
  { id: 'marketing', name: { 'zh-CN': '市场部', en: 'Marketing' } },
  { id: 'ecommerce', name: { 'zh-CN': '电商部', en: 'E-commerce' } },
  { id: 'legal', name: { 'zh-CN': '法务部', en: 'Legal' } },
  { id: 'pr', name: { 'zh-CN': '公关部', en: 'PR' } },
] as const;
export const DEPARTMENT_IDS: readonly string[] = DEPARTMENTS.map((department) => department.id);

export const DAY = 86_400_000;
export const HOUR = 3_600_000;

export interface GenContext {
  readonly rng: Rng;
  readonly text: Rng;
  /** The team's first day (00:00 in Asia/Shanghai) and how many days the history has. */
  readonly start: number;
  readonly days: number;
  /** Writes the draft as the next op of one of the member's devices, at `at`. */
  emit(member: GenMember, at: number, draft: OpDraft): Op;
  newId(prefix: string): string;
  /** Runs `action` at the start of day `day` (dropped when the history ends first). */
  later(day: number, action: () => void): void;
}

/** yyyy-MM-dd of a day of the history, in the team's zone (UTC+8, no DST). */
export function dateOfDay(ctx: Pick<GenContext, 'start'>, day: number): string {
  return new Date(ctx.start + day * DAY + 8 * HOUR).toISOString().slice(0, 10);
}

/** The instant `hours` after the start of day `day`. */
export function atOfDay(ctx: Pick<GenContext, 'start'>, day: number, hours: number): number {
  return ctx.start + day * DAY + Math.round(hours * HOUR);
}

export const isLead = (member: GenMember) => member.roles.includes('lead');

/** Things of later days, run in the order they were planned. */
export class Agenda {
  private readonly byDay = new Map<number, Array<() => void>>();

  add(day: number, action: () => void): void {
    const list = this.byDay.get(day);
    if (list) list.push(action);
    else this.byDay.set(day, [action]);
  }

  /** Also what an action plans for the same day. */
  run(day: number): void {
    for (let list = this.byDay.get(day); list; list = this.byDay.get(day)) {
      this.byDay.delete(day);
      for (const action of list) action();
    }
  }
}
