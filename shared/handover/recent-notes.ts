import type { ReadonlySyncState } from '../sync';
import { handover, isSubmitted, mayHaveSigned, memberTag, type NoteSummary, type SubmittedHandover } from './handover';
import { compareHandovers, previousHandoverFor, submittedHandovers, type PreviousHandover } from './handover-rules';

/**
 * Reading only the notes a screen can need (a restart leaves the others on disk): those changed
 * since a time (`list(handover, { changedSince })`), with every note read only when they cannot
 * answer. Used by the briefing and the handover screen.
 */

const DAY_MS = 24 * 60 * 60_000;

/** The shift before mine is looked for among notes of shifts that started at most 3 days before mine; when none did, among every note. */
export const PREVIOUS_SHIFT_WINDOW_MS = 3 * DAY_MS;

/**
 * A note's `at` and its shift are the author's data; the hlc `changedSince` compares is the writing
 * device's clock: a day covers a clock set wrong, and a note submitted up to a day before its shift
 * starts. A note submitted earlier than that (a typo'd date) may be missed by a window.
 */
export const NOTE_CLOCK_MARGIN_MS = DAY_MS;

/** The submitted notes changed since `from`, in listing order (newest shift first). */
export interface RecentNotes {
  /** Every note changed at or after `from` (an op, a note's or an acknowledgement's, from then on). */
  readonly recent: readonly SubmittedHandover[];
  readonly from: number;
  /** Every note: read only when the recent ones cannot answer (once, then kept). */
  all(): readonly SubmittedHandover[];
}

export function notesChangedSince(state: Pick<ReadonlySyncState, 'list'>, from: number): RecentNotes {
  const list = (changedSince?: number) => submittedHandovers(state.list(handover, changedSince === undefined ? {} : { changedSince }).map((entry) => entry.state));
  let all: SubmittedHandover[] | null = null;
  return { recent: list(from), from, all: () => (all ??= list()) };
}

/** The op time from which the notes of shifts starting at or after `shiftStartAt` are all listed. */
export function notesWindowFrom(shiftStartAt: number): number {
  return shiftStartAt - NOTE_CLOCK_MARGIN_MS;
}

/** Every note of a shift starting at or after this is among `recent`. */
function coveredFrom(notes: RecentNotes): number {
  return notes.from + NOTE_CLOCK_MARGIN_MS;
}

/**
 * `previousHandoverFor(shift, every note)`: the notes of the latest shift before `shift` that has
 * any. Found among the recent notes when that shift is covered by them (every note of it, and of
 * any later shift, is recent then); otherwise among every note. List from at most
 * `notesWindowFrom(shift.startAt - PREVIOUS_SHIFT_WINDOW_MS)` so that the usual case is answered.
 */
export function previousHandoverIn(shift: { readonly startAt: number }, notes: RecentNotes): PreviousHandover | null {
  const recent = previousHandoverFor(shift, notes.recent);
  if (recent && recent.notes[0]!.note.shiftStartAt >= coveredFrom(notes)) return recent;
  return previousHandoverFor(shift, notes.all());
}

/** The newest note (listing order) written by `memberId`, among every note: the recent ones first when they can answer. */
export function latestNoteBy(memberId: string, notes: RecentNotes): SubmittedHandover | null {
  const recent = notes.recent.find((state) => state.note.author.memberId === memberId);
  if (recent && recent.note.shiftStartAt >= coveredFrom(notes)) return recent;
  return notes.all().find((state) => state.note.author.memberId === memberId) ?? null;
}

/** A submitted note's summary (`NoteSummary`) with its id. */
export interface SummarizedNote {
  readonly id: string;
  readonly summary: NoteSummary;
}

/**
 * The summaries of the submitted notes that `notesChangedSince(state, from).recent` lists, in no
 * particular order, reading none of them when the local base's index holds their summaries (a
 * note without a stored one is read, as the list would read it).
 */
export function noteSummariesSince(state: Pick<ReadonlySyncState, 'summaries'>, from: number): SummarizedNote[] {
  const found: SummarizedNote[] = [];
  for (const { id, summary } of state.summaries(handover, { changedSince: from })) if (summary !== null) found.push({ id, summary: summary as NoteSummary });
  return found;
}

function read(state: Pick<ReadonlySyncState, 'get'>, id: string): SubmittedHandover | null {
  const note = state.get(handover, id);
  // A summary is what the state gives: a summarized note's state is there and submitted.
  return note && isSubmitted(note) ? note : null;
}

/**
 * The latest time within `[from, to]` at which `memberId` wrote one of `notes` (its `at`) or
 * signed one (the acknowledgement's `at`); null if none. Reads only notes that carry the member's
 * tag, to be sure: the newest one written with it, and those signed with it by their latest
 * acknowledgement, newest first, until none can be later.
 */
export function latestWrittenOrSignedBy(state: Pick<ReadonlySyncState, 'get'>, memberId: string, notes: readonly SummarizedNote[], from: number, to: number): number | null {
  const tag = memberTag(memberId);
  const counts = (at: number) => at >= from && at <= to;
  let latest: number | null = null;
  const written = notes.filter(({ summary }) => summary.a === tag && counts(summary.t)).sort((a, b) => b.summary.t - a.summary.t);
  for (const { id } of written) {
    const note = read(state, id);
    if (note?.note.author.memberId === memberId) {
      latest = note.note.at;
      break;
    }
  }
  const signed = notes.filter(({ summary }) => summary.l !== undefined && summary.l >= from && mayHaveSigned(summary, tag)).sort((a, b) => b.summary.l! - a.summary.l!);
  for (const { id, summary } of signed) {
    // No acknowledgement of this note, nor of any after it, is later than its latest.
    if (latest !== null && summary.l! <= latest) break;
    const ack = read(state, id)?.acknowledgements.find((candidate) => candidate.by.memberId === memberId);
    if (ack && counts(ack.at)) latest = Math.max(latest ?? ack.at, ack.at);
  }
  return latest;
}

/**
 * The first `count` in listing order (`compareHandovers`: newest shift first) of `notes` that
 * `memberId` neither wrote nor signed (any of them when null). Reads those, the others of the
 * last shift they reach (the order within a shift is the submissions' hlc, which the summary
 * leaves out), and, to be sure, those before that carry the member's tag.
 */
export function firstNotesNotBy(state: Pick<ReadonlySyncState, 'get'>, memberId: string | null, notes: readonly SummarizedNote[], count: number): SubmittedHandover[] {
  if (count <= 0) return [];
  const tag = memberId === null ? null : memberTag(memberId);
  const byShift = [...notes].sort((a, b) => b.summary.s - a.summary.s);
  const found: SubmittedHandover[] = [];
  for (const { id, summary } of byShift) {
    if (found.length >= count && summary.s < found[count - 1]!.note.shiftStartAt) break;
    const note = read(state, id);
    if (!note) continue;
    const maybeMine = tag !== null && (summary.a === tag || mayHaveSigned(summary, tag));
    if (maybeMine && (note.note.author.memberId === memberId || note.acknowledgements.some((ack) => ack.by.memberId === memberId))) continue;
    found.push(note);
  }
  return found.sort(compareHandovers).slice(0, count);
}
