import fc from 'fast-check';
import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { createHandoverSearch, indexTerms, isCharTerm, normalizeForSearch, parseQuery, planQuery, type SearchDocument } from '../../shared/search';
import { rankQuery } from '../../shared/search/ranking';
import { searchDocument } from './search-document';

/** MiniSearch as `createHandoverSearch` configures it: fields of space-separated terms, the title counting double. */
function miniSearch() {
  return new MiniSearch<{ id: string; title: string; body: string; people: string }>({
    fields: ['title', 'body', 'people'],
    tokenize: (terms) => (terms === '' ? [] : terms.split(' ')),
    processTerm: (term) => term,
    searchOptions: { combineWith: 'AND', prefix: (term) => !isCharTerm(term), boost: { title: 2 } },
  });
}
const BOOSTS = [['title', 2], ['body', 1], ['people', 1]] as const;

// Few characters, a few Latin words that begin one another, and short fields: many documents hold
// each term, and many share a score. Latin words next to each other run together (kolv, sop12):
// more terms for a prefix to match. Numbers: keys MiniSearch's match object puts first.
const CHARS = '微博投诉粉丝转发抽奖';
const LATIN = ['kol', 'ko', 'v', 'sop', '12', '1', 'Ｋ'];
const text = fc.array(fc.constantFrom(...CHARS, ...LATIN), { maxLength: 6 }).map((parts) => parts.join(''));
const fields = fc.record({ title: text, body: text, people: text });
const termsOf = (value: string) => [...indexTerms(normalizeForSearch(value))].join(' ');
/** An edit of the index: add or replace document `id`, or remove it. */
const edit = fc.record({ id: fc.integer({ min: 0, max: 11 }), remove: fc.boolean(), fields });
/** Terms as the plan asks them: characters (exact) and Latin words (prefixes), some held by no document. */
const queryTerm = fc.constantFrom(...[...CHARS].map((char) => [...indexTerms(char)][0]!), 'k', 'ko', 'kol', 'v', 's', 'so', 'sop', '1', '12', 'x');

