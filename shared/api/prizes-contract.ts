import { z } from 'zod';
import { defineOperations } from './define-operations';
import { dateSchema, entityIdSchema, epochMsSchema, personSchema, settingIdSchema } from '../team-settings';
// Values from the modules themselves, not the index: the contract is bundled for the operation
// names list, and the index brings in the CSV parser.
import { CAMPAIGN_TYPES } from '../prizes/campaign';
import { DECISION_OUTCOMES } from '../prizes/request';
import { extraStepSchema } from '../prizes/settings';
import type {
  BudgetFigures,
  BudgetWarning,
  Campaign,
  CsvIssue,
  FulfilmentTimer,
  PrizeIssue,
  PrizeSettings,
  RequestStatus,
  RequestView,
} from '../prizes';
import type { Role } from '../team';

/**
 * The prize operations of the bridge. Inputs are strict zod; outputs are the views below. Problems
 * a person can fix come back as `{ok: false, issues}` with the domain's codes, placed by the UI.
 */
// Answers are checked as objects only: the prize views' full schemas are still to be written
// (every other capability's outputs have theirs). The cast keeps the views' static types.
const out = <T>() => z.looseObject({}) as unknown as z.ZodType<T>;
const idInput = z.object({ id: entityIdSchema }).strict();
/** Far past the domain's limits, so that an oversized paste is explained, not refused at the door. */
const typed = z.string().max(100_000);
const amount = z.number().finite();
const winnerId = z.string().max(64);

/** A problem a person can fix: the domain's code, where (a dotted path, '' for the whole), its params. */
export interface PrizeIssueOut {
  readonly code: PrizeIssue['code'] | CsvIssue['code'] | (string & {});
  readonly path?: string;
  readonly params: Readonly<Record<string, string | number>>;
}
export type PrizeChecked<T> = ({ ok: true } & T) | { ok: false; issues: PrizeIssueOut[] };

export const RequestInputSchema = z
  .object({
    campaignId: z.string().max(200),
    lines: z.array(z.object({ prize: typed, quantity: amount, unitValueFen: amount }).strict()).max(1000),
    reason: typed,
    eligibility: typed,
    drawMethod: typed,
    drawAt: epochMsSchema.nullable(),
    redemption: typed,
    delivery: typed,
  })
  .strict();
export type RequestInputValue = z.output<typeof RequestInputSchema>;

export const CampaignInputSchema = z
  .object({
    type: z.enum(CAMPAIGN_TYPES),
    name: typed,
    startDate: dateSchema,
    endDate: dateSchema,
    owner: personSchema,
    budgetFen: amount,
    department: settingIdSchema.nullable(),
    heardOn: dateSchema.nullable(),
  })
  .strict();

export const PrizeSettingsChangesSchema = z
  .object({
    leadMaxFen: amount,
    approverMaxFen: amount,
    namedApprover: personSchema.nullable(),
    extraStep: extraStepSchema.nullable(),
    topPrizeCapFen: amount,
    monthlyBudgetFen: amount.nullable(),
    contactDays: amount,
    shipDays: amount,
    retentionDays: amount,
    organiserContact: typed,
  })
  .partial()
  .strict();

export interface RequestSummary {
  readonly id: string;
  readonly status: RequestStatus;
  readonly campaignName: string;
  readonly requester: string;
  readonly totalFen: number;
  readonly submittedAt: number;
  readonly currentStep: number | null;
  readonly stepCount: number;
}

export interface CampaignSummary {
  readonly campaign: Campaign;
  readonly budget: BudgetFigures;
  readonly daysOfNotice: number | null;
  readonly clashes: ReadonlyArray<{ readonly id: string; readonly name: string }>;
  readonly started: boolean;
}

export interface PrizesOverview {
  readonly me: { readonly memberId: string | null; readonly roles: readonly Role[]; readonly mayFulfil: boolean; readonly isLead: boolean; readonly delegate: string | null };
  readonly members: ReadonlyArray<{ readonly memberId: string; readonly name: string; readonly roles: readonly Role[] }>;
  readonly settings: PrizeSettings;
  readonly timeZone: string;
  readonly today: string;
  readonly campaigns: readonly CampaignSummary[];
  readonly waiting: ReadonlyArray<{ readonly request: RequestSummary; readonly step: number; readonly asDelegateOf: string | null }>;
  readonly mine: readonly RequestSummary[];
  readonly needsReview: readonly RequestSummary[];
  readonly all: readonly RequestSummary[];
  readonly timers: readonly FulfilmentTimer[];
  readonly month: { readonly month: string; readonly budget: BudgetFigures };
}

