import { z } from 'zod';
import { epochMsSchema, settingIdSchema, dateSchema, entityIdSchema } from '../team-settings';
import { SOP_AREAS } from '../sop/fields';
import { sopPictureSchema } from '../sop/pictures';
import { opIdSchema as opIdLike } from '../sync';
import { defineOperations } from './define-operations';
import { DiffSchema, ShiftChecklistSchema, SopDetailSchema, SopLibrarySchema, SopMergeSchema, SopSearchSchema, sopChecked } from './sop-view-schemas';
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
const queued = z.object({ queued: z.boolean() });

export const RevisionInput = z
  .object({
    /** Null: a new SOP. */
    id: entityIdSchema.nullable(),
    parents: z.array(opIdLike).max(2),
    title: typed(100_000),
    body: typed(MAX_TYPED_BODY_CHARS),
    checklist: z.array(checklistInput).max(1000),
    /** Pictures added in the editor; the revision keeps those its text still shows. */
    pictures: z.array(sopPictureSchema).max(1000).optional(),
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

export const sopOperations = defineOperations({
  getSopLibrary: { input: z.object({ since: epochMsSchema.optional() }).strict(), output: SopLibrarySchema },
  getSop: { input: sopId, output: SopDetailSchema },
  diffSopRevisions: { input: z.object({ id: entityIdSchema, from: opIdLike.nullable(), to: opIdLike }).strict(), output: DiffSchema },
  getSopMerge: { input: sopId, output: SopMergeSchema },
  saveSopRevision: { writes: true, input: RevisionInput, output: sopChecked({ id: z.string(), revision: z.string(), queued: z.boolean() }) },
  submitSopRevision: { writes: true, input: aboutRevision, output: queued },
  publishSopRevision: { writes: true, input: aboutRevision.extend({ minor: z.boolean() }).strict(), output: queued },
  returnSopRevision: { writes: true, input: aboutRevision.extend({ comment: typed(10_000) }).strict(), output: sopChecked({ queued: z.boolean() }) },
  acknowledgeSop: { writes: true, input: aboutRevision, output: queued },
  setSopMeta: { writes: true, input: z.object({ id: entityIdSchema, changes: MetaChangesInput }).strict(), output: queued },
  // Without a shift: the one under way, else the one that started last.
  getShiftChecklist: { input: z.object({ shift: z.object({ date: dateSchema, shiftTypeId: settingIdSchema }).strict().optional() }).strict(), output: ShiftChecklistSchema },
  tickChecklistItem: {
    writes: true,
    input: z
      .object({ date: dateSchema, shiftTypeId: settingIdSchema, key: typed(300), done: z.boolean(), link: typed(10_000).optional(), note: typed(10_000).optional() })
      .strict(),
    output: sopChecked({ queued: z.boolean() }),
  },
  searchSops: { input: z.object({ query: typed(1000) }).strict(), output: SopSearchSchema },
  addStarterSops: { writes: true, input: z.object({ language: z.enum(['zh-CN', 'en']) }).strict(), output: z.object({ added: z.number().int().min(0), queued: z.boolean() }) },
});
