import type { Attachment } from '../attachments';
import type { BilingualName, Person, ShiftInstance } from '../team-settings';
import type {
  AreaBusFactor,
  ChecklistDef,
  ChecklistEntry,
  DiffLine,
  MergeChunk,
  PendingAcknowledgement,
  PublishedVersion,
  ReviewDue,
  RevisionStatus,
  SopArea,
  SopIssue,
  SopMeta,
  SopSetAsideReason,
  TickSetAsideReason,
} from '../sop';

/** What the SOP operations answer with: plain JSON views of the fold, shaped for the screens. */

export type SopChecked<T> = ({ ok: true } & T) | { ok: false; issues: SopIssue[] };

export interface SopViewer {
  readonly memberId: string | null;
  readonly isLead: boolean;
  /** May write drafts (editor or lead). */
  readonly canWrite: boolean;
}

export interface SopSummary {
  readonly id: string;
  readonly title: string;
  readonly area: SopArea;
  /** Null before the first publication. */
  readonly version: number | null;
  readonly publishedAt: number | null;
  readonly owner: Person | null;
  readonly reviewBy: string | null;
  readonly reviewOverdue: boolean;
  readonly fork: boolean;
  /** The person on this computer must (re-)acknowledge it. */
  readonly mustAcknowledge: boolean;
  /** Drafts waiting for a lead. */
  readonly submitted: number;
}

export interface ReviewQueueItem {
  readonly sopId: string;
  readonly title: string;
  readonly revision: string;
  readonly by: Person;
  readonly at: number;
  /** Whether the person on this computer may publish it (a lead, and not their own unless the only lead). */
  readonly mayPublish: boolean;
}

export interface SopLibrary {
  readonly viewer: SopViewer;
  readonly areas: ReadonlyArray<{ readonly area: SopArea; readonly sops: readonly SopSummary[] }>;
  readonly pending: readonly PendingAcknowledgement[];
  readonly reviewQueue: readonly ReviewQueueItem[];
  readonly reviewsDue: readonly ReviewDue[];
  readonly busFactor: readonly AreaBusFactor[];
  readonly pendingBySop: ReadonlyArray<{ sopId: string; title: string; waiting: Array<{ memberId: string; name: string }> }>;
  readonly publishedSince: readonly PublishedVersion[];
}

export interface RevisionView {
  readonly id: string;
  readonly parents: readonly string[];
  readonly title: string;
  readonly body: string;
  readonly checklist: readonly ChecklistDef[];
  readonly pictures: readonly Attachment[];
  readonly by: Person;
  readonly at: number;
  readonly status: RevisionStatus;
  /** Version number when published. */
  readonly version: number | null;
  readonly restores: string | null;
  readonly returnComment: string | null;
  readonly isHead: boolean;
}

export interface SopDetail {
  readonly id: string;
  readonly title: string;
  readonly meta: SopMeta;
  readonly metaConflicts: ReadonlyArray<keyof SopMeta>;
  readonly viewer: SopViewer;
  readonly published: RevisionView | null;
  /** Visible revisions (drafts only to their author and the leads), newest first. */
  readonly revisions: readonly RevisionView[];
  /** The revision an edit starts from: the single head, or the published one during a fork. */
  readonly editFrom: RevisionView | null;
  readonly fork: { readonly heads: readonly RevisionView[] } | null;
  readonly myPending: PendingAcknowledgement | null;
  readonly acknowledgedBy: ReadonlyArray<{ readonly name: string; readonly version: number }>;
  readonly waiting: ReadonlyArray<{ readonly name: string }>;
  /** The review-by date passed, when the viewer is the owner or a lead (they review it); null otherwise. */
  readonly reviewDue: string | null;
  readonly setAside: ReadonlyArray<{ readonly opId: string; readonly reason: SopSetAsideReason }>;
}

export interface SopMergeView {
  readonly base: RevisionView | null;
  readonly ours: RevisionView;
  readonly theirs: RevisionView;
  readonly chunks: readonly MergeChunk[];
  readonly titles: { readonly ours: string; readonly theirs: string };
}

export interface ShiftChecklistPayload {
  readonly shift: ShiftInstance | null;
  /** The shift type's name in both languages. */
  readonly shiftName: BilingualName | null;
  readonly timeZone: string;
  readonly entries: readonly ChecklistEntry[];
  readonly next: ChecklistEntry | null;
  readonly pastDue: number;
  readonly truncated: boolean;
  /** Ticks that do not count, with why (someone not on the shift, or in another's name). */
  readonly setAside: ReadonlyArray<{ readonly opId: string; readonly key: string; readonly by: Person; readonly at: number; readonly reason: TickSetAsideReason }>;
  /** Why this computer's person may not tick this shift's items (their roles, or the rota has them off it); null: they may. */
  readonly tickRefusal: 'role' | 'not-on-shift' | null;
}

export interface SopSearchHit {
  readonly sopId: string;
  readonly area: SopArea;
  readonly title: string;
  readonly kind: 'title' | 'body' | 'checklist';
  readonly snippet: string;
}

export type { DiffLine };
