import type MiniSearch from 'minisearch';

/**
 * The documents holding one term, best first, scored and ordered exactly as MiniSearch's
 * `search(term)` ranks them, but taken one at a time: a query of CJK words is asked of the index
 * as its rarest character alone (`query-plan.ts`), and a common character is in nearly every
 * note. MiniSearch built a result object (with its match and terms) for each of them and sorted
 * them all, to give the first 50 that hold the words: at size L (14,000 notes) most of a query's
 * 57 ms. Here each holder's score is a number in an array, and a heap gives them best first, so a
 * query pays a few arithmetic steps per holder and the sorting only of those it reads.
 *
 * The same arithmetic in the same order as MiniSearch 7's `termResults` and `search` (BM25+ with
 * its default parameters, each field's boost, summed title, body, people; ties in the order
 * MiniSearch's result map has them, which its sort keeps), over MiniSearch's own postings, field
 * lengths and averages: it reads the index, never writes it. `tests/search/char-ranking.test.ts`
 * holds it to MiniSearch's own answers.
 */

/** What this reads of a MiniSearch (7.x) index: its postings, per field, and the lengths BM25 needs. */
interface MiniSearchInternals {
  readonly _index: { get(term: string): ReadonlyMap<number, ReadonlyMap<number, number>> | undefined };
  readonly _documentIds: ReadonlyMap<number, unknown>;
  readonly _fieldLength: ReadonlyMap<number, readonly number[]>;
  readonly _avgFieldLength: readonly number[];
  readonly _fieldIds: Readonly<Record<string, number>>;
  readonly _documentCount: number;
  /** Short ids are below it. */
  readonly _nextId: number;
}

/** MiniSearch's default BM25 parameters (`defaultBM25params`). */
const K = 1.2;
const B = 0.7;
const D = 0.5;

function bm25(termFreq: number, matching: number, total: number, fieldLength: number, avgFieldLength: number): number {
  const invDocFreq = Math.log(1 + (total - matching + 0.5) / (matching + 0.5));
  return invDocFreq * (D + (termFreq * (K + 1)) / (termFreq + K * (1 - B + (B * fieldLength) / avgFieldLength)));
}

export interface RankedHolder {
  /** The document's id, as given to MiniSearch. */
  readonly id: string;
  readonly score: number;
}

/**
 * The holders of `term`, best first, or null when the index holds postings of discarded
 * documents not yet vacuumed (MiniSearch then counts them as it meets them: ask MiniSearch).
 * `boosts`: each field's boost, in the order of MiniSearch's `fields` option.
 */
export function rankHolders(index: MiniSearch, term: string, boosts: ReadonlyArray<readonly [field: string, boost: number]>): Iterable<RankedHolder> | null {
  const internals = index as unknown as MiniSearchInternals;
  const data = internals._index.get(term);
  if (data === undefined) return [];
  const total = internals._documentCount;
  let holders = 0;
  for (const freqs of data.values()) holders += freqs.size;
  // Documents in the order MiniSearch's result map first meets them (`shortIds`), each with its summed score.
  const slot = new Int32Array(internals._nextId).fill(-1);
  const shortIds = new Int32Array(holders);
  const scores = new Float64Array(holders);
  let met = 0;
  for (const [field, boost] of boosts) {
    const fieldId = internals._fieldIds[field]!;
    const freqs = data.get(fieldId);
    if (freqs === undefined) continue;
    const matching = freqs.size;
    const avgFieldLength = internals._avgFieldLength[fieldId]!;
    for (const [shortId, termFreq] of freqs) {
      if (!internals._documentIds.has(shortId)) return null;
      const weighted = boost * bm25(termFreq, matching, total, internals._fieldLength.get(shortId)![fieldId]!, avgFieldLength);
      const at = slot[shortId]!;
      if (at === -1) {
        slot[shortId] = met;
        shortIds[met] = shortId;
        scores[met] = weighted;
        met += 1;
      } else scores[at]! += weighted;
    }
  }
  return { [Symbol.iterator]: () => bestFirst(shortIds.subarray(0, met), scores, (shortId) => internals._documentIds.get(shortId) as string) };
}

/** Higher score first; equal scores in the order met (MiniSearch's sort is stable). */
function before(scores: Float64Array, a: number, b: number): boolean {
  return scores[a]! > scores[b]! || (scores[a] === scores[b] && a < b);
}

/** A binary heap over the positions, popped lazily: building it is linear, each pop logarithmic. */
function bestFirst(shortIds: Int32Array, scores: Float64Array, idOf: (shortId: number) => string): Iterator<RankedHolder> {
  const heap = new Int32Array(shortIds.length);
  for (let at = 0; at < heap.length; at += 1) heap[at] = at;
  const down = (from: number, size: number) => {
    let at = from;
    const moving = heap[at]!;
    for (;;) {
      const left = 2 * at + 1;
      if (left >= size) break;
      const right = left + 1;
      const child = right < size && before(scores, heap[right]!, heap[left]!) ? right : left;
      if (!before(scores, heap[child]!, moving)) break;
      heap[at] = heap[child]!;
      at = child;
    }
    heap[at] = moving;
  };
  for (let at = (heap.length >> 1) - 1; at >= 0; at -= 1) down(at, heap.length);
  let size = heap.length;
  return {
    next() {
      if (size === 0) return { done: true, value: undefined };
      const best = heap[0]!;
      size -= 1;
      heap[0] = heap[size]!;
      down(0, size);
      return { done: false, value: { id: idOf(shortIds[best]!), score: scores[best]! } };
    },
  };
}
