import { z } from 'zod';
import { attachmentSchema } from '../attachments';
import { FOLLOW_UP_CATEGORIES, FOLLOW_UP_STATUSES, HANDOVER_DRAFT_FORMAT, SECTION_KEYS, HandoverDraft, draftFollowUpSchema } from '../handover';
import { dateSchema, entityIdSchema, epochMsSchema, personSchema, settingIdSchema, sha256Schema, type Person } from '../team-settings';
import { checked } from './checked';
import { FollowUpDetailSchema, FollowUpViewSchema, HandoverDetailSchema, HandoverSummarySchema, SearchResultSchema, ShiftContextSchema } from './handover-view-schemas';
import { defineOperations } from './define-operations';

/**
 * The handover and follow-up operations of the bridge. Inputs are zod (checked at the door);
 * outputs are the views of `handover-views.ts`. Validation problems a person can fix are answered
 * as `{ok: false, issues}` values with the domain's codes, not as errors, so the UI can place each
 * message next to its field.
 */

/**
 * What the bridge accepts for a draft: far past the 20,000 character limit (an oversized paste is
 * kept and explained at submission), yet bounded so that one request cannot exhaust memory.
 */
export const MAX_DRAFT_TEXT_CHARS = 1_000_000;
const draftText = z.string().max(MAX_DRAFT_TEXT_CHARS);

export const HandoverDraftInput = z
  .object({
    format: z.literal(HANDOVER_DRAFT_FORMAT),
    date: dateSchema,
    shiftTypeId: settingIdSchema,
    sections: z.object(Object.fromEntries(SECTION_KEYS.map((key) => [key, draftText])) as Record<(typeof SECTION_KEYS)[number], typeof draftText>),
    attachments: z.array(attachmentSchema).max(1000),
    followUps: z.array(draftFollowUpSchema.extend({ title: draftText })).max(1000),
    carriedFollowUpIds: z.array(entityIdSchema).max(5000),
    checklist: z.array(z.object({ id: z.string().min(1).max(128), text: z.string().max(500), done: z.boolean() })).max(1000).optional(),
    updatedAt: epochMsSchema,
  })
  .strict();

const followUpChanges = z
  .object({
    title: draftText,
    owner: personSchema,
    dueAt: epochMsSchema,
    status: z.enum(FOLLOW_UP_STATUSES),
    department: settingIdSchema.nullable(),
  })
  .partial()
  .strict();

const handoverFilter = z
  .object({
    shiftTypeId: settingIdSchema.optional(),
    authorId: z.string().max(64).optional(),
    fromDate: dateSchema.optional(),
    toDate: dateSchema.optional(),
    unacknowledged: z.boolean().optional(),
    hasOpenFollowUps: z.boolean().optional(),
  })
  .strict();

const idInput = z.object({ id: entityIdSchema }).strict();

export const handoverOperations = defineOperations({
  getShiftContext: { input: z.object({}).strict(), output: ShiftContextSchema },
  getHandoverDraft: { input: z.object({}).strict(), output: z.object({ draft: HandoverDraft, saved: z.boolean() }) },
  saveHandoverDraft: { input: z.object({ draft: HandoverDraftInput }).strict(), output: z.object({ savedAt: epochMsSchema }) },
  discardHandoverDraft: { input: z.object({}).strict(), output: z.object({ discarded: z.boolean() }) },
  submitHandover: {
    writes: true,
    input: z.object({ draft: HandoverDraftInput }).strict(),
    output: checked({ id: z.string(), queued: z.boolean() }),
  },
  addHandoverAddendum: {
    writes: true,
    input: z.object({ id: entityIdSchema, text: draftText, attachments: z.array(attachmentSchema).max(1000) }).strict(),
    output: checked({ queued: z.boolean() }),
  },
  acknowledgeHandover: { writes: true, input: idInput, output: z.object({ acknowledged: z.boolean(), queued: z.boolean() }) },
  listHandovers: {
    input: z
      .object({ filter: handoverFilter.default({}), offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(500).default(100) })
      .strict(),
    output: z.object({ total: z.number().int().min(0), items: z.array(HandoverSummarySchema) }),
  },
  getHandover: { input: idInput, output: HandoverDetailSchema },
  searchHandovers: {
    input: z.object({ query: z.string().max(1000), limit: z.number().int().min(1).max(500).default(100) }).strict(),
    output: z.object({ ready: z.boolean(), hits: z.array(SearchResultSchema) }),
  },
  listFollowUps: {
    input: z.object({ scope: z.enum(['running', 'all']).default('running') }).strict(),
    output: z.object({ items: z.array(FollowUpViewSchema) }),
  },
  getFollowUp: { input: idInput, output: FollowUpDetailSchema },
  createFollowUp: {
    writes: true,
    input: z
      .object({
        title: draftText,
        owner: personSchema.nullable(),
        dueAt: epochMsSchema.nullable(),
        category: z.enum(FOLLOW_UP_CATEGORIES),
        departmentId: z.string().max(64).nullable(),
        escalation: z
          .object({ weiboLink: z.string().max(100_000), screenshotSha256: sha256Schema.nullable(), escalatedAt: epochMsSchema.nullable() })
          .nullable(),
      })
      .strict(),
    output: checked({ id: z.string(), queued: z.boolean() }),
  },
  updateFollowUp: { writes: true, input: z.object({ id: entityIdSchema, changes: followUpChanges }).strict(), output: checked({ queued: z.boolean() }) },
  commentFollowUp: { writes: true, input: z.object({ id: entityIdSchema, text: draftText }).strict(), output: checked({ queued: z.boolean() }) },
});

export type { Person };
