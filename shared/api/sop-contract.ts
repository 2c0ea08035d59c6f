import { z } from 'zod';
import { epochMsSchema, settingIdSchema, dateSchema, entityIdSchema } from '../team-settings';
import { SOP_AREAS } from '../sop/fields';
import { opIdSchema as opIdLike } from '../sync';
import type { DiffLine, SopChecked, SopDetail, SopLibrary, SopMergeView, SopSearchHit, ShiftChecklistPayload } from './sop-views';
import { roleSchema } from '../team/roles';

/**
 * The SOP operations of the bridge. Inputs are strict zod; text a person typed is accepted far
 * past the domain's limits (a 2 MB paste is explained, not refused at the door) yet bounded.
 * Problems a person can fix come back as `{ok: false, issues}` with the domain's codes.
 */

/** A 2 MB paste is 2 million characters at most; four times that is still one bounded request. */
export const MAX_TYPED_BODY_CHARS = 8_000_000;
const typed = (max: number) => z.string().max(max);
const personInput = z.object({ memberId: z.string().min(1).max(64), name: z.string().min(1).max(100) }).strict();

const checklistInput = z
  .object({
    id: typed(64),
    title: typed(10_000),
    kind: z.enum(['post', 'sweep', 'once']),
    contentType: z.enum(['company', 'product', 'topic']).nullable(),
    times: z.array(typed(10)).max(1000),
    everyMinutes: z.number().int().min(0).max(1_000_000).nullable(),
    shiftTypeIds: z.array(typed(64)).max(100),
    days: z.enum(['everyday', 'weekdays', 'weekends']),
    holidays: z.enum(['skip', 'include', 'only']),
  })
  .strict();

const sopId = z.object({ id: entityIdSchema }).strict();
const aboutRevision = z.object({ id: entityIdSchema, revision: opIdLike }).strict();
const out = <T>() => z.custom<T>(() => true);

export const RevisionInput = z
  .object({
    /** Null: a new SOP. */
    id: entityIdSchema.nullable(),
    parents: z.array(opIdLike).max(2),
    title: typed(100_000),
    body: typed(MAX_TYPED_BODY_CHARS),
    checklist: z.array(checklistInput).max(1000),
    area: z.enum(SOP_AREAS).optional(),
    restores: opIdLike.optional(),
  })
  .strict();

export const MetaChangesInput = z
  .object({
    area: z.enum(SOP_AREAS),
    owner: personInput.nullable(),
    backupOwner: personInput.nullable(),
    reviewBy: dateSchema.nullable(),
    requiredRoles: z.array(roleSchema).max(5),
    shiftTypeIds: z.array(settingIdSchema).max(20),
  })
  .partial()
  .strict();

export const sopOperations = {
  getSopLibrary: { input: z.object({ since: epochMsSchema.optional() }).strict(), output: out<SopLibrary>() },
  getSop: { input: sopId, output: out<SopDetail>() },
  diffSopRevisions: { input: z.object({ id: entityIdSchema, from: opIdLike.nullable(), to: opIdLike }).strict(), output: out<{ lines: DiffLine[] }>() },
  getSopMerge: { input: sopId, output: out<SopMergeView>() },
  saveSopRevision: { input: RevisionInput, output: out<SopChecked<{ id: string; revision: string; queued: boolean }>>() },
  submitSopRevision: { input: aboutRevision, output: out<{ queued: boolean }>() },
  publishSopRevision: { input: aboutRevision.extend({ minor: z.boolean() }).strict(), output: out<{ queued: boolean }>() },
  returnSopRevision: { input: aboutRevision.extend({ comment: typed(10_000) }).strict(), output: out<SopChecked<{ queued: boolean }>>() },
  acknowledgeSop: { input: aboutRevision, output: out<{ queued: boolean }>() },
  setSopMeta: { input: z.object({ id: entityIdSchema, changes: MetaChangesInput }).strict(), output: out<{ queued: boolean }>() },
  getShiftChecklist: { input: z.object({}).strict(), output: out<ShiftChecklistPayload>() },
  tickChecklistItem: {
    input: z
      .object({ date: dateSchema, shiftTypeId: settingIdSchema, key: typed(300), done: z.boolean(), link: typed(10_000).optional(), note: typed(10_000).optional() })
      .strict(),
    output: out<SopChecked<{ queued: boolean }>>(),
  },
  searchSops: { input: z.object({ query: typed(1000) }).strict(), output: out<{ groups: Array<{ kind: SopSearchHit['kind']; hits: SopSearchHit[] }> }>() },
  addStarterSops: { input: z.object({ language: z.enum(['zh-CN', 'en']) }).strict(), output: out<{ added: number; queued: boolean }>() },
} as const;
