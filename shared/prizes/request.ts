import { z } from 'zod';
import { attachmentSchema } from '../attachments';
import { entityIdSchema, epochMsSchema, personSchema } from '../team-settings';
import { defineCapability, opIdSchema, seenSchema, type TypedOp } from '../sync';
import { MAX_QUANTITY, MAX_UNIT_VALUE_FEN } from './money';
import { authorDevice } from './team-facts';

/**
 * Prize requests (奖品申请): one entity each (`prizeRequest:<random id>`), a workflow. The fold of
 * the entity only keeps its events in order; what they mean (which decision counts, whose turn it
 * is, whether two decisions clash) depends on the roster, the rota and the settings, and is worked
 * out by `requestView` (workflow.ts), a pure function every device computes alike.
 *
 * Every event carries `seen` (`state.heads(entity)` when written): the causal links that tell a
 * decision made having seen another from two made at once on two computers.
 */
export const PRIZE_REQUEST_KIND = 'prizeRequest';
export const MAX_LINES = 50;
export const MAX_WINNERS = 5_000;
export const MAX_TEXT_CHARS = 2_000;
export const MAX_NAME_CHARS = 100;
/** Papers of a request (a quotation, the partner's letter, a picture of the prize). */
export const MAX_REQUEST_ATTACHMENTS = 20;

const text = z.string().trim().max(MAX_TEXT_CHARS);
const requiredText = text.min(1);
const lineIdSchema = z.string().regex(/^[a-z0-9]{1,16}$/, 'not a line id');
const winnerIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, 'not a winner id');
const base = { at: epochMsSchema, seen: seenSchema };

export const prizeLineSchema = z.object({
  id: lineIdSchema,
  prize: z.string().trim().min(1).max(MAX_NAME_CHARS),
  quantity: z.number().int().min(1).max(MAX_QUANTITY),
  /** Market price of one, in fen. */
  unitValueFen: z.number().int().min(1).max(MAX_UNIT_VALUE_FEN),
});
export type PrizeLine = z.output<typeof prizeLineSchema>;

export const submittedSchema = z.object({
  ...base,
  campaignId: entityIdSchema,
  lines: z
    .array(prizeLineSchema)
    .min(1)
    .max(MAX_LINES)
    .refine((lines) => new Set(lines.map((line) => line.id)).size === lines.length, 'two lines share an id'),
  reason: requiredText,
  /** Who may take part and how. */
  eligibility: requiredText,
  drawMethod: requiredText,
  drawAt: epochMsSchema,
  /** How winners redeem: conditions, time, method. */
  redemption: requiredText,
  delivery: requiredText,
  /** Blobs in the shared folder (shared/attachments); requests written before attachments have none. */
  attachments: z.array(attachmentSchema).max(MAX_REQUEST_ATTACHMENTS).default([]),
  /** Shown to people; who requested is the signing device's member, never this. */
  requester: personSchema,
});
export type SubmittedData = z.output<typeof submittedSchema>;

export const DECISION_OUTCOMES = ['approve', 'return', 'reject'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

export const decidedSchema = z.object({
  ...base,
  /** The submission (op id) decided: a resubmission starts the chain again. */
  submission: opIdSchema,
  step: z.number().int().min(0).max(9),
  outcome: z.enum(DECISION_OUTCOMES),
  comment: text,
  by: personSchema,
});
export type DecidedData = z.output<typeof decidedSchema>;

export const recalledSchema = z.object({ ...base, submission: opIdSchema, by: personSchema });

/** A lead's decision on a request in "needs review": which of the clashing events holds. */
export const settledSchema = z.object({
  ...base,
  submission: opIdSchema,
  target: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('step'), step: z.number().int().min(0).max(9), outcome: z.enum(DECISION_OUTCOMES) }),
    z.object({ kind: z.literal('shipment'), winnerId: winnerIdSchema, keep: opIdSchema }),
  ]),
  comment: requiredText,
  by: personSchema,
});
export type SettledData = z.output<typeof settledSchema>;

export const winnerSchema = z.object({
  id: winnerIdSchema,
  lineId: lineIdSchema,
  weiboName: z.string().trim().min(1).max(MAX_NAME_CHARS),
});
export type WinnerInput = z.output<typeof winnerSchema>;

