import { describe, expect, it } from 'vitest';
import { DEFAULT_SHIFT_TYPES } from '../../shared/team-settings';
import { SOP_AREAS, validateRevision } from '../../shared/sop';
import { starterSops } from '../../shared/sop/starter';

describe('starter SOPs', () => {
  it.each(['zh-CN', 'en'] as const)('%s: one per area, real text, checklists that fire on the default shifts', (language) => {
    const starters = starterSops(language);
    expect(starters.map((starter) => starter.area)).toEqual([...SOP_AREAS]);
    for (const starter of starters) {
      expect(starter.title.length).toBeGreaterThan(3);
      expect(starter.body.length).toBeGreaterThan(250);
      expect(validateRevision(starter, DEFAULT_SHIFT_TYPES)).toEqual([]);
    }
    const content = starters.find((starter) => starter.area === 'content')!;
    expect(content.checklist.find((item) => item.id === 'product-posts')).toMatchObject({ times: ['10:00', '15:00'], contentType: 'product', days: 'weekdays', shiftTypeIds: ['early'] });
  });

  it('the two languages carry the same checklist schedules', () => {
    const schedule = (language: 'zh-CN' | 'en') => starterSops(language).map((starter) => starter.checklist.map(({ title: _title, ...rest }) => rest));
    expect(schedule('en')).toEqual(schedule('zh-CN'));
  });
});
