import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { passageOf } from '../../shared/search';

/** Issue #17 item 6: a search result shows where the words are, marked. */

const marked = (parts: ReturnType<typeof passageOf>) => parts.map((part) => (part.hit ? `[${part.text}]` : part.text)).join('');

describe('passageOf', () => {
  it('shows the passage around the first match, far into the text, with every match marked', () => {
    const text = `${'今天一切正常，发了两条产品微博。'.repeat(4)}上午有粉丝反复投诉物流太慢，已转客服，投诉单号 A12。`;
    expect(marked(passageOf(text, ['投诉']))).toBe('…两条产品微博。今天一切正常，发了两条产品微博。上午有粉丝反复[投诉]物流太慢，已转客服，[投诉]单号 A12。');
  });

  it('matches Latin words whatever their case or width, keeping the text as written', () => {
    expect(marked(passageOf('Escalated to ＣＳ team, Escalation open', ['escalat', 'cs']))).toBe('[Escalat]ed to [ＣＳ] team, [Escalat]ion open');
  });

  it('stays within the line (the section) that matched', () => {
    expect(marked(passageOf('今天一切正常，发了两条产品微博。\n上午有粉丝反复投诉物流太慢。\n晚上直播', ['投诉']))).toBe('上午有粉丝反复[投诉]物流太慢。');
  });

  it('gives the opening, unmarked, when the words are only in a field not shown (a name)', () => {
    expect(passageOf('短短一句', ['小林'])).toEqual([{ text: '短短一句', hit: false }]);
  });

  it('merges overlapping matches and cuts a long text with … on both sides', () => {
    const parts = passageOf(`${'啊'.repeat(100)}微博投诉${'啊'.repeat(200)}`, ['微博', '博投']);
    expect(parts.filter((part) => part.hit)).toEqual([{ text: '微博投', hit: true }]);
    expect(parts[0]).toEqual({ text: '…', hit: false });
    expect(parts.at(-1)).toEqual({ text: '…', hit: false });
  });

  it('only ever shows the text itself: the parts, without the ellipses, are a stretch of it', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.array(fc.string({ minLength: 1, maxLength: 4 }), { maxLength: 3 }), (text, terms) => {
        const inner = passageOf(text, terms).filter((part, index, all) => !(part.text === '…' && (index === 0 || index === all.length - 1)));
        expect(text).toContain(inner.map((part) => part.text).join(''));
      }),
    );
  });
});
