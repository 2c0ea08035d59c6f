import { randomBytes } from 'node:crypto';
import type { Checked } from '../../../shared/api/checked';
import type { FollowUpDetail, HandoverDetail, HandoverSummary, SearchResult, ShiftContext } from '../../../shared/api/handover-views';
import { ApiFailure } from '../../../shared/api/result';
import { followUp, followUpCreatedData, followUpOps, handover, handoverOps, handoversForShift, hasAcknowledged, isCreated, isSubmitted, latestNoteBy, notesChangedSince, notesWindowFrom, prefillDraft, PREVIOUS_SHIFT_WINDOW_MS, previousHandoverIn, shiftProposal, submissionFromDraft, validateAddendum, validateComment, validateFollowUpChanges, type ChecklistItem, type FollowUpFields, type FollowUpInput, type HandoverDraft, type HandoverFilter } from '../../../shared/handover';
import { TEAM_SETTINGS_ID, currentShift, upcomingShift, teamSettings, teamSettingsOf, type Person, type ShiftRef, type TeamSettings } from '../../../shared/team-settings';
import type { Attachment } from '../../../shared/attachments';
import { lwwSetData } from '../../../shared/sync/lww';
import type { Op } from '../../../shared/sync/op';
import type { SyncStatus } from '../../../shared/sync/status';
import type { ReadonlySyncState } from '../../../shared/sync/trust-plug';
import type { Logger } from '../log';
import type { OpDraft } from '../../../shared/sync/op-draft';
import type { SyncChange } from '../sync/sync-service';
import { DraftStore } from './draft-store';
import { HistoryLists } from './history-lists';
import { SearchIndex } from './search-index';
import { searchResultOf } from './search-results';
import { followUpDetail, handoverSummary, handoverView, openFollowUpViews, sortedFollowUpViews } from './views';

/** The part of the sync service this one uses. */
export interface HandoverSync {
  readonly state: ReadonlySyncState;
  record(drafts: readonly OpDraft[]): Op[];
  onChange(listener: (change: SyncChange) => void): () => void;
  onStatus(listener: (status: SyncStatus) => void): () => void;
}

export interface HandoverServiceOptions {
  readonly sync: HandoverSync;
  readonly profileDir: string;
  /** The person on this computer: member id (the sync identity) and name (settings); null before both exist. */
  readonly me: () => Person | null;
  readonly log: Logger;
  readonly now?: () => number;
  /** The shift's checklist from the SOPs (done or not, who ticked, link), for the note's `checklist`. */
  readonly checklist?: (shift: ShiftRef) => ChecklistItem[];
}

const newId = () => randomBytes(12).toString('base64url');

/**
 * Handover notes and follow-ups: reads the fold, writes ops through `sync.record` (durable in the
 * outbox before it returns, whether or not the shared folder is there), keeps the private draft
 * and the search index. Plain Node; the bridge handlers are in `handlers.ts`.
 */
export class HandoverService {
  readonly drafts: DraftStore;
  private readonly search: SearchIndex;
  private readonly lists: HistoryLists;
  private readonly now: () => number;
  private folderAvailable = false;
  private readonly unsubscribe: Array<() => void> = [];

  constructor(private readonly options: HandoverServiceOptions) {
    this.now = options.now ?? Date.now;
    this.drafts = new DraftStore(options.profileDir, options.log);
    this.search = new SearchIndex(() => options.sync.state, () => this.settings().timeZone, options.log);
    this.lists = new HistoryLists(() => options.sync.state);
    this.unsubscribe.push(
      options.sync.onChange((change) => {
        if (!change.touchedKinds.some((kind) => kind === handover.kind || kind === followUp.kind)) return;
        this.search.changed(change.touched);
        this.lists.changed();
      }),
      options.sync.onStatus((status) => {
        this.folderAvailable = status.available;
      }),
    );
  }

  /** Builds the search index in the background. */
  start(): Promise<void> {
    return this.search.start();
  }

  close(): void {
    for (const off of this.unsubscribe.splice(0)) off();
  }

  private get state(): ReadonlySyncState {
    return this.options.sync.state;
  }

  settings(): TeamSettings {
    return teamSettingsOf(this.state.get(teamSettings, TEAM_SETTINGS_ID));
  }

  /** `live`: the running ones are all that is needed (a closed follow-up is done or dropped): a restart leaves the others on disk. */
  private followUpStates(options: { live: boolean }) {
    return this.state.list(followUp, options.live ? { live: true } : {}).map((entry) => entry.state);
  }

