import { beforeAll, describe, expect, it } from 'vitest';
import { createHandoverSearch, type SearchDocument } from '../../shared/search';
import { searchDocument } from './search-document';

/**
 * The index at the size the product promises: 10,000 notes of a few hundred characters. No
 * timing is asserted (machines differ); this proves it builds and answers correctly at that size.
 */

const PHRASES = [
  '早班发布产品微博两条',
  '粉丝私信询问物流进度',
  '评论区有用户投诉质量问题',
  '已升级客服部处理',
  '有奖转发活动进行中',
  '舆情平稳，无负面',
  '晚班请关注活动抽奖',
  '随手拍活动收到投稿',
  'repost lottery draws at 20:00',
  'customer service replied on Weibo',
];

function noteText(index: number): string {
  // A deterministic mix, different per note.
  return Array.from({ length: 12 }, (_, part) => PHRASES[(index * 7 + part * 3 + (index % 5)) % PHRASES.length]).join('。');
}

const NOTES = 10_000;

describe('search over 10,000 notes', () => {
  const documents: SearchDocument[] = Array.from({ length: NOTES }, (_, index) =>
    searchDocument(`handover:h${index}`, {
      date: `2026-${String((index % 12) + 1).padStart(2, '0')}-01`,
      shiftTypeId: index % 2 === 0 ? 'early' : 'late',
      authorId: `m${index % 7}`,
      title: index === 4242 ? '神秘代码活动预热' : '',
      body: noteText(index) + (index === 777 ? '。交接班时发现微博投诉未回复' : ''),
    }),
  );
  const search = createHandoverSearch();
  beforeAll(() => search.addAll(documents));

  it('holds every note', () => {
    expect(search.size).toBe(NOTES);
  });

  it('finds the needles', () => {
    expect(search.search('神秘代码').map((hit) => hit.id)).toEqual(['handover:h4242']);
    expect(search.search('交接班 微博投诉').map((hit) => hit.id)).toEqual(['handover:h777']);
  });

  it('answers common words with the best hits up to the limit, filtered', () => {
    const hits = search.search('微博', { limit: 20, filter: (facts) => facts.shiftTypeId === 'late' });
    expect(hits).toHaveLength(20);
    expect(hits.every((hit) => hit.shiftTypeId === 'late')).toBe(true);
    expect(hits.map((hit) => hit.score)).toEqual([...hits.map((hit) => hit.score)].sort((a, b) => b - a));
    expect(search.search('lottery', { limit: NOTES }).length).toBeGreaterThan(1000);
  });

  it('keeps up with edits at that size', () => {
    search.replace({ ...documents[4242]!, title: '' });
    expect(search.search('神秘代码')).toEqual([]);
  });
});
