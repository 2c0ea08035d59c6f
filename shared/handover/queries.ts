/**
 * Handover's documented queries: what other capabilities and the briefing may ask of the folded
 * notes and follow-ups. Read the states with `state.list(handover)` / `state.list(followUp)`, then
 * ask these. Everything else in shared/handover is its own business: the lint rule lets another
 * capability import only this file. Pure and deterministic on every device; a rule that depends on
 * the time takes `now`.
 */
export { HANDOVER_KIND, handover, isSubmitted, type HandoverState, type NoteSummary, type SubmittedHandover, type SubmittedNote } from './handover';
export { FOLLOW_UP_KIND, followUp, type FollowUp, type FollowUpState } from './follow-up';
export { handoversForShift, noteExcerpt, previousHandoverFor, submittedHandovers, unacknowledged, hasAcknowledged, type PreviousHandover } from './handover-rules';
export { NOTE_CLOCK_MARGIN_MS, PREVIOUS_SHIFT_WINDOW_MS, firstNotesNotBy, latestNoteBy, latestWrittenOrSignedBy, noteSummariesSince, notesChangedSince, notesWindowFrom, previousHandoverIn, type RecentNotes, type SummarizedNote } from './recent-notes';
export { SECTION_KEYS, type SectionKey } from './sections';
export { carryOver, effectiveDueAt, escalationState, isCreated, isOverdue, openFollowUps, runningFollowUpsIn, type CreatedFollowUp, type FollowUpIdentity, type EscalationState } from './follow-up-rules';
