import { z } from 'zod';
import {
  FAIRNESS_METRICS,
  HOLIDAY_KINDS,
  LEAVE_TYPES,
  assignmentSchema,
  holidaySchema,
  patternSchema,
  type Candidate,
  type CoverView,
  type Duty,
  type FairnessMetric,
  type Ineligible,
  type LeaveView,
  type PublishNews,
  type RotaCheck,
  type RotaSetAside,
  type SwapView,
} from '../rota';
import { bilingualNameSchema } from '../team-settings';
import type { CoverCandidatesView, CsvPreview, FairnessView, OnDutyView, RotaRequestsView, RotaSettingsView, RotaView } from './rota-views';

/**
 * The output schemas of the rota's bridge operations: the views' pieces as the domain makes them
 * (dispatch checks every answer against them in tests, so a view and its schema cannot drift).
 */

const id = z.string();
const ms = z.number();
const nullableId = z.string().nullable();

export const DutySchema: z.ZodType<Duty> = z.object({
  key: id,
  date: z.string(),
  shiftTypeId: id,
  startAt: ms,
  endAt: ms,
  people: z.array(z.object({ memberId: id, via: z.enum(['rota', 'swap', 'cover', 'standIn']), for: nullableId })),
  backup: nullableId,
  onLeave: z.array(id),
  needed: z.number().int(),
});

export const IneligibleSchema: z.ZodType<Ineligible> = z.discriminatedUnion('code', [
  z.object({ code: z.enum(['requester', 'not-editor', 'already-on', 'on-leave', 'sop-not-acknowledged']) }),
  z.object({ code: z.literal('overlap'), key: id }),
  z.object({ code: z.literal('short-rest'), key: id, minutes: z.number(), minHours: z.number() }),
]) as z.ZodType<Ineligible>;

export const RotaCheckSchema: z.ZodType<RotaCheck> = z.discriminatedUnion('code', [
  z.object({ code: z.literal('uncovered'), key: id }),
  z.object({ code: z.literal('under-staffed'), key: id, count: z.number(), needed: z.number() }),
  z.object({ code: z.literal('overlap'), key: id, other: id, memberId: id }),
  z.object({ code: z.literal('short-rest'), key: id, other: id, memberId: id, minutes: z.number(), minHours: z.number() }),
  z.object({ code: z.literal('days-in-row'), key: id, memberId: id, days: z.number(), max: z.number() }),
  z.object({ code: z.literal('week-hours'), key: id, memberId: id, hours: z.number(), max: z.number() }),
]);

export const LeaveViewSchema: z.ZodType<LeaveView> = z.object({
  id,
  memberId: id,
  leaveType: z.enum(LEAVE_TYPES),
  from: z.string(),
  to: z.string(),
  note: z.string(),
  at: ms,
  requestedBy: nullableId,
  status: z.enum(['pending', 'approved', 'declined', 'withdrawn']),
  decidedBy: nullableId,
  decidedAt: ms.nullable(),
});

export const CoverViewSchema: z.ZodType<CoverView> = z.object({
  id,
  key: id,
  date: z.string(),
  shiftTypeId: id,
  memberId: id,
  note: z.string(),
  at: ms,
  requestedBy: nullableId,
  status: z.enum(['open', 'awaiting-approval', 'covered', 'declined', 'withdrawn']),
  takenBy: nullableId,
  urgent: z.boolean(),
  refusedTakes: z.array(z.object({ memberId: nullableId, reason: z.enum(['taken-first', 'not-eligible']), why: z.array(IneligibleSchema) })),
});

const shiftOfSchema = z.object({ date: z.string(), shiftTypeId: id, memberId: id });
export const SwapViewSchema: z.ZodType<SwapView> = z.object({
  id,
  from: shiftOfSchema,
  to: shiftOfSchema,
  note: z.string(),
  at: ms,
  status: z.enum(['proposed', 'awaiting-approval', 'done', 'declined', 'rejected', 'withdrawn', 'stale']),
});

export const SetAsideSchema: z.ZodType<RotaSetAside> = z.object({
  opId: id,
  entity: id,
  memberId: nullableId,
  reason: z.enum(['not-own', 'not-on-shift', 'not-addressed', 'taken-first', 'not-eligible', 'closed', 'unknown-shift']),
});

export const CandidateSchema: z.ZodType<Candidate> = z.object({ memberId: id, name: z.string(), reasons: z.array(IneligibleSchema) });
const publishedPart = z.enum(['working', 'backup']).nullable();
export const PublishNewsSchema: z.ZodType<PublishNews> = z.object({
  month: z.string(),
  publishedAt: ms,
  changes: z.array(z.object({ key: id, before: publishedPart, after: publishedPart })),
});

