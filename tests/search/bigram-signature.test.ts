import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bigramSignature, mayContain } from '../../shared/search/bigram-signature';

describe('bigram signatures', () => {
  it('never rule out a word the text holds', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 40 }), { minLength: 1, maxLength: 3 }), fc.nat(), fc.nat(), (texts, from, length) => {
        const text = texts[from % texts.length]!;
        const start = from % (text.length + 1);
        expect(mayContain(bigramSignature(texts), text.slice(start, start + (length % 6)))).toBe(true);
      }),
    );
  });

  it('rule out a word whose bigram is in no field, including one that would span two', () => {
    const signature = bigramSignature(['今天微博发布了两条产品微博', '投诉']);
    expect(mayContain(signature, '产品微博')).toBe(true);
    expect(mayContain(signature, '博投')).toBe(false);
    expect(mayContain(bigramSignature(['微', '博']), '微博')).toBe(false);
  });

  it('let about one absent bigram in twenty through a note of 550 distinct bigrams', () => {
    const chars = Array.from({ length: 60 }, (_, at) => String.fromCodePoint(0x4e00 + at * 7));
    // Each character followed by the next ten, each pair a text of its own: 545 bigrams.
    const signature = bigramSignature(chars.flatMap((char, at) => chars.slice(at + 1, at + 11).map((next) => char + next)));
    const absent = chars.flatMap((char, at) => chars.slice(0, at).map((before) => char + before));
    const passed = absent.filter((word) => mayContain(signature, word)).length;
    // A quarter of the bits set, two per bigram: 1/16 expected.
    expect(passed / absent.length).toBeLessThan(0.08);
  });
});
