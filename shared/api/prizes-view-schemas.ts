import { z } from 'zod';
// Values from the modules themselves, not the index: the contract is bundled for the operation
// names list, and the index brings in the CSV parser.
import { campaignFields } from '../prizes/campaign';
import { contactStoredSchema, prizeLineSchema, submittedSchema } from '../prizes/request';
import { prizeSettingsFields } from '../prizes/settings';
import type { Review, SetAsideReason, StepDeciders, WinnerView } from '../prizes';
import { roleSchema } from '../team/roles';
import { bilingualNameSchema, dateSchema, epochMsSchema, personSchema } from '../team-settings';
import type { PrizeChecked, PrizesOverview, RequestDetail, RequestSummary } from './prizes-views';

/**
 * The output schemas of the prize operations: what the views of prizes-contract.ts hold, checked
 * by dispatch where it checks answers. Typed with the views, so the two cannot drift apart.
 */

const fen = z.number().int();
const count = z.number().int().min(0);
const step = z.number().int().min(0).max(9);
const status = z.enum(['submitted', 'returned', 'rejected', 'recalled', 'approved', 'closed', 'needsReview', 'none']);
const SET_ASIDE_REASONS = [
  'unknown-author', 'self-approval', 'not-allowed', 'nobody-named', 'not-the-requester', 'round-still-open', 'not-current-version',
  'no-such-step', 'step-not-reached', 'previous-step-not-seen', 'already-decided', 'request-not-open', 'waiting-for-review', 'not-a-lead',
  'no-review', 'review-not-seen', 'not-approved', 'unknown-line', 'unknown-winner', 'more-winners-than-prizes', 'over-cap',
] as const satisfies readonly SetAsideReason[];

const campaign = z.object({ id: z.string(), ...campaignFields });
const budget = z.object({ budgetFen: fen.nullable(), committedFen: fen, spentFen: fen, remainingFen: fen.nullable() });
const settings = z.object(prizeSettingsFields);

const chainStep = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('role'), role: z.enum(['lead', 'approver']) }),
  z.object({ kind: z.literal('named'), member: personSchema.nullable() }),
  z.object({ kind: z.literal('extra'), member: personSchema.nullable(), name: bilingualNameSchema }),
]);
const deciders: z.ZodType<StepDeciders> = z.object({
  deciders: z.array(z.object({ member: personSchema, asDelegateOf: personSchema.nullable() })),
  stuck: z.object({ reason: z.enum(['nobody-holds-role', 'nobody-named', 'all-on-leave']), fixedBy: z.enum(['admin', 'lead']) }).nullable(),
});
const decision = z.object({
  opId: z.string(),
  hlc: z.string(),
  step,
  outcome: z.enum(['approve', 'return', 'reject', 'recall']),
  comment: z.string(),
  by: personSchema,
  at: epochMsSchema,
  asDelegateOf: personSchema.nullable(),
  settles: z.boolean(),
});
const review: z.ZodType<Review> = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('step'), step, events: z.array(decision) }),
  z.object({
    kind: z.literal('shipment'),
    winnerId: z.string(),
    events: z.array(z.object({ opId: z.string(), tracking: z.string(), carrier: z.string(), by: personSchema, at: epochMsSchema })),
  }),
]);
const winner: z.ZodType<WinnerView> = z.object({
  id: z.string(),
  lineId: z.string(),
  weiboName: z.string(),
  addedAt: epochMsSchema,
  contact: contactStoredSchema.extend({ opId: z.string(), writerDevice: z.string(), purged: z.boolean() }).nullable(),
  shipment: z.object({ opId: z.string(), carrier: z.string(), tracking: z.string(), at: epochMsSchema, by: personSchema }).nullable(),
  reveals: z.array(z.object({ by: personSchema, at: epochMsSchema })),
});

