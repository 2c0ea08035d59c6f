import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createHandoverSearch,
  followUpSearchDocument,
  handoverSearchDocument,
  type SearchDocument,
} from '../../shared/search';
import { followUp, handover } from '../../shared/handover';
import { ALICE, BOB, TestDevice } from '../sync/devices';
import { searchDocument } from './search-document';
import { LI, MINUTE, addendum, comment, createFollowUp, followUpData, noteData, replica, sections, shanghai, submit } from '../handover/harness';

const doc = (id: string, body: string, extra: Partial<SearchDocument> = {}) => searchDocument(id, { body, ...extra });

function indexOf(...documents: SearchDocument[]) {
  const search = createHandoverSearch();
  search.addAll(documents);
  return search;
}

const ids = (hits: ReadonlyArray<{ id: string }>) => hits.map((hit) => hit.id).sort();

describe('Chinese words are found as words', () => {
  const search = indexOf(
    doc('weibo', '今天微博发布了两条产品微博。'),
    doc('apart', '微信群通知已发，博客文章待审。'),
    doc('handover', '本班交接班记录：无异常。'),
    doc('handover-apart', '交接工作完成后，晚班接班。'),
    doc('complaint', '一位粉丝在评论区投诉物流太慢。'),
    doc('code', '神秘代码活动今天开始。'),
    doc('code-apart', '神秘的代码？'),
  );

  it('微博 finds 微博, not 微 and 博 apart', () => {
    expect(ids(search.search('微博'))).toEqual(['weibo']);
  });

  it('交接班 and 投诉 are found, three-character words exactly', () => {
    expect(ids(search.search('交接班'))).toEqual(['handover']);
    expect(ids(search.search('投诉'))).toEqual(['complaint']);
  });

  it('longer words exactly, and one character anywhere', () => {
    expect(ids(search.search('神秘代码'))).toEqual(['code']);
    expect(ids(search.search('微'))).toEqual(['apart', 'weibo']);
  });

  it('words apart in the query may be apart in the note; together in the query, together in the note', () => {
    const both = indexOf(doc('apart', '微博上有人投诉。'), doc('together', '微博投诉已升级。'));
    expect(ids(both.search('微博 投诉'))).toEqual(['apart', 'together']);
    expect(ids(both.search('微博投诉'))).toEqual(['together']);
  });

  it('a one-character query finds the character anywhere: inside a run, at its end, alone', () => {
    const one = indexOf(doc('inside', '博主转发'), doc('end', '发布了微博。'), doc('alone', '博：待定'), doc('none', '转发抽奖'));
    expect(ids(one.search('博'))).toEqual(['alone', 'end', 'inside']);
  });

  it('a word never spans two fields', () => {
    const fields = indexOf(doc('split', '投诉已回复', { title: '微博' }));
    expect(ids(fields.search('微博投诉'))).toEqual([]);
    expect(ids(fields.search('微博 投诉'))).toEqual(['split']);
  });

  it('returns the words to highlight', () => {
    expect(search.search('投诉')[0]!.terms).toEqual(['投诉']);
  });
});

