import { describe, expect, it } from 'vitest';
import { settingName } from '../../renderer/app/format';

describe('settingName', () => {
  const list = [{ id: 'early', name: { 'zh-CN': '早班', en: 'Early shift' } }];
  it('names an item in the UI language, its id when unknown, nothing for none', () => {
    expect(settingName(list, 'early', 'zh-CN')).toBe('早班');
    expect(settingName(list, 'night', 'en')).toBe('night');
    expect(settingName(list, null, 'en')).toBe('');
  });
});