export interface RequestDetail {
  readonly view: RequestView;
  readonly campaign: Campaign | null;
  readonly campaignBudget: BudgetFigures | null;
  readonly monthBudget: BudgetFigures;
  readonly warnings: readonly BudgetWarning[];
  readonly disclosure: { readonly 'zh-CN': string; readonly en: string };
  readonly locked: boolean;
  readonly timeZone: string;
  /** What this computer's person may do now. */
  readonly can: {
    readonly decide: { readonly step: number; readonly asDelegateOf: string | null } | null;
    readonly recall: boolean;
    readonly resubmit: boolean;
    readonly settle: boolean;
    readonly fulfil: boolean;
    readonly close: boolean;
  };
}

export const prizesOperations = defineOperations({
  getPrizes: { input: z.object({}).strict(), output: out<PrizesOverview>() },
  getPrizeRequest: { input: idInput, output: out<RequestDetail>() },
  savePrizeCampaign: { input: z.object({ id: entityIdSchema.nullable(), fields: CampaignInputSchema }).strict(), output: out<PrizeChecked<{ id: string }>>() },
  setPrizeSettings: { input: z.object({ changes: PrizeSettingsChangesSchema }).strict(), output: out<PrizeChecked<{ queued: boolean }>>() },
  setPrizeDelegate: { input: z.object({ delegate: z.string().min(1).max(64).nullable() }).strict(), output: out<{ queued: boolean }>() },
  getPrizeDraft: { input: z.object({}).strict(), output: out<{ draft: RequestInputValue | null; requestId: string | null }>() },
  savePrizeDraft: { input: z.object({ draft: RequestInputSchema, requestId: entityIdSchema.nullable() }).strict(), output: out<{ saved: boolean }>() },
  submitPrizeRequest: {
    input: z.object({ request: RequestInputSchema, requestId: entityIdSchema.nullable() }).strict(),
    output: out<PrizeChecked<{ id: string; queued: boolean }>>(),
  },
  decidePrizeStep: {
    input: z.object({ id: entityIdSchema, step: z.number().int().min(0).max(9), outcome: z.enum(DECISION_OUTCOMES), comment: typed }).strict(),
    output: out<PrizeChecked<{ queued: boolean }>>(),
  },
  recallPrizeRequest: { input: idInput, output: out<PrizeChecked<{ queued: boolean }>>() },
  settlePrizeRequest: {
    input: z
      .object({
        id: entityIdSchema,
        target: z.discriminatedUnion('kind', [
          z.object({ kind: z.literal('step'), step: z.number().int().min(0).max(9), outcome: z.enum(DECISION_OUTCOMES) }).strict(),
          z.object({ kind: z.literal('shipment'), winnerId, keep: z.string().max(64) }).strict(),
        ]),
        comment: typed,
      })
      .strict(),
    output: out<PrizeChecked<{ queued: boolean }>>(),
  },
  addPrizeWinners: {
    input: z.object({ id: entityIdSchema, winners: z.array(z.object({ weiboName: typed, lineId: z.string().max(16) }).strict()).max(20_000) }).strict(),
    output: out<PrizeChecked<{ added: number; queued: boolean }>>(),
  },
  importPrizeWinners: { input: z.object({ id: entityIdSchema, csv: z.string().max(5_000_000) }).strict(), output: out<PrizeChecked<{ added: number; queued: boolean }>>() },
  storePrizeContact: { input: z.object({ id: entityIdSchema, winnerId, phone: typed, address: typed }).strict(), output: out<PrizeChecked<{ queued: boolean }>>() },
  revealPrizeContact: { input: z.object({ id: entityIdSchema, winnerId }).strict(), output: out<{ phone: string; address: string }>() },
  shipPrize: { input: z.object({ id: entityIdSchema, winnerId, carrier: typed, tracking: typed }).strict(), output: out<PrizeChecked<{ queued: boolean }>>() },
  closePrizeRequest: { input: idInput, output: out<PrizeChecked<{ queued: boolean }>>() },
});