  /**
   * The notes changed since `from` (a restart leaves the older ones on disk), every note read
   * only when they cannot answer (shared/handover recent-notes.ts).
   */
  private notesSince(from: number) {
    return notesChangedSince(this.state, from);
  }

  private requireMe(): Person {
    const me = this.options.me();
    if (!me) throw new ApiFailure('unavailable', 'this computer has no member name yet (finish the first run)');
    return me;
  }

  private record(drafts: OpDraft[]): { queued: boolean } {
    this.options.sync.record(drafts);
    return { queued: !this.folderAvailable };
  }

  getShiftContext(): ShiftContext {
    const now = this.now();
    const settings = this.settings();
    const proposal = shiftProposal(now, settings.shiftTypes, settings.timeZone);
    const current = currentShift(now, settings.shiftTypes, settings.timeZone);
    const me = this.options.me();
    // The incoming person acknowledges the notes of the shift before the one under way; between
    // shifts (in early for the 08:00 shift), before the one about to start: the night's note.
    const reference = current ?? upcomingShift(now, settings.shiftTypes, settings.timeZone) ?? proposal?.shift ?? null;
    // Read from a window around the reference shift; every note only for a long gap before it,
    // or for someone who wrote nothing within it.
    const notes = this.notesSince(notesWindowFrom((reference?.startAt ?? now) - PREVIOUS_SHIFT_WINDOW_MS));
    const found = reference ? previousHandoverIn(reference, notes) : null;
    // My own notes for that shift are left out (I am handing over, not taking over).
    const others = found ? found.notes.filter((state) => state.note.author.memberId !== me?.memberId) : [];
    const previous = found && others.length > 0 ? { shift: found.shift, notes: others } : null;
    // Newest first: the author's last note, with who signed it and when.
    const mine = me ? latestNoteBy(me.memberId, notes) : null;
    return {
      now,
      timeZone: settings.timeZone,
      shiftTypes: settings.shiftTypes,
      departments: settings.departments,
      escalationMinutes: settings.escalationMinutes,
      current,
      proposed: proposal?.shift ?? null,
      proposal,
      previous: previous ? { shift: previous.shift, notes: previous.notes.map(handoverView) } : null,
      openFollowUps: openFollowUpViews(this.followUpStates({ live: true }), now),
      me,
      unacknowledgedCount: this.lists.get({ unacknowledged: true }).length,
      mine: mine ? handoverView(mine) : null,
      waitingForMe: previous && me ? previous.notes.filter((state) => !hasAcknowledged(state, me.memberId)).length : 0,
    };
  }

  getDraft(): { draft: HandoverDraft; saved: boolean } {
    const saved = this.drafts.read();
    if (saved) return { draft: this.withChecklist(saved), saved: true };
    return { draft: this.withChecklist(prefillDraft({ now: this.now(), settings: this.settings(), followUps: this.followUpStates({ live: true }) })), saved: false };
  }

  /**
   * The checklist is not typed by the person: it is what the shift's ticks say now, so it is
   * taken afresh for the draft's shift each time (a saved draft does not keep a stale one).
   */
  private withChecklist(draft: HandoverDraft): HandoverDraft {
    const checklist = this.options.checklist?.(draft);
    return checklist && checklist.length > 0 ? { ...draft, checklist } : draft;
  }

  async saveDraft(draft: HandoverDraft): Promise<{ savedAt: number }> {
    await this.drafts.save(draft);
    return { savedAt: this.now() };
  }

  async discardDraft(): Promise<{ discarded: boolean }> {
    await this.drafts.remove(this.now());
    return { discarded: true };
  }

  /**
   * Saves what was typed first (an error must not lose it), checks it, writes each new follow-up,
   * then the note, and removes the draft only once `record` has returned (the ops are in the outbox).
   */
  async submit(draft: HandoverDraft): Promise<Checked<{ id: string; queued: boolean }>> {
    await this.drafts.save(draft);
    const author = this.requireMe();
    const id = newId();
    const checked = submissionFromDraft(this.withChecklist(draft), {
      now: this.now(),
      settings: this.settings(),
      author,
      handoverId: id,
      newFollowUpId: newId,
      followUps: this.followUpStates({ live: true }),
    });
    if (!checked.ok) return { ok: false, issues: [...checked.issues] };
    const { followUps, handover: data } = checked.value;
    const result = this.record([
      ...followUps.map((item) => followUpOps.created(item.id, item.data)),
      handoverOps.submitted(id, data),
    ]);
    await this.drafts.remove(draft.updatedAt);
    return { ok: true, id, ...result };
  }

