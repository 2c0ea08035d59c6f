import { z } from 'zod';
import { CHECKLIST_KINDS, CONTENT_TYPES, SOP_AREAS, SOP_SET_ASIDE_REASONS, TICK_SET_ASIDE_REASONS, checklistDefSchema, sopMetaFields, type SopIssue } from '../sop';
import { attachmentSchema } from '../attachments';
import { bilingualNameSchema, epochMsSchema, personSchema } from '../team-settings';
import type { ShiftChecklistPayload, SopDetail, SopLibrary, SopMergeView, SopSearchHit } from './sop-views';

/**
 * The output schemas of the SOP operations: what the views of sop-views.ts hold, checked by
 * dispatch where it checks answers. Typed with the views, so the two cannot drift apart.
 */

const area = z.enum(SOP_AREAS);
const diffLine = z.object({ kind: z.enum(['same', 'added', 'removed']), text: z.string() });
const viewer = z.object({ memberId: z.string().nullable(), isLead: z.boolean(), canWrite: z.boolean() });
const pending = z.object({
  sopId: z.string(),
  title: z.string(),
  area,
  version: z.number().int().min(1),
  revision: z.string(),
  publishedAt: epochMsSchema,
  lastAcknowledgedVersion: z.number().int().min(1).nullable(),
  diff: z.array(diffLine),
});
const meta = z.object(sopMetaFields);
const revisionView = z.object({
  id: z.string(),
  parents: z.array(z.string()),
  title: z.string(),
  body: z.string(),
  checklist: z.array(checklistDefSchema),
  pictures: z.array(attachmentSchema),
  by: personSchema,
  at: epochMsSchema,
  status: z.enum(['draft', 'submitted', 'returned', 'published']),
  version: z.number().int().min(1).nullable(),
  restores: z.string().nullable(),
  returnComment: z.string().nullable(),
  isHead: z.boolean(),
});
/** A zod enum of an object's keys (the set-aside reasons and their explanations). */
const enumOfKeys = <T extends Record<string, string>>(object: T) => z.enum(Object.keys(object) as [keyof T & string, ...Array<keyof T & string>]);
const reason = enumOfKeys(SOP_SET_ASIDE_REASONS);
const memberName = z.object({ memberId: z.string(), name: z.string() });

export const SopLibrarySchema: z.ZodType<SopLibrary> = z.object({
  viewer,
  areas: z.array(
    z.object({
      area,
      sops: z.array(
        z.object({
          id: z.string(),
          title: z.string(),
          area,
          version: z.number().int().min(1).nullable(),
          publishedAt: epochMsSchema.nullable(),
          owner: personSchema.nullable(),
          reviewBy: z.string().nullable(),
          reviewOverdue: z.boolean(),
          fork: z.boolean(),
          mustAcknowledge: z.boolean(),
          submitted: z.number().int().min(0),
        }),
      ),
    }),
  ),
  pending: z.array(pending),
  reviewQueue: z.array(z.object({ sopId: z.string(), title: z.string(), revision: z.string(), by: personSchema, at: epochMsSchema, mayPublish: z.boolean() })),
  reviewsDue: z.array(z.object({ sopId: z.string(), title: z.string(), reviewBy: z.string(), ownerId: z.string().nullable(), notify: z.array(z.string()) })),
  busFactor: z.array(
    z.object({
      area,
      sops: z.number().int().min(0),
      owners: z.array(z.string()),
      backups: z.array(z.string()),
      lastReviewAt: epochMsSchema.nullable(),
      acknowledged: z.number().int().min(0),
      couldRun: z.number().int().min(0),
      flagged: z.boolean(),
    }),
  ),
  pendingBySop: z.array(z.object({ sopId: z.string(), title: z.string(), waiting: z.array(memberName) })),
  publishedSince: z.array(
    z.object({ sopId: z.string(), title: z.string(), version: z.number().int().min(1), revision: z.string(), publishedAt: epochMsSchema, publishedBy: z.string(), minor: z.boolean() }),
  ),
});