describe('English and mixed queries', () => {
  const search = indexOf(
    doc('en', 'Complaint escalated to Customer Service; see the Weibo post.'),
    doc('zh', '客服部已处理投诉。'),
    doc('mixed', '微博 complaint about delivery, 已转客服部'),
    doc('wide', 'ＷＥＩＢＯ抽奖 2026'),
  );

  it('words, case-insensitively, and prefixes', () => {
    expect(ids(search.search('complaint'))).toEqual(['en', 'mixed']);
    expect(ids(search.search('CUSTOMER'))).toEqual(['en']);
    expect(ids(search.search('escal'))).toEqual(['en']);
    expect(search.search('escal')[0]!.terms).toEqual(['escalated']);
  });

  it('full-width letters typed with a Chinese input method match plain ones', () => {
    expect(ids(search.search('weibo'))).toEqual(['en', 'wide']);
    expect(ids(search.search('ｗｅｉｂｏ 抽奖'))).toEqual(['wide']);
  });

  it('every word of a mixed query must match', () => {
    expect(ids(search.search('微博 complaint'))).toEqual(['mixed']);
    expect(ids(search.search('客服部 complaint'))).toEqual(['mixed']);
    expect(ids(search.search('客服部'))).toEqual(['mixed', 'zh']);
    expect(search.search('complaint 投诉')).toEqual([]);
  });

  it('Latin and CJK typed together are two words, found apart or together', () => {
    const touching = indexOf(doc('together', 'KOL投诉已回复'), doc('apart', '一位KOL在评论区投诉'), doc('kol', 'KOL转发'));
    expect(ids(touching.search('KOL投诉'))).toEqual(['apart', 'together']);
    expect(touching.search('kol投诉')[0]!.terms).toEqual(['kol', '投诉']);
  });

  it('full-width forms in notes and queries match their plain forms', () => {
    const wide = indexOf(doc('plain', 'KOL 投诉 3 起'), doc('full', 'ＫＯＬ投诉３起'));
    expect(ids(wide.search('kol'))).toEqual(['full', 'plain']);
    expect(ids(wide.search('ＫＯＬ投诉'))).toEqual(['full', 'plain']);
    expect(ids(wide.search('３'))).toEqual(['full', 'plain']);
  });

  it('a query of punctuation only finds nothing', () => {
    expect(search.search('，。!? ')).toEqual([]);
  });
});

describe('ranking, filters and limits', () => {
  it('a word in the title ranks above the same word in the body', () => {
    const search = indexOf(doc('body', '今天有一条微博投诉。'), doc('title', '无', { title: '微博投诉' }));
    const hits = search.search('微博');
    expect(hits.map((hit) => hit.id)).toEqual(['title', 'body']);
    expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
  });

  it('filters on the facts of each document and limits the hits', () => {
    const search = indexOf(
      doc('handover:1', '投诉'),
      doc('handover:2', '投诉', { shiftTypeId: 'late' }),
      doc('followUp:3', '投诉', { kind: 'followUp', shiftTypeId: null, status: 'open', ownerId: 'm-li' }),
    );
    expect(ids(search.search('投诉', { filter: (facts) => facts.kind === 'followUp' }))).toEqual(['followUp:3']);
    expect(ids(search.search('投诉', { filter: (facts) => facts.shiftTypeId === 'late' }))).toEqual(['handover:2']);
    expect(search.search('投诉', { limit: 2 })).toHaveLength(2);
    expect(search.search('投诉', { filter: (facts) => facts.kind === 'followUp' })[0]).toMatchObject({
      kind: 'followUp',
      status: 'open',
      ownerId: 'm-li',
      date: '2026-01-05',
    });
  });
});

describe('keeping the index up to date', () => {
  it('adds, replaces and removes documents', () => {
    const search = indexOf(doc('a', '微博'));
    expect(() => search.add(doc('a', '投诉'))).toThrow();
    search.replace(doc('a', '投诉'));
    expect(ids(search.search('微博'))).toEqual([]);
    expect(ids(search.search('投诉'))).toEqual(['a']);
    search.replace(doc('b', '投诉'));
    expect(search.size).toBe(2);
    search.remove('a');
    search.remove('never-there');
    expect(ids(search.search('投诉'))).toEqual(['b']);
    expect([search.has('a'), search.has('b'), search.size]).toEqual([false, true, 1]);
  });

  it('builds in chunks without blocking', async () => {
    const search = createHandoverSearch();
    await search.addAllAsync(Array.from({ length: 25 }, (_, index) => doc(`d${index}`, `第${index}条微博`)), 10);
    expect(search.size).toBe(25);
    expect(search.search('微博', { limit: 100 })).toHaveLength(25);
  });
});

