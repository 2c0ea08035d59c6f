import { isBigramTerm, type QueryWord } from './tokenize';

/**
 * How a query is answered. The index is asked for one CJK term, the rarest bigram of the query's
 * CJK words (the one with the fewest postings), together with the Latin words (as prefixes,
 * rare in Chinese notes); MiniSearch scores only those posting lists. The other CJK words, and a
 * word of three or more characters whose bigrams may lie apart, are then looked for as typed in
 * the ranked hits' text. So a query costs one CJK posting list, however many words it has, and
 * the ranking is by the rarest word, which is the one that tells notes apart.
 */
export interface QueryPlan {
  /** Asked of the index together (AND). */
  readonly terms: readonly string[];
  /** CJK words a hit's normalised text must contain. */
  readonly phrases: readonly string[];
}

/**
 * `postings`: how many the index holds of a bigram. Null when nothing can match: no words, or a
 * bigram of the query that no document holds.
 */
export function planQuery(words: readonly QueryWord[], postings: (bigram: string) => number): QueryPlan | null {
  if (words.length === 0) return null;
  const rarest = (terms: readonly string[]) => terms.reduce((best, term) => (postings(term) < postings(best) ? term : best));
  const cjk = words.filter((word) => word.cjk).map((word) => ({ word, term: rarest(word.terms) }));
  const bigrams = cjk.filter(({ term }) => isBigramTerm(term));
  if (bigrams.some(({ term }) => postings(term) === 0)) return null;
  const latin = words.filter((word) => !word.cjk).map((word) => word.text);
  // A lone character is asked for only when nothing else is: as a prefix, it reads the posting
  // list of every bigram the character starts.
  const lead = bigrams.length > 0 ? bigrams.reduce((best, next) => (postings(next.term) < postings(best.term) ? next : best)) : latin.length === 0 ? cjk[0] : undefined;
  return {
    terms: lead === undefined ? latin : [...latin, lead.term],
    // The lead's word is found exactly by its term unless its bigrams may lie apart.
    phrases: cjk.filter(({ word }) => word !== lead?.word || word.phrase).map(({ word }) => word.text),
  };
}
