import { lwwSetData, opBuilders, type LwwFields, type OpDraft } from '../sync';
import {
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
import type { Assignment, LeaveType } from './schemas';
import { slotKey } from './slots';

/**
 * Op drafts for the rota, made with the capabilities' own builders: each checks its data against
 * the op's schema and throws on bad input, so a draft that leaves here folds as written.
 */

const slotOps = opBuilders(rotaSlot);
const monthOps = opBuilders(rotaMonth);
const leaveOps = opBuilders(rotaLeave);
const coverOps = opBuilders(rotaCover);
const swapOps = opBuilders(rotaSwap);
const teamOps = opBuilders(rotaTeam);

/** A lead sets one shift of one day in the draft, having seen what the fold shows (resolving a conflict). */
export function slotSetOp(current: SlotState | undefined, date: string, shiftTypeId: string, assignment: Assignment): OpDraft {
  return slotOps.slotSet(slotKey(date, shiftTypeId), lwwSetData<SlotFields>(current?.fields, { primary: [...assignment.primary], backup: assignment.backup }));
}

/** A lead publishes a month: the draft's assignments of that month become what everyone sees. */
export function publishMonthOp(month: string, assignments: Readonly<Record<string, Assignment>>, at: number): OpDraft {
  return monthOps.monthPublished(month, { month, assignments, at });
}

export interface LeaveInput {
  readonly memberId: string;
  readonly leaveType: LeaveType;
  readonly from: string;
  readonly to: string;
  readonly note: string;
}
export const leaveRequestOp = (id: string, input: LeaveInput, at: number) => leaveOps.leaveRequested(id, { ...input, at });

export interface ShiftOf {
  readonly date: string;
  readonly shiftTypeId: string;
  readonly memberId: string;
}
export const coverRequestOp = (id: string, shift: ShiftOf, note: string, at: number) => coverOps.coverRequested(id, { ...shift, note, at });
export const coverTakeOp = (id: string, at: number) => coverOps.coverTaken(id, { at });

/** The urgent path in one action: a lead asks cover for the person and names the stand-in. */
export function standInOps(id: string, shift: ShiftOf, standIn: string, note: string, at: number): OpDraft[] {
  return [coverRequestOp(id, shift, note, at), coverOps.standInAssigned(id, { standIn, at })];
}

export const swapProposeOp = (id: string, from: ShiftOf, to: ShiftOf, note: string, at: number) => swapOps.swapProposed(id, { from, to, note, at });
export const swapAnswerOp = (id: string, accepted: boolean, at: number) => swapOps.swapAnswered(id, { accepted, at });

export type RequestKind = 'leave' | 'cover' | 'swap';

/** A lead approves or declines leave, a cover taken (when the team asks for it) or a swap. */
export function decisionOp(kind: RequestKind, id: string, approved: boolean, note: string, at: number): OpDraft {
  const data = { approved, note, at };
  return kind === 'leave' ? leaveOps.leaveDecided(id, data) : kind === 'cover' ? coverOps.coverDecided(id, data) : swapOps.swapDecided(id, data);
}

export function withdrawOp(kind: RequestKind, id: string, at: number): OpDraft {
  return kind === 'leave' ? leaveOps.leaveWithdrawn(id, { at }) : kind === 'cover' ? coverOps.coverWithdrawn(id, { at }) : swapOps.swapWithdrawn(id, { at });
}

/** A lead changes rota settings, holidays or patterns, having seen the fold's values (people needed and colours are the shift types'). */
export function rotaTeamSetOp(current: LwwFields<RotaTeamFields> | undefined, changes: Partial<Omit<RotaTeamFields, 'shiftExtras'>>): OpDraft {
  return teamOps.teamSet(ROTA_TEAM_ID, lwwSetData(current, changes));
}
