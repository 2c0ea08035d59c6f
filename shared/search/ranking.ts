import type MiniSearch from 'minisearch';
import { bestFirst } from './best-first';

/**
 * The documents holding every term of a query (AND), best first, scored and ordered exactly as
 * MiniSearch's `search` ranks them, but taken one at a time. A query is asked of the index as its
 * rarest CJK character and its Latin words (`query-plan.ts`), and a common character, or a Latin
 * word such as the V of 大V, is in nearly every note. MiniSearch built a result object (with its
 * match and terms) for each of them and sorted them all, to give the first 50 that hold the
 * words: at size L (14,000 notes) most of a query's time (57 ms for a character, 65–78 ms with a
 * Latin word). Here each holder's score is a number in an array, and a heap gives them best
 * first (`best-first.ts`), so a query pays a few arithmetic steps per posting and the sorting
 * only of the hits it reads.
 *
 * The same arithmetic in the same order as MiniSearch 7's `executeQuerySpec`, `termResults`,
 * AND `combinators` and `search` (BM25+ with its default parameters; per query term, the term
 * itself then each longer term it prefixes, weighted by MiniSearch's prefix weight, each over the
 * fields in order with its boost; the terms' sums added in query order, times the number of
 * terms; ties in the order the last term meets its documents, which MiniSearch's stable sort
 * keeps), over MiniSearch's own postings, field lengths and averages: it reads the index, never
 * writes it. Floating-point sums depend on their order, so it is kept. `tests/search/ranking.test.ts`
 * holds it to MiniSearch's own answers.
 */

type FieldTermData = ReadonlyMap<number, ReadonlyMap<number, number>>;

/** What this reads of a MiniSearch (7.x) index: its postings, per field, and the lengths BM25 needs. */
interface MiniSearchInternals {
  readonly _index: { get(term: string): FieldTermData | undefined; atPrefix(prefix: string): Iterable<[string, FieldTermData]> };
  readonly _documentIds: ReadonlyMap<number, unknown>;
  readonly _fieldLength: ReadonlyMap<number, readonly number[]>;
  readonly _avgFieldLength: readonly number[];
  readonly _fieldIds: Readonly<Record<string, number>>;
  readonly _documentCount: number;
  /** Short ids are below it. */
  readonly _nextId: number;
}

/** MiniSearch's default BM25 parameters (`defaultBM25params`) and prefix weight (`defaultSearchOptions.weights`). */
const K = 1.2;
const B = 0.7;
const D = 0.5;
const PREFIX_WEIGHT = 0.375;
/** Holders handed out before the rest are checked with `mayKeep` (a query fills its 50 hits from the first hundred or so). */
const PASSED_OVER = 256;

function bm25(termFreq: number, matching: number, total: number, fieldLength: number, avgFieldLength: number): number {
  const invDocFreq = Math.log(1 + (total - matching + 0.5) / (matching + 0.5));
  return invDocFreq * (D + (termFreq * (K + 1)) / (termFreq + K * (1 - B + (B * fieldLength) / avgFieldLength)));
}

export interface QueryTerm {
  readonly term: string;
  /** Also matches longer terms it begins (MiniSearch's `prefix`). */
  readonly prefix: boolean;
}

export interface RankedHolder {
  /** The document's id, as given to MiniSearch. */
  readonly id: string;
  readonly score: number;
  /** The document's terms that matched, as MiniSearch's `terms`: only asked of the hits shown. */
  terms(): string[];
}

/** A class, not an object with a closure per hit: thousands of hits may be read for a rare phrase. */
class Holder implements RankedHolder {
  constructor(
    readonly id: string,
    readonly score: number,
    private readonly derived: ReadonlyArray<readonly Derived[]>,
    private readonly shortId: number,
  ) {}

  terms(): string[] {
    return matchedTerms(this.derived, this.shortId);
  }
}

/** An index term a query term matches, with its weight (1 for the term itself). */
interface Derived {
  readonly term: string;
  readonly weight: number;
  readonly data: FieldTermData;
}

/**
 * The holders of every term, best first, or null when the index holds postings of discarded
 * documents not yet vacuumed (MiniSearch then counts them as it meets them: ask MiniSearch).
 * `boosts`: each field's boost, in the order of MiniSearch's `fields` option. `mayKeep`: false
 * for a document the reader would pass over (a cheap check), asked at once of every holder not
 * yet handed out once the reader has taken `PASSED_OVER` and still reads on: when few holders
 * hold a query's words, the heap would otherwise hand out thousands one by one (a word no note
 * holds: all 14,000 at L, 25 ms). A reader that stops early never pays for it.
 */
