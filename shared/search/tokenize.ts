/**
 * Tokenising Chinese and English for the search index.
 *
 * Chinese has no spaces, and a word segmenter does not know the team's words (Intl.Segmenter
 * cuts 微博 into 微 + 博), so CJK text is indexed by character, each distinct character once per
 * field. A query is looked up by its rarest CJK character, and each of its CJK words is then
 * checked as typed in the candidates' text (`query-plan.ts`): 微博 matches "微博", not "微…博".
 *
 * Why characters and not bigrams: an in-memory index pays per posting and per distinct term,
 * and a note has about 2.5 times as many distinct bigrams as characters. At the bench's size M
 * (2,845 notes of 1,700 characters), bigrams took twice the build time and 1.5 times the memory,
 * for no faster queries; on notes with a wider vocabulary, 20 s and 357 MB instead of 3 s and
 * 80 MB. 1-, 2- and 3-grams together took over a minute and 600 MB for 10,000 notes.
 *
 * Latin-script text is split into lower-cased words, matched by prefix.
 */

/** CJK runs, or runs of other letters, digits and marks; anything else separates. */
const RUNS = /([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+)|(?:(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])[\p{L}\p{N}\p{M}])+/gu;

/** Longer "words" are hashes, base64 or URLs' innards: noise in the index and no one searches them. */
const MAX_WORD_CHARS = 64;

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
 * The mark cannot start a word, so no Latin term collides. Cached: a team writes a few thousand
 * distinct characters, and this is the tokeniser's hottest step.
 */
const charTerms = new Map<string, string>();
function charTerm(char: string): string {
  let term = charTerms.get(char);
  if (term === undefined) charTerms.set(char, (term = CHAR_TERM_MARK + char.codePointAt(0)!.toString(16).padStart(5, '0')));
  return term;
}

export function isCharTerm(term: string): boolean {
  return term.startsWith(CHAR_TERM_MARK);
}

/**
 * The terms a normalised text is indexed under, each once: every distinct CJK character and
 * Latin word. Repeats add little to ranking in notes this short and would cost a posting each.
 */
export function indexTerms(normalized: string): Set<string> {
  const terms = new Set<string>();
  for (const run of runsOf(normalized)) {
    if (run.cjk) for (const char of run.text) terms.add(charTerm(char));
    else if (run.text.length <= MAX_WORD_CHARS) terms.add(run.text);
  }
  return terms;
}

export interface QueryWord {
  /** As typed, normalised: a Latin word (a prefix) or a CJK run, which must appear as it is. */
  readonly text: string;
  readonly cjk: boolean;
  /** The word itself if Latin; a CJK word's distinct characters, any of which finds every document holding it. */
  readonly terms: readonly string[];
}

/**
 * The words of a query, each once. A CJK run is one word: 微博投诉 needs those four characters
 * together; type 微博 投诉 to find both anywhere.
 */
export function parseQuery(query: string): QueryWord[] {
  const words = new Map<string, QueryWord>();
  for (const run of runsOf(normalizeForSearch(query))) {
    if (words.has(run.text) || (!run.cjk && run.text.length > MAX_WORD_CHARS)) continue;
    const terms = run.cjk ? [...new Set(Array.from(run.text, charTerm))] : [run.text];
    words.set(run.text, { text: run.text, cjk: run.cjk, terms });
  }
  return [...words.values()];
}