describe('rankQuery ranks as MiniSearch does', () => {
  it('the same documents, scores, order and matched terms for queries of characters and Latin words, after any adds, replaces and removes (vacuumed)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { maxLength: 40 }), fc.array(fc.array(queryTerm, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 5 }), async (edits, queries) => {
        const index = miniSearch();
        for (const { id, remove, fields: value } of edits) {
          const key = `d${id}`;
          if (index.has(key)) index.discard(key);
          if (!remove) index.add({ id: key, title: termsOf(value.title), body: termsOf(value.body), people: termsOf(value.people) });
        }
        await index.vacuum();
        for (const terms of queries) {
          const ranked = rankQuery(index, terms.map((term) => ({ term, prefix: !isCharTerm(term) })), BOOSTS);
          expect(ranked).not.toBeNull();
          expect([...ranked!].map((holder) => ({ id: holder.id, score: holder.score, terms: holder.terms() }))).toEqual(index.search(terms.join(' ')).map(({ id, score, terms: matched }) => ({ id, score, terms: matched })));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('asks MiniSearch (null) while discarded documents are still in the postings', () => {
    const index = miniSearch();
    index.add({ id: 'a', title: termsOf('微kol'), body: '', people: '' });
    index.add({ id: 'b', title: termsOf('微博'), body: '', people: '' });
    index.discard('a');
    const [term] = indexTerms('微');
    expect(rankQuery(index, [{ term: term!, prefix: false }], BOOSTS)).toBeNull();
    expect(rankQuery(index, [{ term: 'ko', prefix: true }], BOOSTS)).toBeNull();
    expect([...rankQuery(index, [{ term: indexTerms('投').values().next().value!, prefix: false }], BOOSTS)!]).toEqual([]);
  });
});

/**
 * The search before `rankQuery`: MiniSearch's own ranking of the planned terms, then the phrase
 * check in that order; documents added, replaced (remove, add) and removed in `edits`' order, as
 * `createHandoverSearch` does: the order MiniSearch meets prefix matches in (and so a hit's terms)
 * depends on the order its terms were added and removed.
 */
function searchBefore(edits: ReadonlyArray<{ id: string; document: SearchDocument | null }>, queries: readonly string[], limit: number) {
  const index = miniSearch();
  const normalized = new Map<string, string[]>();
  const indexed = new Map<string, { id: string; title: string; body: string; people: string }>();
  for (const { id, document } of edits) {
    if (indexed.has(id)) index.remove(indexed.get(id)!);
    normalized.delete(id);
    indexed.delete(id);
    if (document === null) continue;
    const fields = [document.title, document.body, document.people].map(normalizeForSearch);
    normalized.set(id, fields);
    const [title, body, people] = fields.map((field) => [...indexTerms(field)].join(' ')) as [string, string, string];
    indexed.set(id, { id, title, body, people });
    index.add(indexed.get(id)!);
  }
  // CharPostings: one per field holding the character.
  const postings = (term: string) => [...normalized.values()].flat().filter((field) => indexTerms(field).has(term)).length;
  return queries.map((query) => {
    const words = parseQuery(query);
    const plan = planQuery(words, postings);
    if (plan === null) return [];
    const cjkWords = words.filter((word) => word.cjk).map((word) => word.text);
    const hits: Array<{ id: string; score: number; terms: string[] }> = [];
    for (const result of index.search(plan.terms.join(' '))) {
      if (hits.length === limit) break;
      if (plan.phrases.every((phrase) => normalized.get(result.id as string)!.some((field) => field.includes(phrase)))) hits.push({ id: result.id as string, score: result.score, terms: [...new Set([...result.terms.filter((term) => !isCharTerm(term)), ...cjkWords])] });
    }
    return hits;
  });
}

describe('search answers as before', () => {
  // CJK words, Latin words and both run together (微博 kol, 微v, ko博), as typed.
  const query = fc.array(fc.constantFrom(...CHARS, 'k', 'ko', 'kol', 'v', 'sop', '1', 'Ｋ', ' '), { minLength: 1, maxLength: 6 }).map((parts) => parts.join(''));

  it('the same hits, scores, order and terms for queries of CJK and Latin words, whatever the limit, after adds, replaces and removes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { maxLength: 40 }), fc.array(query, { minLength: 1, maxLength: 5 }), fc.integer({ min: 1, max: 12 }), async (changes, queries, limit) => {
        const edits = changes.map(({ id, remove, fields: value }) => ({ id: `handover:${id}`, document: remove ? null : searchDocument(`handover:${id}`, value) }));
        const search = createHandoverSearch();
        for (const { id, document } of edits) {
          if (document === null) search.remove(id);
          else search.replace(document);
        }
        const expected = searchBefore(edits, queries, limit);
        queries.forEach((asked, at) => expect(search.search(asked, { limit }).map(({ id, score, terms }) => ({ id, score, terms }))).toEqual(expected[at]));
      }),
      { numRuns: 200 },
    );
  });

  it('the same when the reader passes over hundreds of holders (the rest are then checked at once)', () => {
    // 博 is the rarer character; one note in 40 holds 微博 (some with KOL), one in 3 holds 博 and 微 apart.
    const edits = Array.from({ length: 800 }, (_, at) => {
      const id = `handover:${at}`;
      const body = at % 40 === 0 ? `转发微博${'抽'.repeat(at % 5)}${at % 80 === 0 ? 'KOL' : ''}` : at % 3 === 0 ? `博转${'奖'.repeat(at % 7)}微kol` : `微${'粉'.repeat(at % 4)}`;
      return { id, document: searchDocument(id, { title: at % 11 === 0 ? '微' : '', body, people: '' }) };
    });
    const search = createHandoverSearch();
    edits.forEach(({ document }) => search.add(document));
    const queries = ['微博', '转发微博', '博转', '微博 k', '微博 kol', '奖微'];
    for (const limit of [5, 50]) {
      const expected = searchBefore(edits, queries, limit);
      queries.forEach((asked, at) => expect(search.search(asked, { limit }).map(({ id, score, terms }) => ({ id, score, terms }))).toEqual(expected[at]));
    }
  });
});
