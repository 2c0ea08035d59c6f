import { filterHandovers, followUp, handover, type HandoverFilter } from '../../../shared/handover';
import type { ReadonlySyncState } from '../../../shared/sync/trust-plug';

/** A person switches between a few filters; more than this are dropped oldest first. */
const KEPT_LISTS = 8;

/**
 * The history's lists of notes, filtered and newest first, kept between requests as note ids: a
 * page reads its notes by id (`page`). The history asks for 10,000 notes in pages of 200: folding
 * the list and sorting every note for each page made one scroll cost dozens of full sorts; keeping
 * the notes themselves kept every note in memory once the history was opened, where ids let the
 * fold put signed, older notes back on disk (`rest`, shared/sync README). A list is dropped when
 * notes or follow-ups change (`changed`), and all of them when the fold itself is replaced
 * (another team's folder).
 *
 * Only what a filter needs is read: "unacknowledged" lists the live notes (a closed note is
 * signed for, shared/handover README), follow-ups only for "has open follow-ups", and then only
 * the live ones (a closed follow-up is done or dropped, never running).
 */
export class HistoryLists {
  private state: ReadonlySyncState | null = null;
  private readonly lists = new Map<string, readonly string[]>();

  constructor(private readonly current: () => ReadonlySyncState) {}

  /** The ids of the notes matching `filter`, newest first. */
  get(filter: HandoverFilter): readonly string[] {
    const state = this.current();
    if (state !== this.state) {
      this.lists.clear();
      this.state = state;
    }
    const key = JSON.stringify(Object.entries(filter).filter(([, value]) => value !== undefined).sort(([a], [b]) => (a < b ? -1 : 1)));
    let list = this.lists.get(key);
    if (!list) {
      const notes = state.list(handover, filter.unacknowledged === true ? { live: true } : {}).map((entry) => entry.state);
      const followUps = filter.hasOpenFollowUps === true ? state.list(followUp, { live: true }).map((entry) => entry.state) : [];
      list = filterHandovers(notes, filter, followUps).map((note) => note.id);
      if (this.lists.size >= KEPT_LISTS) this.lists.delete(this.lists.keys().next().value!);
      this.lists.set(key, list);
    }
    return list;
  }

  changed(): void {
    this.lists.clear();
  }
}
