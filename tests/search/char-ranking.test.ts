import fc from 'fast-check';
import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { createHandoverSearch, indexTerms, isCharTerm, normalizeForSearch, parseQuery, planQuery, type SearchDocument } from '../../shared/search';
import { rankHolders } from '../../shared/search/char-ranking';
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

// Few characters and short fields: many documents hold each, and many share a score.
const CHARS = '微博投诉粉丝转发抽奖';
const text = fc.array(fc.constantFrom(...CHARS), { maxLength: 6 }).map((chars) => chars.join(''));
const fields = fc.record({ title: text, body: text, people: text });
const termsOf = (value: string) => [...indexTerms(normalizeForSearch(value))].join(' ');
/** An edit of the index: add or replace document `id`, or remove it. */
const edit = fc.record({ id: fc.integer({ min: 0, max: 11 }), remove: fc.boolean(), fields });

describe('rankHolders ranks as MiniSearch does', () => {
  it('the same documents, scores and order for every character, after any adds, replaces and removes (vacuumed)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { maxLength: 40 }), async (edits) => {
        const index = miniSearch();
        for (const { id, remove, fields: value } of edits) {
          const key = `d${id}`;
          if (index.has(key)) index.discard(key);
          if (!remove) index.add({ id: key, title: termsOf(value.title), body: termsOf(value.body), people: termsOf(value.people) });
        }
        await index.vacuum();
        for (const char of CHARS) {
          const [term] = indexTerms(char);
          const ranked = rankHolders(index, term!, BOOSTS);
          expect(ranked).not.toBeNull();
          expect([...ranked!]).toEqual(index.search(term!).map(({ id, score }) => ({ id, score })));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('asks MiniSearch (null) while discarded documents are still in the postings', () => {
    const index = miniSearch();
    index.add({ id: 'a', title: termsOf('微'), body: '', people: '' });
    index.add({ id: 'b', title: termsOf('微博'), body: '', people: '' });
    index.discard('a');
    const [term] = indexTerms('微');
    expect(rankHolders(index, term!, BOOSTS)).toBeNull();
    expect(rankHolders(index, indexTerms('投').values().next().value!, BOOSTS)).toEqual([]);
  });
});

/**
 * The search before `rankHolders`: MiniSearch's own ranking of the planned terms, then the phrase
 * check in that order; documents added, replaced (discard, add) and removed in `edits`' order,
 * MiniSearch's sweep of discarded postings done.
 */
async function searchBefore(edits: ReadonlyArray<{ id: string; document: SearchDocument | null }>, queries: readonly string[], limit: number) {
  const index = miniSearch();
  const normalized = new Map<string, string[]>();
  for (const { id, document } of edits) {
    if (index.has(id)) index.discard(id);
    normalized.delete(id);
    if (document === null) continue;
    const fields = [document.title, document.body, document.people].map(normalizeForSearch);
    normalized.set(id, fields);
    const [title, body, people] = fields.map((field) => [...indexTerms(field)].join(' ')) as [string, string, string];
    index.add({ id, title, body, people });
  }
  await index.vacuum();
  // CharPostings: one per field holding the character.
  const postings = (term: string) => [...normalized.values()].flat().filter((field) => indexTerms(field).has(term)).length;
  return queries.map((query) => {
    const plan = planQuery(parseQuery(query), postings);
    if (plan === null) return [];
    const hits: Array<{ id: string; score: number }> = [];
    for (const result of index.search(plan.terms.join(' '))) {
      if (hits.length === limit) break;
      if (plan.phrases.every((phrase) => normalized.get(result.id as string)!.some((field) => field.includes(phrase)))) hits.push({ id: result.id as string, score: result.score });
    }
    return hits;
  });
}

describe('search answers as before', () => {
  const query = fc.array(fc.array(fc.constantFrom(...CHARS), { minLength: 1, maxLength: 3 }).map((chars) => chars.join('')), { minLength: 1, maxLength: 2 }).map((words) => words.join(' '));

  it('the same hits, scores and order for queries of CJK words, whatever the limit, after adds, replaces and removes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { maxLength: 40 }), fc.array(query, { minLength: 1, maxLength: 5 }), fc.integer({ min: 1, max: 12 }), async (changes, queries, limit) => {
        const edits = changes.map(({ id, remove, fields: value }) => ({ id: `handover:${id}`, document: remove ? null : searchDocument(`handover:${id}`, value) }));
        const search = createHandoverSearch();
        for (const { id, document } of edits) {
          if (document === null) search.remove(id);
          else search.replace(document);
        }
        const expected = await searchBefore(edits, queries, limit);
        queries.forEach((asked, at) => expect(search.search(asked, { limit }).map(({ id, score }) => ({ id, score }))).toEqual(expected[at]));
      }),
      { numRuns: 200 },
    );
  });
});
