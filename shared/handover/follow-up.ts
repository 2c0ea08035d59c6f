import { z } from 'zod';
import {
  conflictingFields,
  correctsSchema,
  defineCapability,
  foldLog,
  foldLww,
  lwwSetSchema,
  opBuilders,
  type LwwField,
  type LwwFields,
  type LwwSet,
  type TypedOp,
} from '../sync';
import { entityIdSchema, epochMsSchema, personSchema, settingIdSchema, sha256Schema, type Person } from '../team-settings';
import { oneLine } from '../text/one-line';
import { MAX_COMMENT_CHARS, MAX_LINK_CHARS, MAX_TITLE_CHARS } from './limits';

/**
 * Follow-ups (待跟进事项): one entity each (`followUp:<random id>`), created inside a handover or on
 * their own. Title, owner, due time, status and department are last-writer-wins fields: two
 * people changing one follow-up at once get the same winner on every device, the loser shown as
 * a conflict, and both changes in the history. Comments are an append-only log.
 */

export const FOLLOW_UP_KIND = 'followUp';

export const FOLLOW_UP_CATEGORIES = ['escalation', 'campaign', 'content', 'other'] as const;
export type FollowUpCategory = (typeof FOLLOW_UP_CATEGORIES)[number];

/** open 待处理 · waiting 等待部门回复 · done 已完成 · dropped 已放弃 */
export const FOLLOW_UP_STATUSES = ['open', 'waiting', 'done', 'dropped'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

/** Open or waiting on a department: still someone's job. */
export function isRunningStatus(status: FollowUpStatus): boolean {
  return status === 'open' || status === 'waiting';
}

export function isHttpLink(value: string): boolean {
  return /^https?:\/\//i.test(value) && URL.canParse(value);
}

export const weiboLinkSchema = z
  .string()
  .trim()
  .max(MAX_LINK_CHARS)
  .refine(isHttpLink, { message: 'not a web link (http:// or https://)', params: { code: 'not-a-link' } });

/** A complaint escalated to another department (投诉升级), with its 'Weibo first' (微博优先) deadline. */
export const escalationSchema = z.object({
  escalatedBy: personSchema,
  escalatedAt: epochMsSchema,
  department: settingIdSchema,
  weiboLink: weiboLinkSchema.optional(),
  screenshotSha256: sha256Schema.optional(),
  /**
   * Fixed when escalating (escalatedAt + the team's setting then): a lead changing the setting
   * later does not move deadlines already given to a department.
   */
  deadlineAt: epochMsSchema,
});
export type Escalation = z.output<typeof escalationSchema>;

export const followUpCreatedSchema = z
  .object({
    title: oneLine(z.string().trim().min(1).max(MAX_TITLE_CHARS)),
    owner: personSchema,
    dueAt: epochMsSchema,
    category: z.enum(FOLLOW_UP_CATEGORIES),
    department: settingIdSchema.optional(),
    /** The note it was created in, if any. */
    handoverId: entityIdSchema.optional(),
    createdBy: personSchema,
    at: epochMsSchema,
    escalation: escalationSchema.optional(),
  })
  .refine((data) => (data.category === 'escalation') === (data.escalation !== undefined), {
    message: 'an escalation, and only an escalation, carries escalation details',
    params: { code: 'escalation-details' },
    path: ['escalation'],
  });
export type FollowUpCreatedData = z.output<typeof followUpCreatedSchema>;

/** The editable fields. Field schemas carry no defaults (see lwwSetSchema). */
export const followUpFields = {
  title: oneLine(z.string().trim().min(1).max(MAX_TITLE_CHARS)),
  owner: personSchema,
  dueAt: epochMsSchema,
  status: z.enum(FOLLOW_UP_STATUSES),
  /** null: no department. */
  department: settingIdSchema.nullable(),
};

export interface FollowUpFields {
  title: string;
  owner: Person;
  dueAt: number;
  status: FollowUpStatus;
  department: string | null;
}

/** Write with `{ ...lwwSetData(state.fields, changes), by, at }` so that `seen` shows what the author saw. */
export const followUpUpdatedSchema = lwwSetSchema(followUpFields).extend({ by: personSchema, at: epochMsSchema });

export const followUpCommentedSchema = z.object({
  text: z.string().trim().min(1).max(MAX_COMMENT_CHARS),
  by: personSchema,
  at: epochMsSchema,
  corrects: correctsSchema.optional(),
});

export interface FollowUp extends FollowUpFields {
  readonly category: FollowUpCategory;
  readonly handoverId: string | null;
  readonly escalation: Escalation | null;
  readonly createdBy: Person;
  readonly createdAt: number;
}

export interface FollowUpCommentRevision {
  readonly opId: string;
  readonly hlc: string;
  readonly text: string;
  readonly by: Person;
  readonly at: number;
}

export interface FollowUpComment extends FollowUpCommentRevision {
  /** Every version, oldest first; the fields above are the latest's, `opId` the original's. */
  readonly revisions: readonly FollowUpCommentRevision[];
}

export type FollowUpHistoryEntry = {
  readonly opId: string;
  readonly hlc: string;
  readonly by: Person;
  readonly at: number;
} & (
  | { readonly event: 'created'; readonly values: FollowUpFields }
  | {
      readonly event: 'updated';
      readonly changes: Partial<FollowUpFields>;
      /** Fields where this change lost to one whose author had not seen it: an open conflict. */
      readonly conflicting: ReadonlyArray<keyof FollowUpFields>;
      /** Fields whose author had been shown a conflict and chose: the resolution of it. */
      readonly resolved: ReadonlyArray<keyof FollowUpFields>;
    }
  | { readonly event: 'commented'; readonly text: string; readonly corrects: string | null }
);

export interface FollowUpState {
  readonly id: string;
  /** Null until the creation arrives (an update or comment can come first). */
  readonly current: FollowUp | null;
  /** Per field: value, hlc and conflicts, for resolving conflicts (write having seen them). */
  readonly fields: LwwFields<FollowUpFields>;
  readonly hasConflicts: boolean;
  readonly comments: readonly FollowUpComment[];
  /** Corrections whose comment is not here (yet). */
  readonly orphanComments: readonly FollowUpCommentRevision[];
  /**
   * Every event, oldest first (hlc order): the ops themselves, shared with the fold. The history a
   * person reads is built from them on demand (`followUpHistory`): three years of a team hold a
   * quarter of a million follow-up events, and nobody reads most of them.
   */
  readonly events: readonly FollowUpOp[];
  /** A second creation under the same id: ignored. */
  readonly ignoredOps: readonly string[];
}

export const followUp = defineCapability({
  kind: FOLLOW_UP_KIND,
  ops: {
    'followUp.created': followUpCreatedSchema,
    'followUp.updated': followUpUpdatedSchema,
    'followUp.commented': followUpCommentedSchema,
  },
  reduce(ops, { id }): FollowUpState {
    // One pass sorting the ops by what they fold into: this runs for every follow-up at each open.
    let created: CreatedOp | null = null;
    const ignoredOps: string[] = [];
    const writes: Array<{ hlc: string; data: LwwSet<FollowUpFields> }> = [];
    const commentOps: CommentOp[] = [];
    for (const op of ops) {
      switch (op.type) {
        case 'followUp.created':
          if (created) {
            ignoredOps.push(op.id);
            break;
          }
          created = op;
          // The creation is the first write of every field; later edits list it as seen.
          writes.push({ hlc: op.hlc, data: { set: initialValues(op.data), seen: {} } });
          break;
        case 'followUp.updated':
          writes.push(op);
          break;
        case 'followUp.commented':
          commentOps.push(op);
      }
    }
    const fields = foldLww(writes);
    const comments = foldLog(commentOps);
    return {
      id,
      current: created ? currentOf(created.data, fields) : null,
      fields,
      hasConflicts: conflictingFields(fields).length > 0,
      comments: comments.entries.map((entry) => commentOf(entry, comments.revisionsOf(entry, commentRevisionOf))),
      orphanComments: comments.orphans.map(commentRevisionOf),
      // A second creation is rare; most follow-ups have none to leave out.
      events: ignoredOps.length === 0 ? ops : ops.filter((op) => !ignoredOps.includes(op.id)),
      ignoredOps,
    };
  },
  // Done or dropped: the briefing and the open lists do not show it, so a restart leaves it on disk.
  closed: (state) => state.current !== null && (state.current.status === 'done' || state.current.status === 'dropped'),
  // What the briefing lists (`runningFollowUpsIn`): a restart answers it from the local base's
  // index without reading one follow-up. Null once done or dropped, so the index stays small.
  summary: (state): FollowUp | null => (state.current && isRunningStatus(state.current.status) ? state.current : null),
});

/** The typed builders of a follow-up's ops: `followUpOps.created(id, data)`, `.updated`, `.commented`. */
export const followUpOps = opBuilders(followUp);

type FollowUpOp = TypedOp<typeof followUp.ops>;
type CreatedOp = Extract<FollowUpOp, { type: 'followUp.created' }>;
type CommentOp = Extract<FollowUpOp, { type: 'followUp.commented' }>;

function initialValues(data: FollowUpCreatedData): FollowUpFields {
  return {
    title: data.title,
    owner: data.owner,
    dueAt: data.dueAt,
    status: 'open',
    department: data.department ?? data.escalation?.department ?? null,
  };
}

function currentOf(data: FollowUpCreatedData, fields: LwwFields<FollowUpFields>): FollowUp {
  const initial = initialValues(data);
  return {
    title: valueOf(fields.title, initial.title),
    owner: valueOf(fields.owner, initial.owner),
    dueAt: valueOf(fields.dueAt, initial.dueAt),
    status: valueOf(fields.status, initial.status),
    department: valueOf(fields.department, initial.department),
    category: data.category,
    handoverId: data.handoverId ?? null,
    escalation: data.escalation ?? null,
    createdBy: data.createdBy,
    createdAt: data.at,
  };
}

/** The creation writes every field, so `field` is there; null is a value (no department), not "unset". */
function valueOf<V>(field: LwwField<V> | undefined, initial: V): V {
  return field === undefined ? initial : field.value;
}

/** Shows the latest version under the original's op id. */
function commentOf(entry: CommentOp, revisions: FollowUpCommentRevision[]): FollowUpComment {
  const { hlc, text, by, at } = revisions[revisions.length - 1]!;
  return { opId: entry.id, hlc, text, by, at, revisions };
}

function commentRevisionOf(op: CommentOp): FollowUpCommentRevision {
  const { text, by, at } = op.data;
  return { opId: op.id, hlc: op.hlc, text, by, at };
}

/** Every event of a follow-up, oldest first, with who and when; a change that lost to one its author had not seen is marked. */
export function followUpHistory(state: FollowUpState): FollowUpHistoryEntry[] {
  const losing = new Map<string, Array<keyof FollowUpFields>>();
  for (const field of Object.keys(state.fields) as Array<keyof FollowUpFields>) {
    for (const { hlc } of state.fields[field]?.conflicts ?? []) losing.set(hlc, [...(losing.get(hlc) ?? []), field]);
  }
  return state.events.map((op) => historyEntry(op, losing));
}

/**
 * `lwwSetData` lists the value shown and every conflict shown with it, so more than one write
 * seen for a field means its author chose between them.
 */
function resolvedFields(data: LwwSet<FollowUpFields>): Array<keyof FollowUpFields> {
  // In the fields' own order, whatever order the op's JSON lists them in.
  return (Object.keys(followUpFields) as Array<keyof FollowUpFields>).filter(
    (field) => data.set[field] !== undefined && (data.seen[field]?.length ?? 0) > 1,
  );
}

function historyEntry(op: FollowUpOp, losing: ReadonlyMap<string, ReadonlyArray<keyof FollowUpFields>>): FollowUpHistoryEntry {
  const base = { opId: op.id, hlc: op.hlc };
  switch (op.type) {
    case 'followUp.created':
      return { ...base, by: op.data.createdBy, at: op.data.at, event: 'created', values: initialValues(op.data) };
    case 'followUp.updated':
      return {
        ...base,
        by: op.data.by,
        at: op.data.at,
        event: 'updated',
        changes: op.data.set,
        conflicting: losing.get(op.hlc) ?? [],
        resolved: resolvedFields(op.data),
      };
    case 'followUp.commented':
      return { ...base, by: op.data.by, at: op.data.at, event: 'commented', text: op.data.text, corrects: op.data.corrects ?? null };
  }
}
