import { z } from 'zod';
import { attachmentSchema } from '../attachments';
import { defineOperations } from './define-operations';
import { dateSchema, entityIdSchema, epochMsSchema, personSchema, settingIdSchema } from '../team-settings';
// Values from the modules themselves, not the index: the contract is bundled for the operation
// names list, and the index brings in the CSV parser.
import { CAMPAIGN_TYPES } from '../prizes/campaign';
import { DECISION_OUTCOMES } from '../prizes/request';
import { extraStepSchema } from '../prizes/settings';
import { PrizesOverviewSchema, Queued, RequestDetailSchema, prizeChecked } from './prizes-view-schemas';

export type { CampaignSummary, PrizeChecked, PrizeIssueOut, PrizesOverview, RequestDetail, RequestSummary } from './prizes-views';

/**
 * The prize operations of the bridge. Inputs are strict zod; outputs are the views of prizes-views.ts, checked by their schemas. Problems
 * a person can fix come back as `{ok: false, issues}` with the domain's codes, placed by the UI.
 */
const idInput = z.object({ id: entityIdSchema }).strict();
/** Far past the domain's limits, so that an oversized paste is explained, not refused at the door. */
const typed = z.string().max(100_000);
const amount = z.number().finite();
const winnerId = z.string().max(64);

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
    // Drafts kept before requests had attachments have none.
    attachments: z.array(attachmentSchema).max(1000).default([]),
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

export const prizesOperations = defineOperations({
  getPrizes: { input: z.object({}).strict(), output: PrizesOverviewSchema },
  getPrizeRequest: { input: idInput, output: RequestDetailSchema },
  savePrizeCampaign: { writes: true, input: z.object({ id: entityIdSchema.nullable(), fields: CampaignInputSchema }).strict(), output: prizeChecked({ id: z.string() }) },
  setPrizeSettings: { writes: true, input: z.object({ changes: PrizeSettingsChangesSchema }).strict(), output: prizeChecked({ queued: z.boolean() }) },
  setPrizeDelegate: { writes: true, input: z.object({ delegate: z.string().min(1).max(64).nullable() }).strict(), output: Queued },
  getPrizeDraft: { input: z.object({}).strict(), output: z.object({ draft: RequestInputSchema.nullable(), requestId: z.string().nullable() }) },
  savePrizeDraft: { input: z.object({ draft: RequestInputSchema, requestId: entityIdSchema.nullable() }).strict(), output: z.object({ saved: z.boolean() }) },
  submitPrizeRequest: {
    writes: true,
    input: z.object({ request: RequestInputSchema, requestId: entityIdSchema.nullable() }).strict(),
    output: prizeChecked({ id: z.string(), queued: z.boolean() }),
  },
  decidePrizeStep: {
    writes: true,
    input: z.object({ id: entityIdSchema, step: z.number().int().min(0).max(9), outcome: z.enum(DECISION_OUTCOMES), comment: typed }).strict(),
    output: prizeChecked({ queued: z.boolean() }),
  },
  recallPrizeRequest: { writes: true, input: idInput, output: prizeChecked({ queued: z.boolean() }) },
  settlePrizeRequest: {
    writes: true,
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
    output: prizeChecked({ queued: z.boolean() }),
  },
  addPrizeWinners: {
    writes: true,
    input: z.object({ id: entityIdSchema, winners: z.array(z.object({ weiboName: typed, lineId: z.string().max(16) }).strict()).max(20_000) }).strict(),
    output: prizeChecked({ added: z.number().int().min(0), queued: z.boolean() }),
  },
  importPrizeWinners: { writes: true, input: z.object({ id: entityIdSchema, csv: z.string().max(5_000_000) }).strict(), output: prizeChecked({ added: z.number().int().min(0), queued: z.boolean() }) },
  storePrizeContact: { writes: true, input: z.object({ id: entityIdSchema, winnerId, phone: typed, address: typed }).strict(), output: prizeChecked({ queued: z.boolean() }) },
  revealPrizeContact: { writes: true, input: z.object({ id: entityIdSchema, winnerId }).strict(), output: z.object({ phone: z.string(), address: z.string() }) },
  shipPrize: { writes: true, input: z.object({ id: entityIdSchema, winnerId, carrier: typed, tracking: typed }).strict(), output: prizeChecked({ queued: z.boolean() }) },
  closePrizeRequest: { writes: true, input: idInput, output: prizeChecked({ queued: z.boolean() }) },
});