export function rankQuery(
  index: MiniSearch,
  terms: readonly QueryTerm[],
  boosts: ReadonlyArray<readonly [field: string, boost: number]>,
  mayKeep?: (id: string) => boolean,
): Iterable<RankedHolder> | null {
  const internals = index as unknown as MiniSearchInternals;
  if (terms.length === 0) return [];
  const derived = terms.map(({ term, prefix }) => derivedTerms(internals, term, prefix));
  // Per document: how many of the terms so far it holds, and their summed score.
  const held = new Uint16Array(internals._nextId);
  const summed = new Float64Array(internals._nextId);
  const scores = new Float64Array(internals._nextId);
  const seen = new Uint8Array(internals._nextId);
  let met: Int32Array = new Int32Array(0);
  for (const [at, list] of derived.entries()) {
    const termMet = termScores(internals, list, boosts, scores, seen);
    if (termMet === null) return null;
    met = termMet;
    for (const shortId of met) {
      seen[shortId] = 0;
      if (held[shortId] !== at) continue;
      held[shortId] = at + 1;
      summed[shortId]! += scores[shortId]!;
    }
  }
  // MiniSearch's result map holds them in the order the last term met them; `search` multiplies by the number of distinct terms.
  const quality = new Set(terms.map(({ term }) => term)).size;
  const order = new Int32Array(met.length);
  let kept = 0;
  for (const shortId of met) if (held[shortId] === terms.length) order[kept++] = shortId;
  const final = new Float64Array(kept);
  for (let at = 0; at < kept; at += 1) final[at] = summed[order[at]!]! * quality;
  return {
    [Symbol.iterator]() {
      const positions = bestFirst(final);
      let handedOut = 0;
      const idOf = (position: number) => internals._documentIds.get(order[position]!) as string;
      return {
        next() {
          if (handedOut++ === PASSED_OVER && mayKeep !== undefined) positions.retain((position) => mayKeep(idOf(position)));
          const position = positions.next();
          if (position === undefined) return { done: true, value: undefined };
          return { done: false, value: new Holder(idOf(position), final[position]!, derived, order[position]!) };
        },
      };
    },
  };
}

/** The term itself, then the longer terms it prefixes in the index's order, weighted as MiniSearch's `executeQuerySpec` does. */
function derivedTerms(internals: MiniSearchInternals, term: string, prefix: boolean): Derived[] {
  const exact = internals._index.get(term);
  const list: Derived[] = exact === undefined ? [] : [{ term, weight: 1, data: exact }];
  if (!prefix) return list;
  for (const [longer, data] of internals._index.atPrefix(term)) {
    const distance = longer.length - term.length;
    if (distance === 0) continue;
    list.push({ term: longer, weight: (PREFIX_WEIGHT * longer.length) / (longer.length + 0.3 * distance), data });
  }
  return list;
}

/**
 * One query term's score of each document holding it, into `scores`, summed in MiniSearch's
 * order; returns the documents in the order met (marked in `seen`), or null when a posting is of
 * a discarded document.
 */
function termScores(internals: MiniSearchInternals, derived: readonly Derived[], boosts: ReadonlyArray<readonly [string, number]>, scores: Float64Array, seen: Uint8Array): Int32Array | null {
  const total = internals._documentCount;
  let postings = 0;
  for (const { data } of derived) for (const freqs of data.values()) postings += freqs.size;
  const met = new Int32Array(Math.min(postings, internals._nextId));
  let count = 0;
  for (const { weight, data } of derived) {
    for (const [field, boost] of boosts) {
      const fieldId = internals._fieldIds[field]!;
      const freqs = data.get(fieldId);
      if (freqs === undefined) continue;
      const matching = freqs.size;
      const avgFieldLength = internals._avgFieldLength[fieldId]!;
      for (const [shortId, termFreq] of freqs) {
        if (!internals._documentIds.has(shortId)) return null;
        const weighted = weight * boost * bm25(termFreq, matching, total, internals._fieldLength.get(shortId)![fieldId]!, avgFieldLength);
        if (seen[shortId] === 0) {
          seen[shortId] = 1;
          met[count++] = shortId;
          scores[shortId] = weighted;
        } else scores[shortId]! += weighted;
      }
    }
  }
  return met.subarray(0, count);
}

/**
 * MiniSearch's `terms` of a hit: the keys of its `match` object, each index term the document
 * holds in the order the query's terms met them (an object, so that keys that look like array
 * indexes come first, as in MiniSearch's).
 */
function matchedTerms(derived: ReadonlyArray<readonly Derived[]>, shortId: number): string[] {
  const match: Record<string, true> = {};
  for (const list of derived) {
    for (const { term, data } of list) {
      for (const freqs of data.values()) if (freqs.has(shortId)) match[term] = true;
    }
  }
  return Object.keys(match);
}
