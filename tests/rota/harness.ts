import { teamSettings, type ShiftType } from '../../shared/team-settings';
import { createSyncState, lwwSetData, type Op, type SyncState } from '../../shared/sync';
import type { OpDraft } from '../../shared/sync';
import type { Role } from '../../shared/team';
import { rotaCapabilities, rotaWorldOf, type Qualifies, type RotaMember, type RotaWorld } from '../../shared/rota';
import { sop } from '../../shared/sop/queries';
import { TestDevice } from '../sync/devices';
import { shanghai } from '../support/sample-team';

export { shanghai };

/** A team of four on four computers: a lead and three editors, folded without files. */
export const LEAD = { memberId: 'm-lead', name: '周主管', device: 'llllllllllllllllllllllllll', roles: ['lead', 'editor'] as Role[] };
export const WANG = { memberId: 'm-wang', name: '王丽', device: 'wwwwwwwwwwwwwwwwwwwwwwwwww', roles: ['editor'] as Role[] };
export const LI = { memberId: 'm-li', name: '李强', device: 'iiiiiiiiiiiiiiiiiiiiiiiiii', roles: ['editor'] as Role[] };
export const ZHAO = { memberId: 'm-zhao', name: '赵敏', device: 'zzzzzzzzzzzzzzzzzzzzzzzzzz', roles: ['editor'] as Role[] };
export const LEAD2 = { memberId: 'm-lead2', name: '钱主管', device: 'qqqqqqqqqqqqqqqqqqqqqqqqqq', roles: ['lead'] as Role[] };
export const PEOPLE = [LEAD, WANG, LI, ZHAO, LEAD2];
export type Person = (typeof PEOPLE)[number];

/** 早班 08:00–16:00, 晚班 16:00–24:00, 夜班 22:00–06:00 (crosses midnight). */
export const SHIFT_TYPES: ShiftType[] = [
  { id: 'early', name: { 'zh-CN': '早班', en: 'Early' }, start: '08:00', end: '16:00' },
  { id: 'late', name: { 'zh-CN': '晚班', en: 'Late' }, start: '16:00', end: '24:00' },
  { id: 'night', name: { 'zh-CN': '夜班', en: 'Night' }, start: '22:00', end: '06:00' },
];

export class RotaTeam {
  readonly ops: Op[] = [];
  private readonly devices = new Map(PEOPLE.map((person) => [person.device, new TestDevice(person.device)]));
  clock = shanghai('2026-03-01', '09:00');
  qualifies: Qualifies | undefined;

  constructor(options: { shiftTypes?: ShiftType[]; timeZone?: string } = {}) {
    const settings = { shiftTypes: options.shiftTypes ?? SHIFT_TYPES, ...(options.timeZone ? { timeZone: options.timeZone } : {}) };
    this.ops.push(this.devices.get(LEAD.device)!.op(this.clock, 'teamSettings.set', 'teamSettings:team', { ...lwwSetData(undefined, settings) }));
  }

  /** Writes drafts as `person`'s computer would (its device id makes the author). */
  write(person: Person, drafts: OpDraft | OpDraft[]): Op[] {
    this.clock += 1000;
    const device = this.devices.get(person.device)!;
    device.receive(this.ops, this.clock);
    const written = [drafts].flat().map((draft) => device.op(this.clock, draft.type, draft.entity, draft.data));
    this.ops.push(...written);
    return written;
  }

  state(ops: readonly Op[] = this.ops): SyncState {
    // The SOPs too: cover eligibility asks whether the taker had acknowledged them.
    const state = createSyncState([teamSettings, ...rotaCapabilities, sop]);
    const result = state.apply(ops);
    if (result.invalid.length > 0 || result.failures.length > 0) throw new Error(JSON.stringify(result));
    return state;
  }

  world(ops: readonly Op[] = this.ops): RotaWorld {
    return rotaWorldOf(this.state(ops), { members: members(), authorOf }, this.qualifies);
  }
}

export function members(): RotaMember[] {
  return PEOPLE.map((person) => ({ memberId: person.memberId, name: person.name, roles: person.roles }));
}

export function authorOf(opId: string): { memberId: string | null; lead: boolean } {
  const person = PEOPLE.find((candidate) => opId.startsWith(`${candidate.device}:`));
  return { memberId: person?.memberId ?? null, lead: person?.roles.includes('lead') ?? false };
}

export const names = (world: RotaWorld, key: string) => world.duties.get(key)?.people.map((person) => person.memberId) ?? [];
