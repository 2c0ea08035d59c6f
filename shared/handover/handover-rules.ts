import { isRunning } from './follow-up-rules';
import type { FollowUpState } from './follow-up';
import { isSubmitted, type HandoverState, type SubmittedHandover } from './handover';
import { shiftKey, type ShiftRef } from '../team-settings';

/** Rules about handover notes: which to show, to whom, in which order. */

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Listing order: newest shift first; notes of one shift in the order they were submitted, so that
 * two notes for the same shift stand together, first one first.
 */
export function compareHandovers(a: SubmittedHandover, b: SubmittedHandover): number {
  return b.note.shiftStartAt - a.note.shiftStartAt || compareStrings(a.note.hlc, b.note.hlc) || compareStrings(a.id, b.id);
}

export function submittedHandovers(all: readonly HandoverState[]): SubmittedHandover[] {
  return all.filter(isSubmitted).sort(compareHandovers);
}

/** Every note written for one shift, first submitted first. */
export function handoversForShift(all: readonly HandoverState[], shift: ShiftRef): SubmittedHandover[] {
  const key = shiftKey(shift);
  return submittedHandovers(all).filter((state) => shiftKey(state.note) === key);
}

export interface PreviousHandover {
  /** The shift the notes were written for. */
  readonly shift: ShiftRef;
  readonly notes: readonly SubmittedHandover[];
}

/**
 * What the person starting `shift` acknowledges: the notes of the latest earlier shift that has
 * any. That is usually the previous shift; when it left no note, the latest note before it, so
 * that nothing handed over is skipped (compare `shift` with `previousShift` to say so).
 */
export function previousHandoverFor(
  shift: { readonly startAt: number },
  all: readonly HandoverState[],
): PreviousHandover | null {
  const earlier = submittedHandovers(all).filter((state) => state.note.shiftStartAt < shift.startAt);
  // Listing order is newest shift first.
  const latest = earlier[0];
  if (!latest) return null;
  const key = shiftKey(latest.note);
  return {
    shift: { date: latest.note.date, shiftTypeId: latest.note.shiftTypeId },
    notes: earlier.filter((state) => shiftKey(state.note) === key),
  };
}

/**
 * The previous shift's notes as the person on this computer sees them: their own notes are left
 * out (one who wrote for that shift is handing over, not taking over), and with only their own
 * notes there is nothing to acknowledge.
 */
export function previousHandoverForMe(
  shift: { readonly startAt: number },
  all: readonly HandoverState[],
  memberId: string | null,
): PreviousHandover | null {
  const previous = previousHandoverFor(shift, all);
  if (!previous) return null;
  const notes = previous.notes.filter((state) => state.note.author.memberId !== memberId);
  return notes.length > 0 ? { shift: previous.shift, notes } : null;
}

export function isAcknowledged(state: HandoverState): boolean {
  return state.acknowledgements.length > 0;
}

export function hasAcknowledged(state: HandoverState, memberId: string): boolean {
  return state.acknowledgements.some((ack) => ack.by.memberId === memberId);
}

/** Submitted notes nobody but the author has signed for (签收), newest first. */
export function unacknowledged(all: readonly HandoverState[]): SubmittedHandover[] {
  return submittedHandovers(all).filter((state) => !isAcknowledged(state));
}

export interface HandoverFilter {
  readonly shiftTypeId?: string;
  readonly authorId?: string;
  /** yyyy-MM-dd, inclusive. */
  readonly fromDate?: string;
  readonly toDate?: string;
  readonly unacknowledged?: boolean;
  /** Notes that created or carried a follow-up that is still open or waiting. */
  readonly hasOpenFollowUps?: boolean;
}

/** The history list: submitted notes matching every filter given, newest first. */
export function filterHandovers(
  all: readonly HandoverState[],
  filter: HandoverFilter,
  followUps: readonly FollowUpState[],
): SubmittedHandover[] {
  const running = followUps.filter((state) => state.current !== null && isRunning(state.current));
  const runningIds = new Set(running.map((state) => state.id));
  const notesWithRunning = new Set(running.map((state) => state.current?.handoverId));
  return submittedHandovers(all).filter(({ id, note, acknowledgements }) => {
    if (filter.shiftTypeId !== undefined && note.shiftTypeId !== filter.shiftTypeId) return false;
    if (filter.authorId !== undefined && note.author.memberId !== filter.authorId) return false;
    if (filter.fromDate !== undefined && note.date < filter.fromDate) return false;
    if (filter.toDate !== undefined && note.date > filter.toDate) return false;
    if (filter.unacknowledged === true && acknowledgements.length > 0) return false;
    if (filter.hasOpenFollowUps === true && !notesWithRunning.has(id) && !note.followUpIds.some((ref) => runningIds.has(ref))) {
      return false;
    }
    return true;
  });
}

const EXCERPT_CHARS = 140;

/** A note's opening for a list: the summary (or else the notes for the next shift) in plain words. */
export function noteExcerpt(note: Pick<SubmittedHandover['note'], 'sections'>): string {
  return plainText(note.sections.summary.trim() || note.sections.nextShift.trim()).slice(0, EXCERPT_CHARS);
}

/** A one-line excerpt or search passage shows words, not Markdown's marks (**, #, >, list bullets). */
export function plainText(markdown: string): string {
  return markdown.replace(/[*_`~#>]+/g, '').replace(/^\s*[-+]\s+/gm, '').replace(/\s+/g, ' ').trim();
}
