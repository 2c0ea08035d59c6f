import { z } from 'zod';
import { NoInput, defineOperations } from './define-operations';
import { MAX_PEOPLE_ON_SHIFT, settingIdSchema } from '../team-settings';
import { HOLIDAY_KINDS, LEAVE_TYPES, memberIdSchema, monthSchema, patternSchema, rotaDateSchema } from '../rota';
import {
  CoverCandidatesViewSchema,
  CsvPreviewSchema,
  FairnessViewSchema,
  OnDutyViewSchema,
  RotaRequestsViewSchema,
  RotaSettingsViewSchema,
  RotaViewSchema,
  TakeCoverOutcomeSchema,
} from './rota-schemas';

/**
 * The rota's bridge operations. Inputs are strict zod; the services check who may do what (the
 * fold on every device has the last word). Writes answer `{queued}`: true while the shared folder
 * is away (the edit waits in the outbox).
 */

const note = z.string().max(500).default('');
const shift = z.object({ date: rotaDateSchema, shiftTypeId: settingIdSchema }).strict();
const requestKind = z.enum(['leave', 'cover', 'swap']);
const requestId = z.string().regex(/^[A-Za-z0-9._-]{1,128}$/);
const Queued = z.object({ queued: z.boolean() }).strict();
const IdQueued = z.object({ id: z.string(), queued: z.boolean() }).strict();
const CountQueued = <K extends string>(key: K) => z.object({ [key]: z.number().int().nonnegative(), queued: z.boolean() } as { [P in K]: z.ZodNumber } & { queued: z.ZodBoolean }).strict();

/** Far past a real file; anything larger is refused at the door with a clear message. */
export const MAX_IMPORT_CHARS = 2_000_000;

export const RotaRulesInput = z
  .object({
    minRestHours: z.number().int().min(0).max(48),
    maxDaysInRow: z.number().int().min(1).max(31),
    maxWeekHours: z.number().int().min(1).max(168),
    coverNeedsApproval: z.boolean(),
    swapNeedsApproval: z.boolean(),
  })
  .partial()
  .strict();

export const RotaSettingsInput = z
  .object({
    rules: RotaRulesInput,
    holidays: z.array(z.object({ date: rotaDateSchema, kind: z.enum(HOLIDAY_KINDS), name: z.string().trim().min(1).max(60) }).strict()).max(1000),
    patterns: z.array(patternSchema).max(50),
  })
  .partial()
  .strict();
export type RotaSettingsChanges = z.output<typeof RotaSettingsInput>;

// The answer of takeCover is declared with its schema (rota-schemas.ts); callers import it from here.
export type { TakeCoverOutcome } from './rota-schemas';

export const rotaOperations = defineOperations({
  getRota: { input: z.object({ from: rotaDateSchema, days: z.number().int().min(1).max(62) }).strict(), output: RotaViewSchema },
  getOnDuty: { input: NoInput, output: OnDutyViewSchema },
  getRotaRequests: { input: NoInput, output: RotaRequestsViewSchema },
  setRotaSlot: {
    writes: true,
    input: shift.extend({ primary: z.array(memberIdSchema).max(MAX_PEOPLE_ON_SHIFT), backup: memberIdSchema.nullable() }).strict(),
    output: Queued,
  },
  publishRotaMonth: { writes: true, input: z.object({ month: monthSchema }).strict(), output: Queued },
  requestLeave: {
    writes: true,
    input: z
      .object({ memberId: memberIdSchema.optional(), leaveType: z.enum(LEAVE_TYPES), from: rotaDateSchema, to: rotaDateSchema, note })
      .strict()
      .refine((leave) => leave.from <= leave.to, { message: 'the leave ends before it starts', path: ['to'] }),
    output: IdQueued,
  },
  decideRotaRequest: { writes: true, input: z.object({ kind: requestKind, id: requestId, approved: z.boolean(), note }).strict(), output: Queued },
  withdrawRotaRequest: { writes: true, input: z.object({ kind: requestKind, id: requestId }).strict(), output: Queued },
  requestCover: { writes: true, input: shift.extend({ memberId: memberIdSchema.optional(), note }).strict(), output: IdQueued },
  takeCover: { writes: true, input: z.object({ id: requestId }).strict(), output: TakeCoverOutcomeSchema },
  assignStandIn: { writes: true, input: shift.extend({ memberId: memberIdSchema, standIn: memberIdSchema, note }).strict(), output: IdQueued },
  getCoverCandidates: { input: z.object({ id: requestId }).strict(), output: CoverCandidatesViewSchema },
  proposeSwap: {
    writes: true,
    input: z.object({ from: shift, to: shift.extend({ memberId: memberIdSchema }).strict(), note }).strict(),
    output: IdQueued,
  },
  answerSwap: { writes: true, input: z.object({ id: requestId, accepted: z.boolean() }).strict(), output: Queued },
  getRotaSettings: { input: NoInput, output: RotaSettingsViewSchema },
  setRotaSettings: { writes: true, input: RotaSettingsInput, output: Queued },
  applyRotaPattern: { writes: true, input: z.object({ patternId: requestId, from: rotaDateSchema, to: rotaDateSchema }).strict(), output: CountQueued('slots') },
  importHolidays: { writes: true, input: z.object({ ics: z.string().max(MAX_IMPORT_CHARS) }).strict(), output: CountQueued('added') },
  getFairness: { input: z.object({ period: z.string().regex(/^20\d\d-(0[1-9]|1[0-2]|Q[1-4])$/) }).strict(), output: FairnessViewSchema },
  exportRota: {
    input: z.object({ format: z.enum(['ics', 'csv']), memberId: memberIdSchema.optional(), from: rotaDateSchema, to: rotaDateSchema }).strict(),
    output: z.object({ fileName: z.string(), text: z.string() }).strict(),
  },
  previewRotaCsv: { input: z.object({ text: z.string().max(MAX_IMPORT_CHARS) }).strict(), output: CsvPreviewSchema },
  importRotaCsv: { writes: true, input: z.object({ text: z.string().max(MAX_IMPORT_CHARS) }).strict(), output: CountQueued('written') },
});
