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

/**
 * The search index of notes and follow-ups, kept in step with the fold. The fold shares state
 * objects and replaces only those of entities it re-folded, so a change is found by identity:
 * only entities whose state object changed are indexed again. The first build runs in chunks in
 * the background, so that a large team's start is not held up.
 */
export class SearchIndex {
  private index: HandoverSearch = createHandoverSearch();
  private readonly indexed = new Map<string, unknown>();
  private building: Promise<void> | null = null;
  private built = false;
  private dirty = false;

  constructor(
    private readonly state: () => ReadonlySyncState,
    private readonly timeZone: () => string,
    private readonly log: Logger,
  ) {}

  get ready(): boolean {
    return this.built;
  }

  /** Starts the first build; later calls mark the index as needing a catch-up. */
  start(): Promise<void> {
    this.building ??= this.build().catch((error: unknown) => this.log.error('handover', 'building the search index failed', error));
    return this.building;
  }

  /** The fold changed: re-index what changed (now if built, else after the build). */
  changed(): void {
    this.dirty = true;
    if (this.built) this.catchUp();
  }

  search(query: string, limit: number): ReturnType<HandoverSearch['search']> {
    if (this.built && this.dirty) this.catchUp();
    return this.index.search(query, { limit });
  }

  private async build(): Promise<void> {
    this.dirty = false;
    const documents = this.documents().map(([, , document]) => document);
    await this.index.addAllAsync(documents);
    this.built = true;
    // Changes during the build: index them now.
    this.catchUp();
  }

  private documents(): Array<[string, unknown, SearchDocument]> {
    const out: Array<[string, unknown, SearchDocument]> = [];
    const zone = this.timeZone();
    for (const entry of this.state().list(handover)) {
      const document = handoverSearchDocument(entry.state as HandoverState);
      this.indexed.set(entry.entity, entry.state);
      if (document) out.push([entry.entity, entry.state, document]);
    }
    for (const entry of this.state().list(followUp)) {
      const document = followUpSearchDocument(entry.state as FollowUpState, zone);
      this.indexed.set(entry.entity, entry.state);
      if (document) out.push([entry.entity, entry.state, document]);
    }
    return out;
  }

  private catchUp(): void {
    if (!this.dirty) return;
    this.dirty = false;
    const zone = this.timeZone();
    const seen = new Set<string>();
    const visit = (entity: string, state: unknown, document: SearchDocument | null) => {
      seen.add(entity);
      if (this.indexed.get(entity) === state) return;
      this.indexed.set(entity, state);
      if (document) this.index.replace(document);
      else this.index.remove(entity);
    };
    for (const entry of this.state().list(handover)) {
      if (this.indexed.get(entry.entity) !== entry.state) visit(entry.entity, entry.state, handoverSearchDocument(entry.state as HandoverState));
      else seen.add(entry.entity);
    }
    for (const entry of this.state().list(followUp)) {
      if (this.indexed.get(entry.entity) !== entry.state) visit(entry.entity, entry.state, followUpSearchDocument(entry.state as FollowUpState, zone));
      else seen.add(entry.entity);
    }
    // Gone from the fold (another team's folder, a refused op): out of the index too.
    for (const entity of [...this.indexed.keys()]) {
      if (!seen.has(entity)) {
        this.indexed.delete(entity);
        this.index.remove(entity);
      }
    }
  }
}
