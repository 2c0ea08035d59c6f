import { entityRef, lwwSetData, type LwwFields } from '../sync';
import type { OpDraft } from '../team';
import {
  ROTA_KINDS,
  ROTA_TEAM_ID,
  rotaCover,
  rotaLeave,
  rotaMonth,
  rotaSlot,
  rotaSwap,
  rotaTeam,
  type RotaTeamFields,
  type SlotFields,
  type SlotState,
} from './capabilities';
import type { Assignment } from './schemas';
import { slotKey } from './slots';

/**
 * Op drafts for the rota. Each checks its data against the op's schema and throws on bad input
 * (a zod error naming the field), so a draft that leaves here folds as written.
 */

const schemas = { ...rotaSlot.ops, ...rotaMonth.ops, ...rotaLeave.ops, ...rotaCover.ops, ...rotaSwap.ops, ...rotaTeam.ops };
export type RotaOpType = keyof typeof schemas;

function draft(type: RotaOpType, entity: string, data: unknown): OpDraft {
  return { type, entity, data: schemas[type].parse(data) as Record<string, unknown> };
}

/** A lead sets one shift of one day in the draft, having seen what the fold shows (resolving a conflict). */
export function slotSetOp(current: SlotState | undefined, date: string, shiftTypeId: string, assignment: Assignment): OpDraft {
  const key = slotKey(date, shiftTypeId);
  return draft('rota.slotSet', entityRef(ROTA_KINDS.slot, key), lwwSetData<SlotFields>(current?.fields, { primary: [...assignment.primary], backup: assignment.backup }));
}

/** A lead publishes a month: the draft's assignments of that month become what everyone sees. */
export function publishMonthOp(month: string, assignments: Readonly<Record<string, Assignment>>, at: number): OpDraft {
  return draft('rota.monthPublished', entityRef(ROTA_KINDS.month, month), { month, assignments, at });
}

export interface LeaveInput {
  readonly memberId: string;
  readonly leaveType: string;
  readonly from: string;
  readonly to: string;
  readonly note: string;
}
export const leaveRequestOp = (id: string, input: LeaveInput, at: number) => draft('rota.leaveRequested', entityRef(ROTA_KINDS.leave, id), { ...input, at });

export interface ShiftOf {
  readonly date: string;
  readonly shiftTypeId: string;
  readonly memberId: string;
}
export const coverRequestOp = (id: string, shift: ShiftOf, note: string, at: number) =>
  draft('rota.coverRequested', entityRef(ROTA_KINDS.cover, id), { ...shift, note, at });
export const coverTakeOp = (id: string, at: number) => draft('rota.coverTaken', entityRef(ROTA_KINDS.cover, id), { at });

/** The urgent path in one action: a lead asks cover for the person and names the stand-in. */
export function standInOps(id: string, shift: ShiftOf, standIn: string, note: string, at: number): OpDraft[] {
  return [coverRequestOp(id, shift, note, at), draft('rota.standInAssigned', entityRef(ROTA_KINDS.cover, id), { standIn, at })];
}

export const swapProposeOp = (id: string, from: ShiftOf, to: ShiftOf, note: string, at: number) =>
  draft('rota.swapProposed', entityRef(ROTA_KINDS.swap, id), { from, to, note, at });
export const swapAnswerOp = (id: string, accepted: boolean, at: number) => draft('rota.swapAnswered', entityRef(ROTA_KINDS.swap, id), { accepted, at });

export type RequestKind = 'leave' | 'cover' | 'swap';
const decidedType = { leave: 'rota.leaveDecided', cover: 'rota.coverDecided', swap: 'rota.swapDecided' } as const;
const withdrawnType = { leave: 'rota.leaveWithdrawn', cover: 'rota.coverWithdrawn', swap: 'rota.swapWithdrawn' } as const;

/** A lead approves or declines leave, a cover taken (when the team asks for it) or a swap. */
export const decisionOp = (kind: RequestKind, id: string, approved: boolean, note: string, at: number) =>
  draft(decidedType[kind], entityRef(ROTA_KINDS[kind], id), { approved, note, at });
export const withdrawOp = (kind: RequestKind, id: string, at: number) => draft(withdrawnType[kind], entityRef(ROTA_KINDS[kind], id), { at });

/** A lead changes rota settings, holidays or patterns, having seen the fold's values. */
export function rotaTeamSetOp(current: LwwFields<RotaTeamFields> | undefined, changes: Partial<RotaTeamFields>): OpDraft {
  return draft('rota.teamSet', entityRef(ROTA_KINDS.team, ROTA_TEAM_ID), lwwSetData(current, changes));
}
