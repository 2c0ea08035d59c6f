import type { QueryWord } from './tokenize';

/**
 * How a query is answered. The index is asked for one CJK character, the rarest of all the
 * query's CJK words (the one with the fewest postings), together with the Latin words (as
 * prefixes, and rare in Chinese notes); MiniSearch reads and scores only those posting lists.
 * The CJK words are then looked for as typed in the ranked hits' text, best hit first, until the
 * limit is reached. So a query costs one CJK posting list however many words it has, and the
 * ranking is by its rarest character, the one that tells notes apart.
 */
export interface QueryPlan {
  /** Asked of the index together (AND). */
  readonly terms: readonly string[];
  /** CJK words a hit's normalised text must contain. */
  readonly phrases: readonly string[];
}

/**
 * `postings`: how many the index holds of a character's term. Null when nothing can match: no
 * words, or a character of the query that no document holds.
 */
export function planQuery(words: readonly QueryWord[], postings: (charTerm: string) => number): QueryPlan | null {
  if (words.length === 0) return null;
  const cjk = words.filter((word) => word.cjk);
  const chars = cjk.flatMap((word) => word.terms);
  if (chars.some((term) => postings(term) === 0)) return null;
  const lead = chars.length > 0 ? chars.reduce((best, term) => (postings(term) < postings(best) ? term : best)) : undefined;
  return {
    terms: [...words.filter((word) => !word.cjk).map((word) => word.text), ...(lead === undefined ? [] : [lead])],
    // A one-character word asked of the index is found exactly by it.
    phrases: cjk.filter((word) => !([...word.text].length === 1 && word.terms[0] === lead)).map((word) => word.text),
  };
}