const requestView = z.object({
  id: z.string(),
  status,
  requester: personSchema.nullable(),
  submission: submittedSchema.extend({ opId: z.string() }).nullable(),
  lines: z.array(prizeLineSchema),
  totalFen: fen,
  steps: z.array(z.object({ step: chainStep, state: z.enum(['approved', 'returned', 'rejected', 'waiting', 'later', 'review']), decision: decision.nullable(), deciders: deciders.nullable() })),
  currentStep: step.nullable(),
  review: review.nullable(),
  rounds: z.array(z.object({ submissionId: z.string(), submittedAt: epochMsSchema, decisions: z.array(decision), ended: status.nullable() })),
  setAside: z.array(z.object({ opId: z.string(), type: z.string(), by: personSchema, at: epochMsSchema, reason: z.enum(SET_ASIDE_REASONS) })),
  approvedAt: epochMsSchema.nullable(),
  winners: z.array(winner),
  firstWinnersAt: epochMsSchema.nullable(),
  closedAt: epochMsSchema.nullable(),
  purgedFileIds: z.array(z.string()),
});

export const RequestDetailSchema: z.ZodType<RequestDetail> = z.object({
  view: requestView,
  campaign: campaign.nullable(),
  campaignBudget: budget.nullable(),
  monthBudget: budget,
  warnings: z.array(z.enum(['over-campaign-budget', 'over-month-budget'])),
  disclosure: z.object({ 'zh-CN': z.string(), en: z.string() }),
  locked: z.boolean(),
  timeZone: z.string(),
  can: z.object({
    decide: z.object({ step, asDelegateOf: z.string().nullable() }).nullable(),
    recall: z.boolean(),
    resubmit: z.boolean(),
    settle: z.boolean(),
    fulfil: z.boolean(),
    close: z.boolean(),
  }),
});

const summary: z.ZodType<RequestSummary> = z.object({
  id: z.string(),
  status,
  campaignName: z.string(),
  requester: z.string(),
  totalFen: fen,
  submittedAt: epochMsSchema,
  currentStep: step.nullable(),
  stepCount: count,
});

const campaignSummary = z.object({
  campaign,
  budget,
  daysOfNotice: z.number().int().nullable(),
  clashes: z.array(z.object({ id: z.string(), name: z.string() })),
  contentClashes: z.array(z.object({ date: dateSchema, posts: z.array(z.object({ slot: z.string().regex(/^\d\d:\d\d$/), title: z.string() })) })),
  started: z.boolean(),
});

export const PrizesOverviewSchema: z.ZodType<PrizesOverview> = z.object({
  me: z.object({ memberId: z.string().nullable(), roles: z.array(roleSchema), mayFulfil: z.boolean(), isLead: z.boolean(), delegate: z.string().nullable() }),
  members: z.array(z.object({ memberId: z.string(), name: z.string(), roles: z.array(roleSchema) })),
  settings,
  timeZone: z.string(),
  today: dateSchema,
  campaigns: z.array(campaignSummary),
  waiting: z.array(z.object({ request: summary, step, asDelegateOf: z.string().nullable() })),
  mine: z.array(summary),
  needsReview: z.array(summary),
  all: z.array(summary),
  timers: z.array(z.object({ requestId: z.string(), kind: z.enum(['contacts', 'ship']), dueAt: epochMsSchema, pending: count, overdue: z.boolean() })),
  month: z.object({ month: z.string().regex(/^\d{4}-\d{2}$/), budget }),
});

/** A problem a person can fix: the domain's code, where (a dotted path), its params. */
const issue = z.object({ code: z.string().min(1), path: z.string().optional(), params: z.record(z.string(), z.union([z.string(), z.number()])) });

/** The output schema of a `PrizeChecked<{...shape}>` answer. */
export function prizeChecked<S extends z.ZodRawShape>(shape: S): z.ZodType<PrizeChecked<z.output<z.ZodObject<S>>>> {
  const answer = z.union([z.object({ ok: z.literal(true), ...shape }), z.object({ ok: z.literal(false), issues: z.array(issue) })]);
  // Typed as PrizeChecked, whose issue fields are read-only: the shape is the same.
  return answer as unknown as z.ZodType<PrizeChecked<z.output<z.ZodObject<S>>>>;
}

export const Queued = z.object({ queued: z.boolean() });
