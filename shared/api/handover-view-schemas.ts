import { z } from 'zod';
import { attachmentSchema } from '../attachments';
import { FOLLOW_UP_CATEGORIES, escalationSchema, followUpFields, handoverSubmittedSchema } from '../handover';
import { dateSchema, departmentSchema, epochMsSchema, personSchema, settingIdSchema, shiftTypeSchema } from '../team-settings';
import type { FollowUpDetail, FollowUpView, HandoverDetail, HandoverSummary, HandoverView, SearchResult, ShiftContext } from './handover-views';

/**
 * The output schemas of the handover operations: what the views of handover-views.ts hold, checked
 * by dispatch where it checks answers. Each is typed with its view, so the two cannot drift apart.
 */

const id = z.string().min(1);
const stamped = { opId: z.string(), hlc: z.string() };

const followUpShape = {
  ...followUpFields,
  category: z.enum(FOLLOW_UP_CATEGORIES),
  handoverId: id.nullable(),
  escalation: escalationSchema.nullable(),
  createdBy: personSchema,
  createdAt: epochMsSchema,
};

const escalationState = z.object({ deadlineAt: epochMsSchema, remainingMs: z.number(), overdue: z.boolean(), running: z.boolean() });

export const FollowUpViewSchema: z.ZodType<FollowUpView> = z.object({
  ...followUpShape,
  id,
  overdue: z.boolean(),
  effectiveDueAt: epochMsSchema,
  escalationState: escalationState.nullable(),
  hasConflicts: z.boolean(),
  commentCount: z.number().int().min(0),
});

const commentRevision = z.object({ ...stamped, text: z.string(), by: personSchema, at: epochMsSchema });
const fieldName = z.enum(Object.keys(followUpFields) as [keyof typeof followUpFields, ...Array<keyof typeof followUpFields>]);
const historyEntry = z.intersection(
  z.object({ ...stamped, by: personSchema, at: epochMsSchema }),
  z.discriminatedUnion('event', [
    z.object({ event: z.literal('created'), values: z.object(followUpFields) }),
    z.object({ event: z.literal('updated'), changes: z.object(followUpFields).partial(), conflicting: z.array(fieldName), resolved: z.array(fieldName) }),
    z.object({ event: z.literal('commented'), text: z.string(), corrects: z.string().nullable() }),
  ]),
);
const fieldWrite = z.object({ value: z.unknown(), hlc: z.string(), by: personSchema, at: epochMsSchema });

export const FollowUpDetailSchema = z.object({
  ...followUpShape,
  id,
  overdue: z.boolean(),
  effectiveDueAt: epochMsSchema,
  escalationState: escalationState.nullable(),
  hasConflicts: z.boolean(),
  commentCount: z.number().int().min(0),
  comments: z.array(commentRevision.extend({ revisions: z.array(commentRevision) })),
  history: z.array(historyEntry),
  conflicts: z.array(z.object({ field: fieldName, winner: fieldWrite, others: z.array(fieldWrite) })),
}) as z.ZodType<FollowUpDetail>;

const addendumRevision = z.object({ ...stamped, text: z.string(), attachments: z.array(attachmentSchema), author: personSchema, at: epochMsSchema });

const handoverView = z.object({
  id,
  note: handoverSubmittedSchema.extend(stamped),
  addenda: z.array(addendumRevision.extend({ revisions: z.array(addendumRevision) })),
  acknowledgements: z.array(z.object({ ...stamped, by: personSchema, at: epochMsSchema })),
});
export const HandoverViewSchema: z.ZodType<HandoverView> = handoverView;

export const HandoverSummarySchema: z.ZodType<HandoverSummary> = z.object({
  id,
  date: dateSchema,
  shiftTypeId: settingIdSchema,
  shiftStartAt: epochMsSchema,
  author: personSchema,
  at: epochMsSchema,
  excerpt: z.string(),
  acknowledgedBy: z.array(personSchema),
  addendumCount: z.number().int().min(0),
  attachmentCount: z.number().int().min(0),
  followUpCount: z.number().int().min(0),
});

export const HandoverDetailSchema: z.ZodType<HandoverDetail> = handoverView.extend({
  sameShift: z.array(handoverView),
  followUps: z.array(FollowUpViewSchema),
  canAcknowledge: z.boolean(),
});

const shiftRef = z.object({ date: dateSchema, shiftTypeId: settingIdSchema });
const shiftInstance = shiftRef.extend({ startAt: epochMsSchema, endAt: epochMsSchema });

export const ShiftContextSchema: z.ZodType<ShiftContext> = z.object({
  now: epochMsSchema,
  timeZone: z.string(),
  shiftTypes: z.array(shiftTypeSchema),
  departments: z.array(departmentSchema),
  escalationMinutes: z.number().int(),
  current: shiftInstance.nullable(),
  proposed: shiftInstance.nullable(),
  proposal: z.object({ shift: shiftInstance, reason: z.enum(['current', 'last-ended']), upcoming: shiftInstance.nullable() }).nullable(),
  previous: z.object({ shift: shiftRef, notes: z.array(handoverView) }).nullable(),
  openFollowUps: z.array(FollowUpViewSchema),
  me: personSchema.nullable(),
  unacknowledgedCount: z.number().int().min(0),
  mine: handoverView.nullable(),
  waitingForMe: z.number().int().min(0),
});

export const SearchResultSchema: z.ZodType<SearchResult> = z.object({
  id,
  kind: z.enum(['handover', 'followUp']),
  date: z.string(),
  title: z.string(),
  terms: z.array(z.string()),
});

