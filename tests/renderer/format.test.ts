import { describe, expect, it } from 'vitest';
import { formatInZone, formatTime, settingName } from '../../renderer/app/format';
import { shiftHours } from '../../renderer/briefing/format';
import { formatClockTime, formatDateTime, formatHourMinute } from '../../renderer/sync/time';

describe('settingName', () => {
  const list = [{ id: 'early', name: { 'zh-CN': '早班', en: 'Early shift' } }];
  it('names an item in the UI language, its id when unknown, nothing for none', () => {
    expect(settingName(list, 'early', 'zh-CN')).toBe('早班');
    expect(settingName(list, 'night', 'en')).toBe('night');
    expect(settingName(list, null, 'en')).toBe('');
  });
});

describe('times of day read on the 24-hour clock in both languages', () => {
  // 2026-01-06 14:05 and 00:30 in Shanghai.
  const afternoon = Date.UTC(2026, 0, 6, 6, 5);
  const midnight = Date.UTC(2026, 0, 5, 16, 30);
  it('formatInZone: the team instant as the fields and the Chinese UI show it, never AM/PM', () => {
    expect(formatInZone(afternoon, 'Asia/Shanghai', 'zh-CN')).toBe('1/6 14:05');
    expect(formatInZone(afternoon, 'Asia/Shanghai', 'en')).toBe('1/6, 14:05');
    expect(formatInZone(midnight, 'Asia/Shanghai', 'en')).toBe('1/6, 00:30');
  });
  it("this computer's times and the sync screen's", () => {
    for (const text of [formatTime(new Date(afternoon), 'en'), formatDateTime(afternoon, 'en'), formatClockTime(afternoon, 'en'), formatHourMinute(afternoon, 'en')]) {
      expect(text).not.toMatch(/AM|PM/);
    }
    expect(formatTime(new Date(Date.UTC(2026, 0, 6, 14, 5)), 'en')).toMatch(/^\d\d:05$/);
  });
});

describe('shift hours', () => {
  // 16:00 on 6 Jan to the next midnight in Shanghai, as the team settings write it: 16:00–24:00.
  const late = { date: '2026-01-06', shiftTypeId: 'late', startAt: Date.UTC(2026, 0, 6, 8), endAt: Date.UTC(2026, 0, 6, 16) };
  it('a shift ending at midnight ends at 24:00 in both languages, not 00:00 or 12:00 AM', () => {
    expect(shiftHours(late, 'Asia/Shanghai', 'zh-CN')).toBe('16:00–24:00');
    expect(shiftHours(late, 'Asia/Shanghai', 'en')).toBe('16:00–24:00');
    expect(shiftHours({ ...late, startAt: late.endAt, endAt: late.endAt + 8 * 3_600_000 }, 'Asia/Shanghai', 'en')).toBe('00:00–08:00');
  });
});