/** One op per entry or import: an import lands whole or not at all. */
export const winnersAddedSchema = z.object({ ...base, winners: z.array(winnerSchema).min(1).max(MAX_WINNERS), by: personSchema });

/**
 * The masked contact in the log; the real one is in an encrypted file outside it
 * (`devices/<writer>/private/<fileId>.json`), named here by id and hash.
 */
export const contactStoredSchema = z.object({
  ...base,
  winnerId: winnerIdSchema,
  fileId: z.string().regex(/^[a-z0-9]{26}$/, 'not a contact file id'),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  masked: z.object({ phone: z.string().max(40), address: z.string().max(200) }),
  by: personSchema,
});
export type ContactStoredData = z.output<typeof contactStoredSchema>;

export const contactRevealedSchema = z.object({ ...base, winnerId: winnerIdSchema, by: personSchema });

export const shippedSchema = z.object({
  ...base,
  winnerId: winnerIdSchema,
  carrier: z.string().trim().max(MAX_NAME_CHARS),
  tracking: z.string().trim().min(1).max(64),
  by: personSchema,
});
export type ShippedData = z.output<typeof shippedSchema>;

export const closedSchema = z.object({ ...base, submission: opIdSchema, by: personSchema });

/** The writer deleted contact files once the retention ended: the log says so. */
export const contactsPurgedSchema = z.object({ ...base, fileIds: z.array(z.string().regex(/^[a-z0-9]{26}$/)).min(1).max(MAX_WINNERS) });

export const prizeRequestOps = {
  'prize.submitted': submittedSchema,
  'prize.decided': decidedSchema,
  'prize.recalled': recalledSchema,
  'prize.settled': settledSchema,
  'prize.fulfil.winnersAdded': winnersAddedSchema,
  'prize.fulfil.contactStored': contactStoredSchema,
  'prize.fulfil.contactRevealed': contactRevealedSchema,
  'prize.fulfil.shipped': shippedSchema,
  'prize.fulfil.closed': closedSchema,
  'prize.fulfil.contactsPurged': contactsPurgedSchema,
};

export type PrizeEvent = TypedOp<typeof prizeRequestOps>;

export interface PrizeRequestState {
  readonly id: string;
  /** Every event, oldest first (hlc order), as written. */
  readonly events: readonly PrizeEvent[];
}

export const prizeRequest = defineCapability({
  kind: PRIZE_REQUEST_KIND,
  ops: prizeRequestOps,
  reduce(ops, { id }): PrizeRequestState {
    return { id, events: ops };
  },
  closed: requestClosed,
  // Stored in the local base's index: whose briefing may need the request without waking it (prizeViews' `concerning`).
  summary: submittingDevices,
});

/**
 * The devices that signed a `prize.submitted` of the request, sorted, each once: its requester is
 * the member of one of them (the first submission that counts). A request's summary.
 */
export function submittingDevices(state: PrizeRequestState): string[] {
  return [...new Set(state.events.flatMap((event) => (event.type === 'prize.submitted' ? [authorDevice(event.id)] : [])))].sort();
}

/**
 * Closed for `list(prizeRequest, { live: true })`: fulfilled and closed (`prize.fulfil.closed`),
 * with no winner shipped twice (two shipments may clash: "needs review"). Only editors and leads
 * may write a fulfilment event (the permissions), and the screens offer closing only on an
 * approved request whose winners all shipped, so the rules close it too; a close they set aside
 * (on a request not approved) would leave that request out of the briefing. Rejected and recalled
 * requests are not closed here: whether a reject or a recall counts depends on who wrote it.
 */
export function requestClosed(state: PrizeRequestState): boolean {
  if (!state.events.some((event) => event.type === 'prize.fulfil.closed')) return false;
  const shipped = new Set<string>();
  for (const event of state.events) {
    if (event.type !== 'prize.fulfil.shipped') continue;
    if (shipped.has(event.data.winnerId)) return false;
    shipped.add(event.data.winnerId);
  }
  return true;
}

export function requestTotalFen(lines: ReadonlyArray<Pick<PrizeLine, 'quantity' | 'unitValueFen'>>): number {
  let total = 0;
  for (const line of lines) total += line.quantity * line.unitValueFen;
  return total;
}
