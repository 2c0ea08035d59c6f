import { describe, expect, it } from 'vitest';
import { parseQuery, planQuery } from '../../shared/search';

const bigram = (pair: string) => parseQuery(pair)[0]!.terms[0]!;

/** `postings`: per bigram, given by its two characters; 0 for any other. */
function planOf(query: string, postings: Record<string, number>) {
  const byTerm = new Map(Object.entries(postings).map(([pair, count]) => [bigram(pair), count]));
  return planQuery(parseQuery(query), (term) => byTerm.get(term) ?? 0);
}

describe('planning a query', () => {
  it('asks the index for the rarest bigram of all the CJK words and checks the rest in the text', () => {
    const plan = planOf('微博 投诉升级', { 微博: 900, 投诉: 300, 诉升: 40, 升级: 200 });
    expect(plan).toEqual({ terms: [bigram('诉升')], phrases: ['微博', '投诉升级'] });
  });

  it('a two-character word found by its bigram is not checked again', () => {
    expect(planOf('微博 投诉升级', { 微博: 10, 投诉: 300, 诉升: 40, 升级: 200 })).toEqual({ terms: [bigram('微博')], phrases: ['投诉升级'] });
  });

  it('Latin words are always asked for, as prefixes', () => {
    expect(planOf('KOL 微博', { 微博: 10 })).toEqual({ terms: ['kol', bigram('微博')], phrases: [] });
  });

  it('a lone character is asked for only when nothing else is', () => {
    const [wei] = parseQuery('微');
    expect(planOf('微', {})).toEqual({ terms: wei!.terms, phrases: [] });
    expect(planOf('微 kol', {})).toEqual({ terms: ['kol'], phrases: ['微'] });
    expect(planOf('微 投诉', { 投诉: 5 })).toEqual({ terms: [bigram('投诉')], phrases: ['微'] });
  });

  it('nothing to ask when a bigram is in no document, or the query has no words', () => {
    expect(planOf('微博 投诉升级', { 微博: 900, 投诉: 300, 升级: 200 })).toBeNull();
    expect(planOf('，。', {})).toBeNull();
  });
});
