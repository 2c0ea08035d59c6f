import type { Acknowledgement, Addendum, EscalationState, FollowUp, FollowUpComment, FollowUpConflict, FollowUpHistoryEntry, SubmittedNote } from '../handover';
import type { Department, Person, ShiftInstance, ShiftRef, ShiftType } from '../team-settings';
import type { ShiftProposal } from '../handover';
import type { PassagePart, SearchKind } from '../search';

/**
 * What the handover operations answer with: plain JSON views of the folded states, shaped for the
 * screens (counts and flags computed in the service, where `now` and the whole state are known).
 */

export interface FollowUpView extends FollowUp {
  readonly id: string;
  readonly overdue: boolean;
  /** The earlier of the due time and the 'Weibo first' deadline. */
  readonly effectiveDueAt: number;
  readonly escalationState: EscalationState | null;
  readonly hasConflicts: boolean;
  readonly commentCount: number;
}

export interface FollowUpDetail extends FollowUpView {
  readonly comments: readonly FollowUpComment[];
  readonly history: readonly FollowUpHistoryEntry[];
  /** Per field in conflict, the winning value and those its author had not seen, with who and when. */
  readonly conflicts: readonly FollowUpConflict[];
}

export interface HandoverView {
  readonly id: string;
  readonly note: SubmittedNote;
  readonly addenda: readonly Addendum[];
  readonly acknowledgements: readonly Acknowledgement[];
}

export interface HandoverSummary {
  readonly id: string;
  readonly date: string;
  readonly shiftTypeId: string;
  readonly shiftStartAt: number;
  readonly author: Person;
  readonly at: number;
  /** The summary section's opening, for the list. */
  readonly excerpt: string;
  readonly acknowledgedBy: readonly Person[];
  readonly addendumCount: number;
  readonly attachmentCount: number;
  readonly followUpCount: number;
}

export interface HandoverDetail extends HandoverView {
  /** Other notes for the same shift: shown together, never merged. */
  readonly sameShift: readonly HandoverView[];
  /** The follow-ups the note created or carried, as they stand now. */
  readonly followUps: readonly FollowUpView[];
  /** Whether the person on this computer may acknowledge (not the author, not yet signed). */
  readonly canAcknowledge: boolean;
}

export interface ShiftContext {
  readonly now: number;
  readonly timeZone: string;
  readonly shiftTypes: readonly ShiftType[];
  readonly departments: readonly Department[];
  readonly escalationMinutes: number;
  readonly current: ShiftInstance | null;
  readonly proposed: ShiftInstance | null;
  /** The proposed shift with the reason, for the screen to say why it picked it. */
  readonly proposal: ShiftProposal | null;
  /** The previous shift's notes, for the incoming person to acknowledge. */
  readonly previous: { readonly shift: ShiftRef; readonly notes: readonly HandoverView[] } | null;
  /** Every open or waiting follow-up, overdue first. */
  readonly openFollowUps: readonly FollowUpView[];
  /** The person on this computer; null before they have a name and a member id. */
  readonly me: Person | null;
  /** Notes nobody has acknowledged yet. */
  readonly unacknowledgedCount: number;
  /** The last note the person on this computer submitted: they see who signed it (签收) and when. */
  readonly mine: HandoverView | null;
  /** The previous shift's notes this person has not signed yet (the sidebar's badge). */
  readonly waitingForMe: number;
}

export interface SearchResult {
  readonly id: string;
  readonly kind: SearchKind;
  readonly date: string;
  /** A note's shift type; null for a follow-up. */
  readonly shiftTypeId: string | null;
  readonly title: string;
  readonly terms: readonly string[];
  /** Where the words were found, with them marked. */
  readonly passage: readonly PassagePart[];
}
