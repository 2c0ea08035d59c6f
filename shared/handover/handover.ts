import { z } from 'zod';
import { correctsSchema, defineCapability, foldLog, opBuilders, type TypedOp } from '../sync';
import { attachmentSchema, type Attachment } from '../attachments';
import { dateSchema, entityIdSchema, epochMsSchema, personSchema, settingIdSchema, type Person } from '../team-settings';
import { MAX_ATTACHMENTS, MAX_CHECKLIST_ITEMS, MAX_FOLLOW_UP_REFS, MAX_SECTION_CHARS } from './limits';
import { sectionsSchema } from './sections';

/**
 * Handover notes (交接班记录). Each note is its own entity (`handover:<random id>`), so two people
 * writing for the same shift make two notes, both kept and shown together, never merged. A note is
 * submitted once and never edited: what was handed over stays what was handed over. Addenda
 * (补充说明) and acknowledgements (签收) append to it.
 */

export const HANDOVER_KIND = 'handover';

export const checklistItemSchema = z.object({
  id: z.string().min(1).max(128),
  text: z.string().max(500),
  done: z.boolean(),
});
export type ChecklistItem = z.output<typeof checklistItemSchema>;

export const handoverSubmittedSchema = z.object({
  date: dateSchema,
  shiftTypeId: settingIdSchema,
  /**
   * The shift's instants as computed when submitted: notes keep their place in time even after
   * a lead changes the shift types or the team's time zone.
   */
  shiftStartAt: epochMsSchema,
  shiftEndAt: epochMsSchema,
  author: personSchema,
  /** The author's clock when submitting: the time people are shown (the hlc orders). */
  at: epochMsSchema,
  sections: sectionsSchema,
  attachments: z.array(attachmentSchema).max(MAX_ATTACHMENTS),
  /** Follow-ups created in this note and those carried into it, as the author saw them. */
  followUpIds: z.array(entityIdSchema).max(MAX_FOLLOW_UP_REFS),
  /** The shift's checklist (from the SOPs) as it stood, done or not. */
  checklist: z.array(checklistItemSchema).max(MAX_CHECKLIST_ITEMS).optional(),
});
export type HandoverSubmittedData = z.output<typeof handoverSubmittedSchema>;

export const handoverAddendumSchema = z.object({
  text: z.string().trim().min(1).max(MAX_SECTION_CHARS),
  attachments: z.array(attachmentSchema).max(MAX_ATTACHMENTS).default([]),
  author: personSchema,
  at: epochMsSchema,
  /** Set on a correction of an earlier addendum: the original stays in `revisions`. */
  corrects: correctsSchema.optional(),
});

export const handoverAcknowledgedSchema = z.object({
  by: personSchema,
  at: epochMsSchema,
});

export interface SubmittedNote extends HandoverSubmittedData {
  readonly opId: string;
  readonly hlc: string;
}

export interface AddendumRevision {
  readonly opId: string;
  readonly hlc: string;
  readonly text: string;
  readonly attachments: readonly Attachment[];
  readonly author: Person;
  readonly at: number;
}

export interface Addendum extends AddendumRevision {
  /** Every version, oldest first; the fields above are the latest's, `opId` the original's. */
  readonly revisions: readonly AddendumRevision[];
}

export interface Acknowledgement {
  readonly opId: string;
  readonly hlc: string;
  readonly by: Person;
  readonly at: number;
}

export interface HandoverState {
  readonly id: string;
  /** Null until the submission arrives (an addendum or acknowledgement can come first). */
  readonly note: SubmittedNote | null;
  readonly addenda: readonly Addendum[];
  /** Corrections whose addendum is not here (yet): shown rather than dropped. */
  readonly orphanAddenda: readonly AddendumRevision[];
  /** First acknowledgement per person, oldest first; never the author's own. */
  readonly acknowledgements: readonly Acknowledgement[];
  /** Ops that change nothing: a second submission, a repeated or the author's own acknowledgement. */
  readonly ignoredOps: readonly string[];
}

