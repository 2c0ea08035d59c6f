import MiniSearch from 'minisearch';
import { indexTerms, isCharTerm, normalizeForSearch, parseQuery } from './tokenize';

/**
 * Full-text search over handover notes and follow-ups, in Chinese and English, with MiniSearch
 * (BM25 ranking, prefix search) and the tokeniser of `tokenize.ts`. Every word of a query must
 * match (AND): adding a word narrows the list, as people expect from a search box. MiniSearch
 * finds the documents holding every character of a CJK word; the word itself is then looked for
 * in the document's normalised text, which is kept for that.
 */

export type SearchKind = 'handover' | 'followUp';

/** The filterable facts of a document, returned with every hit. */
export interface SearchFacts {
  /** The entity: `handover:<id>` or `followUp:<id>`. */
  readonly id: string;
  readonly kind: SearchKind;
  /** yyyy-MM-dd in the team's zone: a note's shift date, a follow-up's creation date. */
  readonly date: string;
  /** Notes only. */
  readonly shiftTypeId: string | null;
  /** A note's author, a follow-up's creator. */
  readonly authorId: string;
  /** Follow-ups only. */
  readonly ownerId: string | null;
  /** Follow-ups only. */
  readonly status: string | null;
}

export interface SearchDocument extends SearchFacts {
  /** Weighs more: a note's summary, a follow-up's title. */
  readonly title: string;
  readonly body: string;
  /** Names of the people involved, so that a search for a colleague finds their notes. */
  readonly people: string;
}

export interface SearchHit extends SearchFacts {
  readonly score: number;
  /** What to highlight: the document's words that matched (handover for "hand") and the query's CJK words. */
  readonly terms: readonly string[];
}

export interface SearchOptions {
  /** Default 50. */
  readonly limit?: number;
  readonly filter?: (facts: SearchFacts) => boolean;
}

export interface HandoverSearch {
  /** Throws if a document with that id is indexed already. */
  add(document: SearchDocument): void;
  addAll(documents: readonly SearchDocument[]): void;
  /**
   * The same in chunks, yielding to the event loop between them: building the index of 10,000
   * notes takes seconds, which must not freeze a window.
   */
  addAllAsync(documents: readonly SearchDocument[], chunkSize?: number): Promise<void>;
  /** Indexes the document, replacing the version indexed under its id, if any. */
  replace(document: SearchDocument): void;
  /** No-op for an id not indexed. */
  remove(id: string): void;
  has(id: string): boolean;
  readonly size: number;
  /** Best first; [] for a query with no words. */
  search(query: string, options?: SearchOptions): SearchHit[];
}

const FIELDS = ['title', 'body', 'people'] as const;
const STORED = ['kind', 'date', 'shiftTypeId', 'authorId', 'ownerId', 'status'] as const;
const DEFAULT_LIMIT = 50;
const DEFAULT_CHUNK = 200;

export function createHandoverSearch(): HandoverSearch {
  const index = new MiniSearch<SearchDocument>({
    fields: [...FIELDS],
    storeFields: [...STORED],
    tokenize: indexTerms,
    // The tokeniser already normalised and lower-cased; MiniSearch's default would do it again.
    processTerm: (term) => term,
    searchOptions: {
      processTerm: (term) => term,
      combineWith: 'AND',
      // "hand" finds "handover"; a CJK character is a whole term.
      prefix: (term) => !isCharTerm(term),
      boost: { title: 2 },
    },
  });
  /** Normalised text per document, for the phrase check; fields apart, so no phrase spans two. */
  const texts = new Map<string, string>();

  function add(document: SearchDocument): void {
    index.add(document);
    texts.set(document.id, normalizeForSearch(FIELDS.map((field) => document[field]).join('\n')));
  }

  function remove(id: string): void {
    if (!index.has(id)) return;
    index.discard(id);
    texts.delete(id);
  }

  return {
    add,
    addAll: (documents) => documents.forEach(add),
    async addAllAsync(documents, chunkSize = DEFAULT_CHUNK) {
      for (let start = 0; start < documents.length; start += chunkSize) {
        if (start > 0) await new Promise((resolve) => setTimeout(resolve, 0));
        documents.slice(start, start + chunkSize).forEach(add);
      }
    },
    replace(document) {
      remove(document.id);
      add(document);
    },
    remove,
    has: (id) => index.has(id),
    get size() {
      return index.documentCount;
    },
    search(query, options = {}) {
      const { limit = DEFAULT_LIMIT, filter } = options;
      const { terms, phrases, cjkWords } = parseQuery(query);
      if (terms.length === 0) return [];
      const results = index.search(query, {
        tokenize: () => [...terms],
        filter(result) {
          const text = texts.get(result.id as string) ?? '';
          return phrases.every((phrase) => text.includes(phrase)) && (filter === undefined || filter(factsOf(result)));
        },
      });
      return results.slice(0, limit).map((result) => ({
        ...factsOf(result),
        score: result.score,
        // Matched CJK terms are single characters, encoded; the query's CJK words are what to highlight.
        terms: [...new Set([...result.terms.filter((term) => !isCharTerm(term)), ...cjkWords])],
      }));
    },
  };
}

function factsOf(result: { readonly id: unknown; readonly [field: string]: unknown }): SearchFacts {
  return {
    id: result.id as string,
    kind: result.kind as SearchKind,
    date: result.date as string,
    shiftTypeId: result.shiftTypeId as string | null,
    authorId: result.authorId as string,
    ownerId: result.ownerId as string | null,
    status: result.status as string | null,
  };
}
