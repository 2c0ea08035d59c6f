import { describe, expect, it } from 'vitest';
import { indexTerms, isCharTerm, normalizeForSearch, parseQuery } from '../../shared/search';

const termsOf = (text: string) => [...indexTerms(normalizeForSearch(text))];
const latin = (terms: readonly string[]) => terms.filter((term) => !isCharTerm(term));

describe('the tokeniser', () => {
  it('indexes every distinct CJK character and Latin word once, lower-cased', () => {
    const terms = termsOf('微博微博 Weibo weibo, 2026!');
    expect(latin(terms)).toEqual(['weibo', '2026']);
    expect(terms.filter(isCharTerm)).toHaveLength(2);
  });

  it('keeps CJK and Latin apart where they touch, and drops hash-like giants', () => {
    expect(latin(termsOf('iPhone手机'))).toEqual(['iphone']);
    expect(termsOf(`sha ${'a'.repeat(65)}`)).toEqual(['sha']);
  });

  it('treats Japanese kana like Chinese characters and accented words as words', () => {
    expect(termsOf('カタカナ').every(isCharTerm)).toBe(true);
    expect(termsOf('Café crème')).toEqual(['café', 'crème']);
  });

  it('normalises full-width letters and digits to ASCII', () => {
    expect(normalizeForSearch('ＷＥＩＢＯ１２３')).toBe('weibo123');
    expect(termsOf('ＫＯＬ投诉３起')).toEqual(termsOf('kol投诉3起'));
  });

  it('parses a query into words, each once: Latin prefixes, and CJK words with their characters', () => {
    const [complaint, escal, bo, ...rest] = parseQuery('微博投诉 Escal 博 微博投诉');
    expect(rest).toEqual([]);
    expect(complaint).toMatchObject({ text: '微博投诉', cjk: true });
    expect(complaint!.terms).toHaveLength(4);
    expect(complaint!.terms.every(isCharTerm)).toBe(true);
    expect(escal).toEqual({ text: 'escal', cjk: false, terms: ['escal'] });
    expect(bo).toEqual({ text: '博', cjk: true, terms: [complaint!.terms[1]] });
    // A character twice in a word is one term.
    expect(parseQuery('哈哈')[0]!.terms).toHaveLength(1);
  });

  it('a query of symbols has no words', () => {
    expect(parseQuery('…，。、 --')).toEqual([]);
  });
});
