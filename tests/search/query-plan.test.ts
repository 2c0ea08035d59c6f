import { describe, expect, it } from 'vitest';
import { parseQuery, planQuery } from '../../shared/search';

const term = (char: string) => parseQuery(char)[0]!.terms[0]!;

/** `postings`: per character; 0 for any other. */
function planOf(query: string, postings: Record<string, number>) {
  const byTerm = new Map(Object.entries(postings).map(([char, count]) => [term(char), count]));
  return planQuery(parseQuery(query), (charTerm) => byTerm.get(charTerm) ?? 0);
}

const COMMON = { 微: 900, 博: 900, 投: 300, 诉: 280, 升: 40, 级: 200 };

describe('planning a query', () => {
  it('asks the index for the rarest character of all the CJK words and checks every word in the text', () => {
    expect(planOf('微博 投诉升级', COMMON)).toEqual({ terms: [term('升')], phrases: ['微博', '投诉升级'] });
  });

  it('a one-character word asked of the index is not checked again; other one-character words are', () => {
    expect(planOf('升 微博', COMMON)).toEqual({ terms: [term('升')], phrases: ['微博'] });
    expect(planOf('升 级', COMMON)).toEqual({ terms: [term('升')], phrases: ['级'] });
  });

  it('Latin words are always asked for, as prefixes', () => {
    expect(planOf('KOL 微博', COMMON)).toEqual({ terms: ['kol', term('微')], phrases: ['微博'] });
    expect(planOf('KOL escal', COMMON)).toEqual({ terms: ['kol', 'escal'], phrases: [] });
  });

  it('nothing to ask when a character is in no document, or the query has no words', () => {
    expect(planOf('微博 黑粉', COMMON)).toBeNull();
    expect(planOf('，。', COMMON)).toBeNull();
  });
});
