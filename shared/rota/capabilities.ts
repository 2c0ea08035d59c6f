import type { z } from 'zod';
import { defineCapability, foldLww, lwwSetSchema, type LwwFields } from '../sync';
import {
  coverRequestedSchema,
  coverTakenSchema,
  decidedSchema,
  leaveRequestedSchema,
  monthPublishedSchema,
  rotaTeamFields,
  slotFields,
  standInSchema,
  swapAnsweredSchema,
  swapProposedSchema,
  withdrawnSchema,
  type Assignment,
} from './schemas';

/**
 * The rota's entities. Reducers only gather each entity's events in fold order: whether an event
 * counts (its author may write it, the cover is still open, the taker is eligible) depends on the
 * roster and on other entities, so it is judged by `rotaWorld` over the folded states, the same
 * on every device.
 */

export const ROTA_KINDS = {
  slot: 'rotaSlot',
  month: 'rotaMonth',
  leave: 'rotaLeave',
  cover: 'rotaCover',
  swap: 'rotaSwap',
  team: 'rotaTeam',
} as const;
export const ROTA_TEAM_ID = 'team';

/** One op as the rules see it: its id names the device that wrote it. */
export interface RotaEvent<D> {
  readonly opId: string;
  readonly hlc: string;
  readonly type: string;
  readonly data: D;
}

const event = <D>(op: { id: string; hlc: string; type: string; data: D }): RotaEvent<D> => ({ opId: op.id, hlc: op.hlc, type: op.type, data: op.data });

export type SlotFields = { primary: string[]; backup: string | null };
export interface SlotState {
  readonly id: string;
  /** Only leads' edits arrive: the permission row for `rota.slotSet` is theirs alone. */
  readonly fields: LwwFields<SlotFields>;
}

export const rotaSlot = defineCapability({
  kind: ROTA_KINDS.slot,
  ops: { 'rota.slotSet': lwwSetSchema(slotFields) },
  reduce(ops, { id }): SlotState {
    return { id, fields: foldLww<SlotFields>(ops) };
  },
});

export interface Publication {
  readonly opId: string;
  readonly hlc: string;
  readonly at: number;
  readonly assignments: Readonly<Record<string, Assignment>>;
}
export interface MonthState {
  readonly month: string;
  /** Every publish, oldest first (the rules keep those by leads; the latest of them is in force). */
  readonly publications: readonly Publication[];
}

export const rotaMonth = defineCapability({
  kind: ROTA_KINDS.month,
  ops: { 'rota.monthPublished': monthPublishedSchema },
  reduce(ops, { id }): MonthState {
    return { month: id, publications: ops.map((op) => ({ opId: op.id, hlc: op.hlc, at: op.data.at, assignments: op.data.assignments })) };
  },
});

type Decided = z.output<typeof decidedSchema>;
type Withdrawn = z.output<typeof withdrawnSchema>;

/** What leave, a cover and a swap all have: a lead's decisions and the requester's withdrawals, in fold order. */
export interface RequestEvents {
  readonly decisions: ReadonlyArray<RotaEvent<Decided>>;
  readonly withdrawals: ReadonlyArray<RotaEvent<Withdrawn>>;
}

type RawOp = { readonly id: string; readonly hlc: string; readonly type: string; readonly data: unknown };

/** The events of one op type of an entity, in fold order (the capability's schema has checked `data`). */
function eventsOf<D>(ops: readonly RawOp[], type: string): Array<RotaEvent<D>> {
  return ops.filter((op) => op.type === type).map((op) => event(op as RawOp & { data: D }));
}

function requestEvents(ops: readonly RawOp[], kind: 'leave' | 'cover' | 'swap'): RequestEvents {
  return { decisions: eventsOf<Decided>(ops, `rota.${kind}Decided`), withdrawals: eventsOf<Withdrawn>(ops, `rota.${kind}Withdrawn`) };
}

/** The first request of an entity; a later one is ignored. Null until it arrives. */
const firstOf = <D>(ops: readonly RawOp[], type: string): RotaEvent<D> | null => eventsOf<D>(ops, type)[0] ?? null;

/**
 * Leave and covers close once they are history: what the briefing and the first screens show, and
 * the duties of the months around now, never depend on them (`rotaWorldAround`, shared/rota README).
 * "History" is said against `asOf`, the newest op of the kind the fold holds (never the wall
 * clock, so that every computer with the same ops agrees): a day more than
 * `REQUEST_CLOSED_AFTER_DAYS` before it (UTC date; leave and cover dates are the team's, a day
 * at most apart). As `asOf` only grows, a request once closed stays closed.
 */
