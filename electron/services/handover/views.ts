import type { FollowUpDetail, FollowUpView, HandoverSummary, HandoverView } from '../../../shared/api/handover-views';
import { compareFollowUps, effectiveDueAt, escalationState, followUpConflicts, followUpHistory, isCreated, isOverdue, noteExcerpt, openFollowUps, type CreatedFollowUp, type FollowUpState, type SubmittedHandover } from '../../../shared/handover';

/** Folded states as the screens' views: plain JSON, with the flags that need `now` computed here. */

export function followUpView(state: CreatedFollowUp, now: number): FollowUpView {
  const current = state.current;
  return {
    ...current,
    id: state.id,
    overdue: isOverdue(current, now),
    effectiveDueAt: effectiveDueAt(current),
    escalationState: escalationState(current, now),
    hasConflicts: state.hasConflicts,
    commentCount: state.comments.length,
  };
}

export function followUpDetail(state: CreatedFollowUp, now: number): FollowUpDetail {
  return { ...followUpView(state, now), comments: state.comments, history: followUpHistory(state), conflicts: followUpConflicts(state) };
}

export function handoverView(state: SubmittedHandover): HandoverView {
  return { id: state.id, note: state.note, addenda: state.addenda, acknowledgements: state.acknowledgements };
}

export function handoverSummary(state: SubmittedHandover): HandoverSummary {
  const { note } = state;
  return {
    id: state.id,
    date: note.date,
    shiftTypeId: note.shiftTypeId,
    shiftStartAt: note.shiftStartAt,
    author: note.author,
    at: note.at,
    excerpt: noteExcerpt(note),
    acknowledgedBy: state.acknowledgements.map((ack) => ack.by),
    addendumCount: state.addenda.length,
    attachmentCount: note.attachments.length,
    followUpCount: note.followUpIds.length,
  };
}

/** Every open or waiting follow-up as views, overdue first. */
export function openFollowUpViews(all: readonly FollowUpState[], now: number): FollowUpView[] {
  return openFollowUps(all, now).map((state) => followUpView(state, now));
}

/** Follow-ups in the order every list shows them: overdue first, then by due time. */
export function sortedFollowUpViews(all: ReadonlyArray<FollowUpState | undefined>, now: number): FollowUpView[] {
  return all
    .filter((state) => state !== undefined && isCreated(state))
    .sort((a, b) => compareFollowUps(a, b, now))
    .map((state) => followUpView(state, now));
}
