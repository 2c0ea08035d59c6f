import { filterHandovers, followUp, handover, type HandoverFilter, type SubmittedHandover } from '../../../shared/handover';
import type { ReadonlySyncState } from '../../../shared/sync/trust-plug';

/** A person switches between a few filters; more than this are dropped oldest first. */
const KEPT_LISTS = 8;

/**
 * The history's lists of notes, filtered and newest first, kept between requests. The history
 * asks for 10,000 notes in pages of 200: folding the list and sorting every note for each page
 * made one scroll cost dozens of full sorts. A list is dropped when notes or follow-ups change
 * (`changed`), and all of them when the fold itself is replaced (another team's folder).
 */
export class HistoryLists {
  private state: ReadonlySyncState | null = null;
  private readonly lists = new Map<string, readonly SubmittedHandover[]>();

  constructor(private readonly current: () => ReadonlySyncState) {}

  get(filter: HandoverFilter): readonly SubmittedHandover[] {
    const state = this.current();
    if (state !== this.state) {
      this.lists.clear();
      this.state = state;
    }
    const key = JSON.stringify(Object.entries(filter).filter(([, value]) => value !== undefined).sort(([a], [b]) => (a < b ? -1 : 1)));
    let list = this.lists.get(key);
    if (!list) {
      const notes = state.list(handover).map((entry) => entry.state);
      const followUps = state.list(followUp).map((entry) => entry.state);
      list = filterHandovers(notes, filter, followUps);
      if (this.lists.size >= KEPT_LISTS) this.lists.delete(this.lists.keys().next().value!);
      this.lists.set(key, list);
    }
    return list;
  }

  changed(): void {
    this.lists.clear();
  }
}
