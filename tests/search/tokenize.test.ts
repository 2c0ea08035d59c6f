import { describe, expect, it } from 'vitest';
import { indexTerms, isBigramTerm, isCharTerm, isCjkTerm, normalizeForSearch, parseQuery } from '../../shared/search';

const termsOf = (text: string) => [...indexTerms(normalizeForSearch(text))];
const latin = (terms: readonly string[]) => terms.filter((term) => !isCjkTerm(term));

describe('the tokeniser', () => {
  it('indexes a CJK run by its distinct bigrams and its last character alone', () => {
    // 交接 接班 班记 记录, and 录.
    const terms = termsOf('交接班记录');
    expect(terms.filter(isBigramTerm)).toHaveLength(4);
    expect(terms.filter(isCharTerm)).toHaveLength(1);
    // 微博 博微 (微博 once), and 博; a one-character run is its character alone.
    expect(termsOf('微博微博').filter(isBigramTerm)).toHaveLength(2);
    expect(termsOf('博').every(isCharTerm)).toBe(true);
  });

  it('every character starts exactly one term, so a character alone is found by prefix', () => {
    const terms = termsOf('发布微博。博');
    const [wei, bo] = parseQuery('微 博').map((word) => word.terms[0]!);
    expect(terms.filter((term) => term.startsWith(wei!))).toHaveLength(1);
    // 博 ends both runs: the same term once.
    expect(terms.filter((term) => term.startsWith(bo!))).toEqual([bo]);
  });

  it('indexes every distinct Latin word once, lower-cased, apart from CJK it touches', () => {
    expect(latin(termsOf('微博 Weibo weibo, 2026!'))).toEqual(['weibo', '2026']);
    expect(latin(termsOf('iPhone手机'))).toEqual(['iphone']);
    expect(termsOf(`sha ${'a'.repeat(65)}`)).toEqual(['sha']);
  });

  it('treats Japanese kana like Chinese characters and accented words as words', () => {
    expect(termsOf('カタカナ').every(isCjkTerm)).toBe(true);
    expect(termsOf('Café crème')).toEqual(['café', 'crème']);
  });

  it('normalises full-width letters and digits to ASCII', () => {
    expect(normalizeForSearch('ＷＥＩＢＯ１２３')).toBe('weibo123');
    expect(termsOf('ＫＯＬ投诉')).toEqual(termsOf('kol投诉'));
  });

  it('parses a query into words, each once: Latin prefixes, CJK words with the terms that find them', () => {
    const [complaint, escal, bo, ...rest] = parseQuery('微博投诉 Escal 博 微博投诉');
    expect(rest).toEqual([]);
    expect(complaint).toMatchObject({ text: '微博投诉', cjk: true, phrase: true });
    expect(complaint!.terms.every(isBigramTerm) && complaint!.terms.length).toBe(3);
    expect(escal).toEqual({ text: 'escal', cjk: false, terms: ['escal'], phrase: false });
    expect(bo).toMatchObject({ text: '博', cjk: true, phrase: false });
    expect(bo!.terms.every(isCharTerm)).toBe(true);
    // Two characters: the bigram is the word, nothing left to check.
    expect(parseQuery('投诉')[0]).toMatchObject({ phrase: false, terms: [expect.stringMatching(/^~/)] });
  });

  it('a query of symbols has no words', () => {
    expect(parseQuery('…，。、 --')).toEqual([]);
  });
});
