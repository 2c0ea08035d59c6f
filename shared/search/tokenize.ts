/**
 * Tokenising Chinese and English for the search index.
 *
 * Chinese has no spaces, and a word segmenter does not know the team's words (Intl.Segmenter
 * cuts 微博 into 微 + 博), so a CJK run (CJK characters without space or punctuation between
 * them) is indexed by its overlapping bigrams: 交接班记录 under 交接, 接班, 班记, 记录, each once
 * per document. The last character of a run, which starts no bigram, is indexed alone; so every
 * character of the text starts exactly one term, and a one-character query finds it by prefix.
 *
 * Why bigrams and nothing more: a query's CJK word (2+ characters) is found through one of its
 * bigrams, the rarest (see `handover-search.ts`), and a longer word is then checked as a phrase
 * against the candidates' text, so 微博 matches "微博", never "微…博". By single character, a
 * common character matched nearly every note and every one needed the phrase check; 1-, 2- and
 * 3-grams together cost MiniSearch over a minute and 600 MB for 10,000 notes of 1,000
 * characters. Bigrams are about twice the postings of single characters (see the README).
 *
 * Latin-script text is split into lower-cased words, matched by prefix.
 */

const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}';
/** CJK runs, or runs of other letters, digits and marks; anything else separates. */
const RUNS = new RegExp(`([${CJK}]+)|(?:(?![${CJK}])[\\p{L}\\p{N}\\p{M}])+`, 'gu');

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

const CJK_TERM_MARK = '~';
/** The mark and one code point in hex: CJK code points all fit in five digits. */
const CHAR_TERM_LENGTH = 6;

/**
 * A CJK character in an index term: its code point in five hex digits. MiniSearch's radix tree
 * scans a node's keys one by one, and thousands of distinct characters under one node made every
 * insert scan them all (4× slower on 10,000 notes); hex keeps each node to 16 keys. Cached: a
 * team's text uses a few thousand distinct characters, and it is the tokeniser's hottest step.
 */
const hexOf = new Map<string, string>();
function hex(char: string): string {
  let digits = hexOf.get(char);
  if (digits === undefined) hexOf.set(char, (digits = char.codePointAt(0)!.toString(16).padStart(5, '0')));
  return digits;
}

/** The mark cannot start a Latin word, so no Latin term collides. */
function charTerm(char: string): string {
  return CJK_TERM_MARK + hex(char);
}

function bigramTerm(first: string, second: string): string {
  return CJK_TERM_MARK + hex(first) + hex(second);
}

export function isCjkTerm(term: string): boolean {
  return term.startsWith(CJK_TERM_MARK);
}

/** A character alone: also the prefix of the terms of every bigram it starts. */
export function isCharTerm(term: string): boolean {
  return isCjkTerm(term) && term.length === CHAR_TERM_LENGTH;
}

export function isBigramTerm(term: string): boolean {
  return isCjkTerm(term) && term.length === 2 * CHAR_TERM_LENGTH - 1;
}

function bigramsOf(chars: readonly string[], terms: Set<string>): Set<string> {
  for (let at = 0; at + 1 < chars.length; at += 1) terms.add(bigramTerm(chars[at]!, chars[at + 1]!));
  return terms;
}

/**
 * The terms a normalised text is indexed under, each once: every distinct bigram of its CJK runs
 * and the last character of each run, and every Latin word. Repeats add little to ranking in
 * notes this short and would cost a posting each.
 */
export function indexTerms(normalized: string): Set<string> {
  const terms = new Set<string>();
  for (const run of runsOf(normalized)) {
    if (!run.cjk) {
      if (run.text.length <= MAX_WORD_CHARS) terms.add(run.text);
      continue;
    }
    const chars = [...run.text];
    bigramsOf(chars, terms);
    terms.add(charTerm(chars[chars.length - 1]!));
  }
  return terms;
}

export interface QueryWord {
  /** As typed, normalised: a Latin word (a prefix) or a CJK run, which must appear as it is. */
  readonly text: string;
  readonly cjk: boolean;
  /**
   * Index terms each of which every document holding the word has: the Latin word (searched as
   * a prefix); a lone CJK character's term (as a prefix, so that bigrams starting with it count);
   * a longer CJK word's bigrams (exact). One of them is enough to find the word's documents.
   */
  readonly terms: readonly string[];
  /** A CJK word of three or more characters: its bigrams may lie apart, so the text is checked. */
  readonly phrase: boolean;
}

/**
 * The words of a query, each once. A CJK run is one word: 微博投诉 needs those four characters
 * together; type 微博 投诉 to find both anywhere.
 */
export function parseQuery(query: string): QueryWord[] {
  const words = new Map<string, QueryWord>();
  for (const run of runsOf(normalizeForSearch(query))) {
    if (words.has(run.text)) continue;
    if (!run.cjk) {
      if (run.text.length <= MAX_WORD_CHARS) words.set(run.text, { text: run.text, cjk: false, terms: [run.text], phrase: false });
      continue;
    }
    const chars = [...run.text];
    const terms = chars.length === 1 ? [charTerm(chars[0]!)] : [...bigramsOf(chars, new Set())];
    words.set(run.text, { text: run.text, cjk: true, terms, phrase: chars.length > 2 });
  }
  return [...words.values()];
}
