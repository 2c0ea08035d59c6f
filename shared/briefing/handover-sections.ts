import {
  escalationState,
  firstNotesNotBy,
  handoversForShift,
  latestWrittenOrSignedBy,
  isOverdue,
  NOTE_CLOCK_MARGIN_MS,
  noteExcerpt,
  noteSummariesSince,
  notesChangedSince,
  openFollowUps,
  PREVIOUS_SHIFT_WINDOW_MS,
  previousHandoverIn,
  runningFollowUpsIn,
  type FollowUp,
  type FollowUpIdentity,
  type RecentNotes,
  type SubmittedHandover,
  type SummarizedNote,
} from '../handover/queries';
import type { BriefingQuery } from './duty';
import { WRITE_PLACE, type ChangesSection, type FollowUpItem, type FollowUpsSection, type HandoverToWriteSection, type Moment, type MyShift, type NoteItem, type PreviousHandoverSection } from './types';

/** The handover capability's part of the briefing, asked through its documented rules (shared/handover README, "Reading"). */

/** A long list is cut here; its place lists everything. */
export const MAX_FOLLOW_UP_ITEMS = 12;
export const MAX_CHANGED_NOTES = 10;

const DAY_MS = 24 * 60 * 60_000;

/**
 * The briefing reads only the notes it shows (a restart leaves the others on disk): "when was I
 * last here" and the changes since come from the summaries of the notes changed since
 * `notesNeededFrom` (shared/handover `noteSummariesSince`), the shift before mine and my own note
 * for my shift from the notes changed since `previousShiftNotesFrom` (`notesChangedSince`); of the
 * changes only the notes shown are read. Windows, in data time, then the margin to the notes' op clock:
 * - `LAST_SEEN_WINDOW_MS`: without a last shift from the rota, "when I was last here" is my
 *   latest note or acknowledgement of the last 90 days (older: none, as for a newcomer);
 * - `PREVIOUS_SHIFT_WINDOW_MS` (shared/handover): the shift before mine is looked for among notes
 *   of shifts that started at most 3 days before mine; when none did, among every note (the rare long gap);
 * - `NOTE_CLOCK_MARGIN_MS` (shared/handover): a note's `at` and its shift are the author's data;
 *   the hlc that `changedSince` compares is the writing device's clock (an acknowledgement's too):
 *   a day covers a clock set wrong, and a note submitted up to a day before its shift starts.
 */
export const LAST_SEEN_WINDOW_MS = 90 * DAY_MS;
export { NOTE_CLOCK_MARGIN_MS, PREVIOUS_SHIFT_WINDOW_MS };

/** The submitted notes a briefing reads, in listing order (newest shift first). */
export type BriefingNotes = RecentNotes;

/**
 * The earliest op time any note the briefing shows can have: the shift before mine (and my own
 * note for my shift), and the changes since I was last here (the rota's end of my last shift, or
 * else the last-seen window), less the clock margin. The notes' summaries are taken from then on.
 */
export function notesNeededFrom(query: BriefingQuery, mine: MyShift | null, lastShiftEndedAt: number | null): number {
  let from = query.now;
  if (mine) from = Math.min(from, mine.shift.startAt - PREVIOUS_SHIFT_WINDOW_MS);
  if (lastShiftEndedAt !== null) from = Math.min(from, lastShiftEndedAt);
  else if (query.me) from = Math.min(from, query.now - LAST_SEEN_WINDOW_MS);
  return from - NOTE_CLOCK_MARGIN_MS;
}

/** The earliest op time a note of the shift before mine, or of mine, can have (the 3-day window less the clock margin). */
export function previousShiftNotesFrom(mine: MyShift): number {
  return mine.shift.startAt - PREVIOUS_SHIFT_WINDOW_MS - NOTE_CLOCK_MARGIN_MS;
}

export function notesOf(query: BriefingQuery, from: number): BriefingNotes {
  return notesChangedSince(query.state, from);
}

/** The summaries of the submitted notes changed since `from`: asked at most once, and only when a section needs them. */
export function noteSummariesOf(query: BriefingQuery, from: number): () => readonly SummarizedNote[] {
  let found: SummarizedNote[] | null = null;
  return () => (found ??= noteSummariesSince(query.state, from));
}

export function noteItem(state: SubmittedHandover, query: BriefingQuery): NoteItem {
  const { note } = state;
  const mine = query.me ? state.acknowledgements.find((ack) => ack.by.memberId === query.me?.memberId) : undefined;
  return {
    id: state.id,
    author: note.author,
    at: note.at,
    excerpt: noteExcerpt(note),
    acknowledged: mine !== undefined,
    acknowledgedAt: mine?.at ?? null,
    place: { screen: 'handover', item: state.id },
  };
}

