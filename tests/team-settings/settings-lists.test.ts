import { describe, expect, it } from 'vitest';
import { DEFAULT_DEPARTMENTS, settingsList } from '../../shared/team-settings';

describe('settingsList', () => {
  it('gives new items an id no other item has, in place, and keeps left-out items retired at the end', () => {
    const ids = ['marketing', 'marketing', 'dept-1'];
    const [customerService, , ...rest] = DEFAULT_DEPARTMENTS;
    const list = settingsList([customerService!, { name: { 'zh-CN': '公关部', en: 'PR' } }, ...rest], DEFAULT_DEPARTMENTS, () => ids.shift()!);
    expect(list.map((item) => [item.id, item.retired ?? false])).toEqual([
      ['customer-service', false],
      ['dept-1', false],
      ['ecommerce', false],
      ['legal', false],
      ['marketing', true],
    ]);
  });
});
