import {
  createHandoverSearch,
  followUpSearchDocument,
  handoverSearchDocument,
  type HandoverSearch,
  type SearchDocument,
} from '../../../shared/search';
import { followUp, handover, type FollowUpState, type HandoverState } from '../../../shared/handover';
import type { ReadonlySyncState } from '../../../shared/sync/trust-plug';
import type { Logger } from '../log';

const HANDOVER = `${handover.kind}:`;
const FOLLOW_UP = `${followUp.kind}:`;
const isIndexed = (entity: string) => entity.startsWith(HANDOVER) || entity.startsWith(FOLLOW_UP);

/**
 * The search index of notes and follow-ups, kept in step with the fold. The first build reads
 * every note and follow-up once, in chunks in the background, so that a large team's start is not
 * held up. After it, only the entities a change names are read again (`state.get` of each, which
 * wakes those alone: listing a kind would wake every dormant note); a replaced fold ('all') is
 * built again. No state is kept: the index's documents are keyed by entity (`handover:<id>`,
 * `followUp:<id>`), which is all a later change needs to replace or take one out.
 */
export class SearchIndex {
  private index: HandoverSearch = createHandoverSearch();
  /** Entities named by changes and not indexed again yet; 'all' when the fold was replaced. */
  private pending: Set<string> | 'all' = new Set();
  private building: Promise<void> | null = null;
  private built = false;

  constructor(
    private readonly state: () => ReadonlySyncState,
    private readonly timeZone: () => string,
    private readonly log: Logger,
  ) {}

  /** False while the index is built (the first time, or again after the fold was replaced). */
  get ready(): boolean {
    return this.built;
  }

  /** Starts the first build; later calls return it. */
  start(): Promise<void> {
    this.building ??= this.build();
    return this.building;
  }

  /** The fold changed (`touched`: the entities re-folded, or 'all'): re-index them now if built, else after the build. */
  changed(touched: readonly string[] | 'all'): void {
    if (touched === 'all') this.pending = 'all';
    else if (this.pending !== 'all') for (const entity of touched) if (isIndexed(entity)) this.pending.add(entity);
    if (this.built) this.catchUp();
  }

  search(query: string, limit: number): ReturnType<HandoverSearch['search']> {
    if (this.built) this.catchUp();
    return this.index.search(query, { limit });
  }

  /** A fresh index from every note and follow-up; searches meanwhile see it fill (`ready` false). */
  private build(): Promise<void> {
    const run = async () => {
      this.built = false;
      this.pending = new Set();
      const index = createHandoverSearch();
      this.index = index;
      await index.addAllAsync(this.documents());
      this.built = true;
      // Changes during the build: index them now.
      this.catchUp();
    };
    return run().catch((error: unknown) => this.log.error('handover', 'building the search index failed', error));
  }

  private documents(): SearchDocument[] {
    const out: SearchDocument[] = [];
    const zone = this.timeZone();
    for (const entry of this.state().list(handover)) {
      const document = handoverSearchDocument(entry.state as HandoverState);
      if (document) out.push(document);
    }
    for (const entry of this.state().list(followUp)) {
      const document = followUpSearchDocument(entry.state as FollowUpState, zone);
      if (document) out.push(document);
    }
    return out;
  }

  private catchUp(): void {
    if (this.pending === 'all') {
      this.building = this.build();
      return;
    }
    if (this.pending.size === 0) return;
    const entities = this.pending;
    this.pending = new Set();
    const zone = this.timeZone();
    const state = this.state();
    for (const entity of entities) {
      const current = state.get(entity);
      const document =
        current === undefined ? null
        : entity.startsWith(HANDOVER) ? handoverSearchDocument(current as HandoverState)
        : followUpSearchDocument(current as FollowUpState, zone);
      // Gone from the fold (a refused op) or not submitted: out of the index.
      if (document) this.index.replace(document);
      else this.index.remove(entity);
    }
  }
}