/** Before and during my shift: the notes of the shift before it, to acknowledge (签收). */
export function previousHandoverSection(query: BriefingQuery, mine: MyShift | null, moment: Moment, notes: BriefingNotes): PreviousHandoverSection | null {
  if (!mine || (moment !== 'before' && moment !== 'during' && moment !== 'ending')) return null;
  const previous = previousHandoverIn(mine.shift, notes);
  if (!previous) return null;
  // My own note for the shift before (I worked both) needs no acknowledgement from me.
  const others = previous.notes.filter((state) => state.note.author.memberId !== query.me?.memberId);
  if (others.length === 0) return null;
  return { kind: 'previousHandover', shift: previous.shift, notes: others.map((state) => noteItem(state, query)) };
}

/** At the end of my shift and just after it, until a note of mine for it is in. */
export function handoverToWriteSection(query: BriefingQuery, mine: MyShift | null, moment: Moment, notes: readonly SubmittedHandover[]): HandoverToWriteSection | null {
  if (!mine || (moment !== 'ending' && moment !== 'after') || !query.me) return null;
  const written = handoversForShift(notes, mine.shift).some((state) => state.note.author.memberId === query.me?.memberId);
  return written ? null : { kind: 'handoverToWrite', shift: mine.shift, place: { screen: 'handover', item: WRITE_PLACE } };
}

/** Overdue first, then running 'Weibo first' escalations by deadline, then the rest by due time. */
type Running = FollowUpIdentity & { readonly current: FollowUp };

function urgency(state: Running, now: number): number {
  if (isOverdue(state.current, now)) return 0;
  return state.current.escalation ? 1 : 2;
}

function followUpItem(state: Running, query: BriefingQuery): FollowUpItem {
  const { current } = state;
  const escalation = escalationState(current, query.now);
  return {
    id: state.id,
    title: current.title,
    owner: current.owner,
    mine: query.me !== null && current.owner.memberId === query.me.memberId,
    dueAt: current.dueAt,
    overdue: isOverdue(current, query.now),
    escalation: escalation && current.escalation ? { ...escalation, department: current.escalation.department } : null,
    place: { screen: 'follow-ups', item: state.id },
  };
}

/** Every open follow-up; on leave or off shift, only mine. */
export function followUpsSection(query: BriefingQuery, moment: Moment): FollowUpsSection | null {
  const onlyMine = moment === 'off' || moment === 'leave';
  const open = openFollowUps(runningFollowUpsIn(query.state), query.now).filter(
    (state) => !onlyMine || state.current.owner.memberId === query.me?.memberId,
  );
  if (open.length === 0) return null;
  // A stable sort keeps the capability's order (overdue, due time, id) inside each urgency.
  const ordered = [...open].sort((a, b) => urgency(a, query.now) - urgency(b, query.now));
  const items = ordered.slice(0, MAX_FOLLOW_UP_ITEMS).map((state) => followUpItem(state, query));
  return {
    kind: 'followUps',
    items,
    overdueCount: open.filter((state) => isOverdue(state.current, query.now)).length,
    more: open.length - items.length,
    place: { screen: 'follow-ups' },
  };
}

/**
 * When I was last here: the end of my last shift (the rota knows it), or else the latest note I
 * wrote or signed for within the last `LAST_SEEN_WINDOW_MS` (90 days). Null for someone who has
 * done neither: nothing is "new" to a newcomer, nor to someone away longer than that (the history
 * shows what they missed). `notes`: the summaries of at least every note changed within the
 * window (asked only without a last shift); a note is read only if it may be mine
 * (`latestWrittenOrSignedBy`).
 */
export function lastSeenAt(query: BriefingQuery, lastShiftEndedAt: number | null, notes: () => readonly SummarizedNote[]): number | null {
  if (lastShiftEndedAt !== null) return lastShiftEndedAt;
  const me = query.me?.memberId;
  if (!me) return null;
  return latestWrittenOrSignedBy(query.state, me, notes(), query.now - LAST_SEEN_WINDOW_MS, query.now);
}

/**
 * Others' notes submitted since I was last here that I have not signed for, leaving out those
 * already shown to acknowledge: chosen from the notes' summaries, reading the `MAX_CHANGED_NOTES`
 * shown (and those that may be mine, to be sure: `firstNotesNotBy`).
 */
export function changesSection(
  query: BriefingQuery,
  since: number | null,
  notes: () => readonly SummarizedNote[],
  shown: ReadonlySet<string>,
): ChangesSection | null {
  if (since === null) return null;
  const fresh = notes().filter(({ id, summary }) => summary.t > since && !shown.has(id));
  const first = firstNotesNotBy(query.state, query.me?.memberId ?? null, fresh, MAX_CHANGED_NOTES);
  if (first.length === 0) return null;
  return { kind: 'changes', since, notes: first.map((state) => noteItem(state, query)) };
}