  addAddendum(id: string, text: string, attachments: Attachment[]): Checked<{ queued: boolean }> {
    const author = this.requireMe();
    this.requireNote(id);
    const issues = validateAddendum({ text, attachments });
    if (issues.length > 0) return { ok: false, issues };
    const data = { text: text.trim(), attachments, author, at: this.now() };
    return { ok: true, ...this.record([handoverOps.addendum(id, data)]) };
  }

  acknowledge(id: string): { acknowledged: boolean; queued: boolean } {
    const me = this.requireMe();
    const state = this.requireNote(id);
    // The author's own and a repeated acknowledgement would be ignored by the fold: not written at all.
    if (state.note.author.memberId === me.memberId || hasAcknowledged(state, me.memberId)) {
      return { acknowledged: false, queued: false };
    }
    return { acknowledged: true, ...this.record([handoverOps.acknowledged(id, { by: me, at: this.now() })]) };
  }

  private requireNote(id: string) {
    const state = this.state.get(handover, id);
    if (!state || !isSubmitted(state)) throw new ApiFailure('not-found', `no handover note ${id}`);
    return state;
  }

  listHandovers(filter: HandoverFilter, offset: number, limit: number): { total: number; items: HandoverSummary[] } {
    const ids = this.lists.get(filter);
    // The page's notes by id: the list keeps ids, not notes (history-lists.ts).
    const items = ids.slice(offset, offset + limit).flatMap((id) => {
      const state = this.state.get(handover, id);
      return state && isSubmitted(state) ? [handoverSummary(state)] : [];
    });
    return { total: ids.length, items };
  }

  getHandover(id: string): HandoverDetail {
    const state = this.requireNote(id);
    const now = this.now();
    const me = this.options.me();
    // Every note of its shift is among those changed since that shift's start (less the margin).
    const others = handoversForShift(this.notesSince(notesWindowFrom(state.note.shiftStartAt)).recent, state.note).filter((other) => other.id !== id);
    const followUps = sortedFollowUpViews(state.note.followUpIds.map((ref) => this.state.get(followUp, ref)), now);
    return {
      ...handoverView(state),
      sameShift: others.map(handoverView),
      followUps,
      canAcknowledge: me !== null && me.memberId !== state.note.author.memberId && !hasAcknowledged(state, me.memberId),
    };
  }

  searchHandovers(query: string, limit: number): { ready: boolean; hits: SearchResult[] } {
    const timeZone = this.settings().timeZone;
    const hits = this.search.search(query, limit).flatMap((hit) => searchResultOf(this.state, hit, timeZone) ?? []);
    return { ready: this.search.ready, hits };
  }

  listFollowUps(scope: 'running' | 'all') {
    const now = this.now();
    if (scope === 'running') return { items: openFollowUpViews(this.followUpStates({ live: true }), now) };
    return { items: sortedFollowUpViews(this.followUpStates({ live: false }), now) };
  }

  getFollowUp(id: string): FollowUpDetail {
    const state = this.state.get(followUp, id);
    if (!state || !isCreated(state)) throw new ApiFailure('not-found', `no follow-up ${id}`);
    return followUpDetail(state, this.now());
  }

  /** A follow-up on its own; an escalation is written at once, since its countdown runs from now. */
  createFollowUp(input: FollowUpInput): Checked<{ id: string; queued: boolean }> {
    const by = this.requireMe();
    const checked = followUpCreatedData(input, { now: this.now(), settings: this.settings(), by });
    if (!checked.ok) return { ok: false, issues: [...checked.issues] };
    const id = newId();
    return { ok: true, id, ...this.record([followUpOps.created(id, checked.value)]) };
  }

  /** Written having seen what the fold shows, so a change made over a conflict resolves it. */
  updateFollowUp(id: string, changes: Partial<FollowUpFields>): Checked<{ queued: boolean }> {
    const by = this.requireMe();
    const state = this.getState(id);
    const issues = validateFollowUpChanges(changes, { now: this.now(), settings: this.settings() }, state.fields);
    if (issues.length > 0) return { ok: false, issues };
    const data = { ...lwwSetData(state.fields, changes), by, at: this.now() };
    return { ok: true, ...this.record([followUpOps.updated(id, data)]) };
  }

  comment(id: string, text: string): Checked<{ queued: boolean }> {
    const by = this.requireMe();
    this.getState(id);
    const issues = validateComment(text);
    if (issues.length > 0) return { ok: false, issues };
    return { ok: true, ...this.record([followUpOps.commented(id, { text: text.trim(), by, at: this.now() })]) };
  }

  private getState(id: string) {
    const state = this.state.get(followUp, id);
    if (!state || !isCreated(state)) throw new ApiFailure('not-found', `no follow-up ${id}`);
    return state;
  }
}
