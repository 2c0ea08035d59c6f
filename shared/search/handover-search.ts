import MiniSearch from 'minisearch';
import { bigramSignature, mayContain, type BigramSignature } from './bigram-signature';
import { CharPostings } from './char-postings';
import { planQuery } from './query-plan';
import { rankQuery, type RankedHolder } from './ranking';
import { indexTerms, isCharTerm, normalizeForSearch, parseQuery } from './tokenize';

/**
 * Full-text search over handover notes and follow-ups, in Chinese and English, with MiniSearch
 * (BM25 ranking, prefix search) and the tokeniser of `tokenize.ts`. Every word of a query must
 * match (AND): adding a word narrows the list, as people expect from a search box. How a query
 * is answered: `query-plan.ts`. `ranking.ts` ranks the documents holding the planned terms; the
 * CJK words are then looked for, best hit first until the limit, in each document's normalised
 * text, kept per document with its bigram signature (`bigram-signature.ts`), which rules most
 * documents out without reading them.
 */

export type SearchKind = 'handover' | 'followUp' | 'sop' | 'sopChecklist';

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
const BOOSTS = { title: 2 } as const;
/** Each field's boost in MiniSearch's order (1 unless given). */
const FIELD_BOOSTS = FIELDS.map((field) => [field, (BOOSTS as Partial<Record<Field, number>>)[field] ?? 1] as const);
const DEFAULT_LIMIT = 50;
const DEFAULT_CHUNK = 200;
/** A pasted paragraph as a query: its first words already narrow it down (AND). */
const MAX_QUERY_WORDS = 64;

type Field = (typeof FIELDS)[number];
/** What MiniSearch indexes: each field as its terms, space-separated (tokenised once, in `add`). */
type IndexedFields = { readonly id: string } & Record<Field, string>;

interface Indexed {
  readonly facts: SearchFacts;
  /** Normalised, for the phrase check and to uncount a removed document's characters. */
  readonly fields: readonly string[];
  readonly signature: BigramSignature;
}

/** A loop, not `every` with an arrow: asked of every holder of a query's rarest character. */
function mayContainAll(signature: BigramSignature, phrases: readonly string[]): boolean {
  for (const phrase of phrases) if (!mayContain(signature, phrase)) return false;
  return true;
}

/** The signature first for every phrase: reading the text is what costs. */
function containsAll({ fields, signature }: Indexed, phrases: readonly string[]): boolean {
  return phrases.every((phrase) => mayContain(signature, phrase)) && phrases.every((phrase) => fields.some((field) => field.includes(phrase)));
}

export function createHandoverSearch(): HandoverSearch {
  const index = new MiniSearch<IndexedFields>({
    fields: [...FIELDS],
    tokenize: (terms) => (terms === '' ? [] : terms.split(' ')),
    processTerm: (term) => term,
    searchOptions: {
      combineWith: 'AND',
      // "hand" finds "handover"; a CJK character is a whole term.
      prefix: (term) => !isCharTerm(term),
      boost: { ...BOOSTS },
    },
  });
  const chars = new CharPostings();
  const documents = new Map<string, Indexed>();

  function add(document: SearchDocument): void {
    if (documents.has(document.id)) throw new Error(`${document.id} is in the search index already`);
    const fields = FIELDS.map((field) => normalizeForSearch(document[field]));
    const terms = fields.map(indexTerms);
    const [title, body, people] = terms.map((set) => [...set].join(' ')) as [string, string, string];
    index.add({ id: document.id, title, body, people });
    terms.forEach((set) => chars.add(set));
    documents.set(document.id, { facts: factsOf(document), fields, signature: bigramSignature(fields) });
  }

  function remove(id: string): void {
    const indexed = documents.get(id);
    if (indexed === undefined) return;
    // Removed from the postings now, not discarded for MiniSearch to sweep later: a posting of a
    // discarded document makes `rankQuery` hand the query back to MiniSearch until then.
    const terms = indexed.fields.map(indexTerms);
    const [title, body, people] = terms.map((set) => [...set].join(' ')) as [string, string, string];
    index.remove({ id, title, body, people });
    terms.forEach((set) => chars.remove(set));
    documents.delete(id);
  }

  return {
    add,
    addAll: (list) => list.forEach(add),
    async addAllAsync(list, chunkSize = DEFAULT_CHUNK) {
      for (let start = 0; start < list.length; start += chunkSize) {
        if (start > 0) await new Promise((resolve) => setTimeout(resolve, 0));
        list.slice(start, start + chunkSize).forEach(add);
      }
    },
    replace(document) {
      remove(document.id);
      add(document);
    },
    remove,
    has: (id) => documents.has(id),
    get size() {
      return documents.size;
    },
    search(query, options = {}) {
      const { limit = DEFAULT_LIMIT, filter } = options;
      const words = parseQuery(query).slice(0, MAX_QUERY_WORDS);
      const plan = planQuery(words, (term) => chars.of(term));
      if (plan === null) return [];
      // Matched CJK terms are encoded; the query's CJK words are what to highlight.
      const cjkWords = words.filter((word) => word.cjk).map((word) => word.text);
      // Matched Latin terms are worth asking each hit for only when the query has a Latin word.
      const latin = plan.terms.some((term) => !isCharTerm(term));
      const hits: SearchHit[] = [];
      // A CJK word few notes hold: once hundreds were passed over, those its signature rules out are dropped at once, not one by one (`ranking.ts`).
      const mayHold = plan.phrases.length === 0 ? undefined : (id: string) => mayContainAll(documents.get(id)!.signature, plan.phrases);
      // The holders of the planned terms (Latin words as prefixes, as MiniSearch is told), best first, scored as MiniSearch does, without sorting them all (`ranking.ts`).
      const ranked: Iterable<RankedHolder> =
        rankQuery(index, plan.terms.map((term) => ({ term, prefix: !isCharTerm(term) })), FIELD_BOOSTS, mayHold) ??
        index.search(plan.terms.join(' ')).map(({ id, score, terms }) => ({ id: id as string, score, terms: () => terms }));
      for (const result of ranked) {
        if (hits.length === limit) break;
        const indexed = documents.get(result.id)!;
        if ((filter !== undefined && !filter(indexed.facts)) || !containsAll(indexed, plan.phrases)) continue;
        hits.push({ ...indexed.facts, score: result.score, terms: latin ? [...new Set([...result.terms().filter((term) => !isCharTerm(term)), ...cjkWords])] : [...cjkWords] });
      }
      return hits;
    },
  };
}

function factsOf({ id, kind, date, shiftTypeId, authorId, ownerId, status }: SearchFacts): SearchFacts {
  return { id, kind, date, shiftTypeId, authorId, ownerId, status };
}