describe('documents from notes and follow-ups', () => {
  const [wang, li] = [new TestDevice(ALICE), new TestDevice(BOB)];
  const T = shanghai('2026-01-05', '15:50');
  const view = replica([
    submit(wang, T, 'h1', noteData({ sections: sections({ summary: '本班正常', opinion: '舆情：无' }) })),
    addendum(li, T + MINUTE, 'h1', LI, '补充说明：粉丝投诉已回复'),
    addendum(li, T - MINUTE, 'h-pending', LI, '先到的补充'),
    createFollowUp(wang, shanghai('2026-01-05', '23:30'), 'f1', followUpData({ title: 'Refund for order 42', owner: LI })),
    comment(li, T + 2 * MINUTE, 'f1', LI, '电商部已退款'),
  ]);

  it('a note: its sections, addenda and people; nothing until it is submitted', () => {
    const document = handoverSearchDocument(view.get(handover, 'h1')!)!;
    expect(document).toMatchObject({ id: 'handover:h1', kind: 'handover', date: '2026-01-05', shiftTypeId: 'early', authorId: 'm-wang' });
    const search = indexOf(document);
    expect(ids(search.search('舆情'))).toEqual(['handover:h1']);
    expect(ids(search.search('投诉'))).toEqual(['handover:h1']);
    expect(ids(search.search('李强'))).toEqual(['handover:h1']);
    expect(handoverSearchDocument(view.get(handover, 'h-pending')!)).toBeNull();
  });

  it('a follow-up: title, comments and people, dated in the team zone', () => {
    const document = followUpSearchDocument(view.get(followUp, 'f1')!, 'Asia/Shanghai')!;
    // Created 23:30 on the 5th in Shanghai: the 5th, whatever the computer's zone.
    expect(document).toMatchObject({ id: 'followUp:f1', kind: 'followUp', date: '2026-01-05', status: 'open', ownerId: 'm-li' });
    const search = indexOf(document);
    expect(ids(search.search('refund'))).toEqual(['followUp:f1']);
    expect(ids(search.search('退款'))).toEqual(['followUp:f1']);
  });
});

describe('CJK search is exact substring search, for any text', () => {
  // Four characters: bigrams recur across documents and lie apart, which a phrase check must catch.
  const chars = [...'微博投诉'];
  const textArb = fc.array(fc.constantFrom(...chars, '，', ' ', 'a'), { maxLength: 24 }).map((list) => list.join(''));
  const wordArb = fc.array(fc.constantFrom(...chars), { minLength: 1, maxLength: 5 }).map((list) => list.join(''));
  const fieldsArb = fc.record({ title: textArb, body: textArb });
  // Later versions of documents 0..4, or their removal (null), so that postings are counted down too.
  const editsArb = fc.array(fc.tuple(fc.nat(4), fc.option(fieldsArb)), { maxLength: 8 });

  it('finds exactly the documents that hold every CJK word of the query, each within one field', () => {
    fc.assert(
      fc.property(fc.array(fieldsArb, { minLength: 1, maxLength: 10 }), editsArb, fc.array(wordArb, { minLength: 1, maxLength: 2 }), (initial, edits, words) => {
        const current = new Map(initial.map((fields, index) => [`d${index}`, fields]));
        const search = indexOf(...initial.map((fields, index) => doc(`d${index}`, fields.body, { title: fields.title })));
        for (const [index, fields] of edits) {
          if (fields === null) search.remove(`d${index}`);
          else search.replace(doc(`d${index}`, fields.body, { title: fields.title }));
          if (fields === null) current.delete(`d${index}`);
          else current.set(`d${index}`, fields);
        }
        const holds = ({ title, body }: { title: string; body: string }) => words.every((word) => title.includes(word) || body.includes(word));
        const expected = [...current].filter(([, fields]) => holds(fields)).map(([id]) => id);
        expect(ids(search.search(words.join(' '), { limit: 100 }))).toEqual(expected.sort());
      }),
      { numRuns: 300 },
    );
  });
});
