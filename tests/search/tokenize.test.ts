import { describe, expect, it } from 'vitest';
import { indexTerms, isCharTerm, normalizeForSearch, parseQuery } from '../../shared/search';

describe('the tokeniser', () => {
  it('indexes every distinct CJK character and Latin word once, lower-cased', () => {
    const terms = indexTerms('微博微博 Weibo weibo, 2026!');
    expect(terms.filter((term) => !isCharTerm(term))).toEqual(['weibo', '2026']);
    expect(terms.filter(isCharTerm)).toHaveLength(2);
  });

  it('keeps CJK and Latin apart where they touch, and drops hash-like giants', () => {
    expect(indexTerms('iPhone手机').filter((term) => !isCharTerm(term))).toEqual(['iphone']);
    expect(indexTerms(`sha ${'a'.repeat(65)}`)).toEqual(['sha']);
  });

  it('treats Japanese kana like Chinese characters and accented words as words', () => {
    expect(indexTerms('カタカナ').every(isCharTerm)).toBe(true);
    expect(indexTerms('Café crème')).toEqual(['café', 'crème']);
  });

  it('normalises full-width letters and digits to ASCII', () => {
    expect(normalizeForSearch('ＷＥＩＢＯ１２３')).toBe('weibo123');
  });

  it('parses a query into required terms, CJK phrases and the words to highlight', () => {
    const query = parseQuery('微博投诉 Escal 博 ');
    expect(query.cjkWords).toEqual(['微博投诉', '博']);
    expect(query.phrases).toEqual(['微博投诉']);
    // 微 博 投 诉 (博 once) and the Latin word.
    expect(query.terms.filter(isCharTerm)).toHaveLength(4);
    expect(query.terms.filter((term) => !isCharTerm(term))).toEqual(['escal']);
  });

  it('a query of symbols has no terms', () => {
    expect(parseQuery('…，。、 --')).toEqual({ terms: [], cjkWords: [], phrases: [] });
  });
});