export const SopDetailSchema: z.ZodType<SopDetail> = z.object({
  id: z.string(),
  title: z.string(),
  meta,
  metaConflicts: z.array(z.enum(Object.keys(sopMetaFields) as [keyof typeof sopMetaFields, ...Array<keyof typeof sopMetaFields>])),
  viewer,
  published: revisionView.nullable(),
  revisions: z.array(revisionView),
  editFrom: revisionView.nullable(),
  fork: z.object({ heads: z.array(revisionView) }).nullable(),
  myPending: pending.nullable(),
  acknowledgedBy: z.array(z.object({ name: z.string(), version: z.number().int().min(1) })),
  waiting: z.array(z.object({ name: z.string() })),
  reviewDue: z.string().nullable(),
  setAside: z.array(z.object({ opId: z.string(), reason })),
});

const lines = z.array(z.string());
export const SopMergeSchema: z.ZodType<SopMergeView> = z.object({
  base: revisionView.nullable(),
  ours: revisionView,
  theirs: revisionView,
  chunks: z.array(
    z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('agreed'), lines }),
      z.object({ kind: z.literal('conflict'), base: lines, ours: lines, theirs: lines }),
    ]),
  ),
  titles: z.object({ ours: z.string(), theirs: z.string() }),
});

const tick = z.object({
  opId: z.string(),
  hlc: z.string(),
  deviceId: z.string(),
  key: z.string(),
  done: z.boolean(),
  by: personSchema,
  at: epochMsSchema,
  link: z.string().nullable(),
  note: z.string().nullable(),
});
const entry = z.object({
  key: z.string(),
  sopId: z.string(),
  sopTitle: z.string(),
  itemId: z.string(),
  title: z.string(),
  kind: z.enum(CHECKLIST_KINDS),
  contentType: z.enum(CONTENT_TYPES).nullable(),
  dueAt: epochMsSchema,
  slot: z.string(),
  state: z.enum(['done', 'past-due', 'open']),
  tick: tick.nullable(),
});
export const ShiftChecklistSchema: z.ZodType<ShiftChecklistPayload> = z.object({
  shift: z.object({ date: z.string(), shiftTypeId: z.string(), startAt: epochMsSchema, endAt: epochMsSchema }).nullable(),
  shiftName: bilingualNameSchema.nullable(),
  timeZone: z.string(),
  entries: z.array(entry),
  next: entry.nullable(),
  pastDue: z.number().int().min(0),
  truncated: z.boolean(),
  setAside: z.array(z.object({ opId: z.string(), key: z.string(), by: personSchema, at: epochMsSchema, reason: enumOfKeys(TICK_SET_ASIDE_REASONS) })),
  tickRefusal: z.enum(['role', 'not-on-shift']).nullable(),
});

const hitKind = z.enum(['title', 'body', 'checklist']);
export const SopSearchSchema: z.ZodType<{ groups: Array<{ kind: SopSearchHit['kind']; hits: SopSearchHit[] }> }> = z.object({
  groups: z.array(z.object({ kind: hitKind, hits: z.array(z.object({ sopId: z.string(), area, title: z.string(), kind: hitKind, snippet: z.string() })) })),
});

export const DiffSchema = z.object({ lines: z.array(diffLine) });

const SOP_ISSUE_CODES = ['required', 'too-long', 'too-many-headings', 'too-many', 'no-times', 'too-frequent', 'no-interval', 'never-fires', 'unknown-shift-type', 'invalid'] as const satisfies ReadonlyArray<SopIssue['code']>;
const issue: z.ZodType<SopIssue> = z.object({
  code: z.enum(SOP_ISSUE_CODES),
  path: z.array(z.union([z.string(), z.number()])).readonly(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
/** `{ok: true, ...value}` or `{ok: false, issues}` with the SOP validation codes. */
export function sopChecked<S extends z.ZodRawShape>(shape: S) {
  return z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), ...shape }), z.object({ ok: z.literal(false), issues: z.array(issue) })]);
}