export const handover = defineCapability({
  kind: HANDOVER_KIND,
  ops: {
    'handover.submitted': handoverSubmittedSchema,
    'handover.addendum': handoverAddendumSchema,
    'handover.acknowledged': handoverAcknowledgedSchema,
  },
  reduce(ops, { id }): HandoverState {
    // One pass sorting the ops by what they fold into: this runs for every note at each open.
    let first: SubmittedOp | null = null;
    const ignoredOps: string[] = [];
    const acknowledgementOps: AcknowledgedOp[] = [];
    const addendumOps: AddendumOp[] = [];
    for (const op of ops) {
      switch (op.type) {
        case 'handover.submitted':
          // The first submission is the note; a later one cannot replace what was handed over.
          if (first) ignoredOps.push(op.id);
          else first = op;
          break;
        case 'handover.acknowledged':
          acknowledgementOps.push(op);
          break;
        case 'handover.addendum':
          addendumOps.push(op);
      }
    }
    // Not a spread: V8 adds the two keys to a spread copy ten times slower, and every note folds
    // at each open.
    const note: SubmittedNote | null = first ? Object.assign({}, first.data, { opId: first.id, hlc: first.hlc }) : null;

    const acknowledgements: Acknowledgement[] = [];
    const acknowledged = new Set<string>();
    for (const op of acknowledgementOps) {
      const { by, at } = op.data;
      // Signing for one's own note would empty the "unacknowledged" list without a handover.
      if (acknowledged.has(by.memberId) || by.memberId === note?.author.memberId) {
        ignoredOps.push(op.id);
        continue;
      }
      acknowledged.add(by.memberId);
      acknowledgements.push({ opId: op.id, hlc: op.hlc, by, at });
    }

    const log = foldLog(addendumOps);
    return {
      id,
      note,
      addenda: log.entries.map((entry) => addendumOf(entry, log.revisionsOf(entry, revision))),
      orphanAddenda: log.orphans.map(revision),
      acknowledgements,
      ignoredOps,
    };
  },
  // Signed for (签收) and its shift a week over: no longer "unacknowledged", the only list that
  // reads live notes; the briefing and the handover screen read notes by time (changedSince).
  // A restart then leaves it on disk, and so does a history or a search index once read.
  closed: (state, asOf) => state.note !== null && state.acknowledgements.length > 0 && state.note.shiftEndAt < asOf - NOTE_CLOSED_AFTER_MS,
  // The local base's index stores it for every note: a restart's briefing finds "when was I last
  // here" and the changes since from these, reading only the notes it shows (recent-notes.ts).
  summary: noteSummaryOf,
});

/**
 * A submitted note as the briefing's "when was I last here" and "changes" ask it, without reading
 * it (`SyncState.summaries`). Small on purpose: the local base's index holds one per note (14,273
 * at the bench's L, each signed by about ten people) and every restart parses it, so people are
 * `memberTag`s (4 characters; two members may share one, so a reader that finds its own tag reads
 * the note to be sure) and the acknowledgements' times are bounded by the latest, not listed.
 * Null before the submission arrives.
 */
export interface NoteSummary {
  /** The shift's start (`shiftStartAt`): the listing order's first key. */
  readonly s: number;
  /** The author's `at`. */
  readonly t: number;
  /** The author's `memberTag`. */
  readonly a: string;
  /** The `memberTag` of each acknowledgement that counts (签收: first per person, never the author's), concatenated, oldest first. */
  readonly k: string;
  /** The latest `at` of those acknowledgements; absent without one. */
  readonly l?: number;
}

export function noteSummaryOf(state: HandoverState): NoteSummary | null {
  const { note } = state;
  if (!note) return null;
  let tags = '';
  let latest: number | null = null;
  for (const ack of state.acknowledgements) {
    tags += memberTag(ack.by.memberId);
    latest = latest === null ? ack.at : Math.max(latest, ack.at);
  }
  return { s: note.shiftStartAt, t: note.at, a: memberTag(note.author.memberId), k: tags, ...(latest === null ? {} : { l: latest }) };
}

/** The width of a `memberTag`. */
export const MEMBER_TAG_CHARS = 4;
const TAG_SPACE = 36 ** MEMBER_TAG_CHARS;

/** A member id in 4 characters (FNV-1a, base 36): equal ids give equal tags; different ids rarely do. */
export function memberTag(memberId: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < memberId.length; index += 1) hash = Math.imul(hash ^ memberId.charCodeAt(index), 0x01000193) >>> 0;
  return (hash % TAG_SPACE).toString(36).padStart(MEMBER_TAG_CHARS, '0');
}

/** Whether a summary's acknowledgements may include `tag`'s (certainly not when false). */
export function mayHaveSigned(summary: NoteSummary, tag: string): boolean {
  for (let index = 0; index < summary.k.length; index += MEMBER_TAG_CHARS) if (summary.k.startsWith(tag, index)) return true;
  return false;
}

/** How long after its shift ended a signed note stays in memory once read (against the newest note op held, never the wall clock). */
export const NOTE_CLOSED_AFTER_MS = 7 * 24 * 60 * 60_000;

/** The typed builders of a note's ops: `handoverOps.submitted(id, data)`, `.addendum`, `.acknowledged`. */
export const handoverOps = opBuilders(handover);

type HandoverOp = TypedOp<typeof handover.ops>;
type SubmittedOp = Extract<HandoverOp, { type: 'handover.submitted' }>;
type AcknowledgedOp = Extract<HandoverOp, { type: 'handover.acknowledged' }>;
type AddendumOp = Extract<HandoverOp, { type: 'handover.addendum' }>;

/** Shows the latest version under the original's op id. */
function addendumOf(entry: AddendumOp, revisions: AddendumRevision[]): Addendum {
  const { hlc, text, attachments, author, at } = revisions[revisions.length - 1]!;
  return { opId: entry.id, hlc, text, attachments, author, at, revisions };
}

function revision(op: AddendumOp): AddendumRevision {
  const { text, attachments, author, at } = op.data;
  return { opId: op.id, hlc: op.hlc, text, attachments, author, at };
}

/** A submitted note: the state of a handover whose submission has arrived. */
export type SubmittedHandover = HandoverState & { readonly note: SubmittedNote };

export function isSubmitted(state: HandoverState): state is SubmittedHandover {
  return state.note !== null;
}