export const REQUEST_CLOSED_AFTER_DAYS = 120;

/** The first day (yyyy-MM-dd) that is not history yet at `asOf`: requests wholly before it may close. */
export function requestsClosedBefore(asOf: number): string {
  return new Date(asOf - REQUEST_CLOSED_AFTER_DAYS * 86_400_000).toISOString().slice(0, 10);
}

export interface LeaveState extends RequestEvents {
  readonly id: string;
  readonly request: RotaEvent<z.output<typeof leaveRequestedSchema>> | null;
}

export const rotaLeave = defineCapability({
  kind: ROTA_KINDS.leave,
  ops: { 'rota.leaveRequested': leaveRequestedSchema, 'rota.leaveDecided': decidedSchema, 'rota.leaveWithdrawn': withdrawnSchema },
  reduce(ops, { id }): LeaveState {
    return { id, request: firstOf(ops, 'rota.leaveRequested'), ...requestEvents(ops, 'leave') };
  },
  // Decided (only leads' decisions count: the permission row, as leaveView asks) and over: neither
  // pending on anyone's briefing nor turning a shift around now into a gap. Undecided leave stays
  // open however old (the briefing lists a pending request of mine).
  closed: (state, asOf) => state.request !== null && state.decisions.length > 0 && state.request.data.to < requestsClosedBefore(asOf),
});

export interface CoverState extends RequestEvents {
  readonly id: string;
  readonly request: RotaEvent<z.output<typeof coverRequestedSchema>> | null;
  /** Takes in fold order: the first one that is valid holds. */
  readonly takes: ReadonlyArray<RotaEvent<z.output<typeof coverTakenSchema>>>;
  readonly standIns: ReadonlyArray<RotaEvent<z.output<typeof standInSchema>>>;
}

export const rotaCover = defineCapability({
  kind: ROTA_KINDS.cover,
  ops: {
    'rota.coverRequested': coverRequestedSchema,
    'rota.coverTaken': coverTakenSchema,
    'rota.standInAssigned': standInSchema,
    'rota.coverDecided': decidedSchema,
    'rota.coverWithdrawn': withdrawnSchema,
  },
  reduce(ops, { id }): CoverState {
    return {
      id,
      request: firstOf(ops, 'rota.coverRequested'),
      takes: eventsOf(ops, 'rota.coverTaken'),
      standIns: eventsOf(ops, 'rota.standInAssigned'),
      ...requestEvents(ops, 'cover'),
    };
  },
  // A cover of a shift long gone, whatever became of it: the briefing lists covers from yesterday
  // on, and a cover changes only its own shift (and whether a take of a shift a week around it was eligible).
  closed: (state, asOf) => state.request !== null && state.request.data.date < requestsClosedBefore(asOf),
});

export interface SwapState extends RequestEvents {
  readonly id: string;
  readonly proposal: RotaEvent<z.output<typeof swapProposedSchema>> | null;
  readonly answers: ReadonlyArray<RotaEvent<z.output<typeof swapAnsweredSchema>>>;
}

export const rotaSwap = defineCapability({
  kind: ROTA_KINDS.swap,
  ops: {
    'rota.swapProposed': swapProposedSchema,
    'rota.swapAnswered': swapAnsweredSchema,
    'rota.swapDecided': decidedSchema,
    'rota.swapWithdrawn': withdrawnSchema,
  },
  reduce(ops, { id }): SwapState {
    return { id, proposal: firstOf(ops, 'rota.swapProposed'), answers: eventsOf(ops, 'rota.swapAnswered'), ...requestEvents(ops, 'swap') };
  },
});

export type RotaTeamFields = { -readonly [K in keyof typeof rotaTeamFields]: z.output<(typeof rotaTeamFields)[K]> };

export interface RotaTeamState {
  readonly fields: LwwFields<RotaTeamFields>;
}

/** `rotaTeam:team`: the rota's settings, holidays and patterns; each a last-writer-wins field. */
export const rotaTeam = defineCapability({
  kind: ROTA_KINDS.team,
  ops: { 'rota.teamSet': lwwSetSchema(rotaTeamFields) },
  reduce(ops): RotaTeamState {
    return { fields: foldLww<RotaTeamFields>(ops) };
  },
});

export const rotaCapabilities = [rotaSlot, rotaMonth, rotaLeave, rotaCover, rotaSwap, rotaTeam] as const;