export const RotaShiftTypeSchema = z.object({
  id,
  name: bilingualNameSchema,
  start: z.string(),
  end: z.string(),
  needed: z.number().int(),
  colour: z.string(),
  retired: z.boolean(),
});

export const RotaRulesSchema = z.object({
  minRestHours: z.number(),
  maxDaysInRow: z.number(),
  maxWeekHours: z.number(),
  coverNeedsApproval: z.boolean(),
  swapNeedsApproval: z.boolean(),
});

export const RotaMeSchema = z.object({ memberId: nullableId, lead: z.boolean(), member: z.boolean() });
const memberNames = z.array(z.object({ memberId: id, name: z.string() }));

export const RotaViewSchema: z.ZodType<RotaView> = z.object({
  timeZone: z.string(),
  shiftTypes: z.array(RotaShiftTypeSchema),
  rules: RotaRulesSchema,
  members: memberNames,
  me: RotaMeSchema,
  days: z.array(
    z.object({
      date: z.string(),
      holiday: holidaySchema.nullable(),
      weekend: z.boolean(),
      slots: z.array(
        z.object({
          key: id,
          date: z.string(),
          shiftTypeId: id,
          startAt: ms,
          endAt: ms,
          duty: DutySchema.nullable(),
          draft: assignmentSchema.nullable(),
          conflicts: z.array(assignmentSchema),
          unpublished: z.boolean(),
          checks: z.array(RotaCheckSchema),
        }),
      ),
    }),
  ),
  checks: z.array(RotaCheckSchema),
  unplanned: z.array(z.string()),
  months: z.array(z.object({ month: z.string(), publishedAt: ms.nullable(), unpublished: z.number().int(), planned: z.boolean() })),
});

export const RotaRequestsViewSchema: z.ZodType<RotaRequestsView> = z.object({
  me: RotaMeSchema,
  leaves: z.array(LeaveViewSchema),
  covers: z.array(CoverViewSchema),
  swaps: z.array(SwapViewSchema),
  setAside: z.array(SetAsideSchema),
});

export const OnDutyViewSchema: z.ZodType<OnDutyView> = z.object({
  timeZone: z.string(),
  shiftTypes: z.array(RotaShiftTypeSchema),
  names: z.record(z.string(), z.string()),
  now: z.array(DutySchema),
  next: z.array(DutySchema),
  myNext: z.array(DutySchema),
  news: z.array(PublishNewsSchema),
  myCovers: z.array(CoverViewSchema),
});

export const CoverCandidatesViewSchema: z.ZodType<CoverCandidatesView> = z.object({ cover: CoverViewSchema, candidates: z.array(CandidateSchema) });

const metricRecord = z.object(Object.fromEntries(FAIRNESS_METRICS.map((metric) => [metric, z.number()])) as Record<FairnessMetric, z.ZodNumber>);
export const FairnessViewSchema: z.ZodType<FairnessView> = z.object({
  period: z.string(),
  rows: z.array(metricRecord.extend({ memberId: id, name: z.string() })),
  mean: metricRecord,
});

export const RotaSettingsViewSchema: z.ZodType<RotaSettingsView> = z.object({
  rules: RotaRulesSchema,
  shiftTypes: z.array(RotaShiftTypeSchema),
  holidays: z.array(holidaySchema.extend({ kind: z.enum(HOLIDAY_KINDS) })),
  patterns: z.array(patternSchema),
});

export const CsvPreviewSchema: z.ZodType<CsvPreview> = z.object({
  rows: z.array(z.object({ line: z.number().int(), key: z.string().nullable(), assignment: assignmentSchema.nullable(), problems: z.array(z.string()) })),
  good: z.number().int(),
  bad: z.number().int(),
  fileProblems: z.array(z.string()),
});

export type TakeCoverOutcome =
  | { readonly outcome: 'taken' | 'awaiting-approval' }
  /** A colleague's take came first: this one is set aside on every device. */
  | { readonly outcome: 'taken-first'; readonly takenBy: string | null }
  | { readonly outcome: 'not-eligible'; readonly reasons: readonly Ineligible[] };

export const TakeCoverOutcomeSchema: z.ZodType<TakeCoverOutcome> = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.enum(['taken', 'awaiting-approval']) }),
  z.object({ outcome: z.literal('taken-first'), takenBy: nullableId }),
  z.object({ outcome: z.literal('not-eligible'), reasons: z.array(IneligibleSchema) }),
]);
