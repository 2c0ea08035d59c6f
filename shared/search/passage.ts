import { normalizeForSearch } from './tokenize';

/** A stretch of a passage: `hit` marks a word the search matched, to highlight. */
export interface PassagePart {
  readonly text: string;
  readonly hit: boolean;
}

/** Characters shown before the first match; the passage is about three times as long. */
const LEAD = 30;
const LENGTH = 110;

/**
 * The passage of `text` (plain words, a line per section) around the first of `terms` (a hit's
 * terms, as search normalised them), within that line, cut into parts with every term in it
 * marked: a search result shows where the words are, not the note's opening. A hit found only in
 * a field not shown (a name) gives the opening, unmarked.
 */
export function passageOf(text: string, terms: readonly string[]): PassagePart[] {
  const ranges = matchRanges(comparable(text), terms.filter((term) => term.length > 0));
  const first = ranges[0]?.[0] ?? 0;
  const lineStart = text.lastIndexOf('\n', first - 1) + 1;
  const lineEnd = text.includes('\n', first) ? text.indexOf('\n', first) : text.length;
  const start = first - lineStart <= LEAD ? lineStart : first - LEAD;
  const end = Math.min(lineEnd, start + LENGTH);
  const parts: PassagePart[] = [];
  const push = (from: number, to: number, hit: boolean) => {
    if (to > from) parts.push({ text: text.slice(from, to), hit });
  };
  let at = start;
  for (const [from, to] of ranges) {
    if (to <= at) continue;
    if (from >= end) break;
    push(at, Math.max(at, from), false);
    push(Math.max(at, from), Math.min(to, end), true);
    at = Math.min(to, end);
  }
  push(at, end, false);
  if (start > lineStart) parts.unshift({ text: '…', hit: false });
  if (end < lineEnd) parts.push({ text: '…', hit: false });
  return parts;
}

/**
 * The text as search compares it, one character for one so that positions stay those of the
 * text: a character whose folded form is longer (rare ligatures) is only lower-cased.
 */
function comparable(text: string): string {
  return Array.from(text, (char) => {
    const folded = normalizeForSearch(char);
    return folded.length === char.length ? folded : char.toLowerCase().slice(0, char.length).padEnd(char.length);
  }).join('');
}

/** Every place a term occurs, sorted and merged where they touch or overlap. */
function matchRanges(haystack: string, terms: readonly string[]): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  for (const term of terms) {
    for (let at = haystack.indexOf(term); at !== -1; at = haystack.indexOf(term, at + term.length)) found.push([at, at + term.length]);
  }
  found.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const range of found) {
    const last = merged.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([...range]);
  }
  return merged;
}
