/**
 * Tokenising Chinese and English for the search index.
 *
 * Chinese has no spaces, and a word segmenter does not know the team's words (Intl.Segmenter
 * cuts 微博 into 微 + 博), so CJK text is indexed by character, and a query's CJK word is then
 * checked as an exact phrase against the document's text (see `handover-search.ts`): 微博
 * matches "微博" and not "微…博". Characters rather than n-grams because an in-memory index pays
 * per posting: 10,000 notes of 1,000 characters indexed by 1-, 2- and 3-grams took MiniSearch
 * over a minute and 600 MB on a busy test machine; by character, 7 s and 180 MB.
 *
 * Latin-script text is split into lower-cased words, matched by prefix.
 */

/** CJK runs, or runs of other letters, digits and marks; anything else separates. */
const RUNS = /([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+)|(?:(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])[\p{L}\p{N}\p{M}])+/gu;

/** Longer "words" are hashes, base64 or URLs' innards: noise in the index and no one searches them. */
const MAX_WORD_CHARS = 64;
/** A pasted paragraph as a query: the first terms already narrow it down (AND). */
const MAX_QUERY_TERMS = 64;

/**
 * The text as search compares it: NFKC folds full-width letters and digits (ＡＢＣ１２３, common
 * in Chinese input) into ASCII, and case is ignored.
 */
export function normalizeForSearch(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

interface Run {
  readonly cjk: boolean;
  readonly text: string;
}

function runsOf(normalized: string): Run[] {
  return [...normalized.matchAll(RUNS)].map((match) => ({ cjk: match[1] !== undefined, text: match[0] }));
}

const CHAR_TERM_MARK = '~';

/**
 * The index term of a CJK character: its code point in five hex digits. MiniSearch's radix tree
 * scans a node's keys one by one, and thousands of distinct characters directly under its root
 * made every insert scan them all (4× slower on 10,000 notes); hex keeps each node to 16 keys.
 * The mark cannot start a word, so no Latin term collides.
 */
function charTerm(char: string): string {
  return CHAR_TERM_MARK + char.codePointAt(0)!.toString(16).padStart(5, '0');
}

export function isCharTerm(term: string): boolean {
  return term.startsWith(CHAR_TERM_MARK);
}

function termsOf(runs: readonly Run[], terms: Set<string>): Set<string> {
  for (const run of runs) {
    if (run.cjk) for (const char of run.text) terms.add(charTerm(char));
    else if (run.text.length <= MAX_WORD_CHARS) terms.add(run.text);
  }
  return terms;
}

/**
 * The terms a text is indexed under, each once: every distinct CJK character and Latin word.
 * Repeats add little to ranking in notes this short and would cost a posting each.
 */
export function indexTerms(text: string): string[] {
  return [...termsOf(runsOf(normalizeForSearch(text)), new Set())];
}

export interface ParsedQuery {
  /** Index terms every match must have (AND): Latin words (as prefixes) and CJK characters. */
  readonly terms: readonly string[];
  /** The query's CJK words, as typed (normalised): for highlighting. */
  readonly cjkWords: readonly string[];
  /** Those of two or more characters: a match's normalised text must contain each. */
  readonly phrases: readonly string[];
}

/**
 * A CJK run in a query is one word: 微博投诉 needs those four characters together; type
 * 微博 投诉 to find both anywhere.
 */
export function parseQuery(query: string): ParsedQuery {
  const runs = runsOf(normalizeForSearch(query));
  const cjkWords = [...new Set(runs.filter((run) => run.cjk).map((run) => run.text))];
  return {
    terms: [...termsOf(runs, new Set())].slice(0, MAX_QUERY_TERMS),
    cjkWords,
    phrases: cjkWords.filter((word) => [...word].length > 1),
  };
}
