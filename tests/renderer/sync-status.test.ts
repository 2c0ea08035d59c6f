import { describe, expect, it } from 'vitest';
import { en, zhCN } from '../../renderer/i18n/messages';
import { absolutePathIn, healthOf, noticeMessages, setAsideMessages, shortDeviceId, unavailableMessages } from '../../renderer/sync/health';
import { formatDuration, formatInterval, formatRelative, formatSize } from '../../renderer/sync/time';
import { NOTICE_KINDS, SET_ASIDE_REASONS, UNAVAILABLE_REASONS, type SyncStatus } from '../../shared/sync/status';
import { syncStatus } from './sync-status-fixture';

const base: SyncStatus = syncStatus();

const lookup = (tree: unknown, key: string): unknown => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], tree);

describe('sync status words', () => {
  it('every reason, notice kind and unavailable reason the service can send has words in both languages', () => {
    const keys = [
      ...SET_ASIDE_REASONS.map((reason) => setAsideMessages[reason]),
      ...NOTICE_KINDS.map((kind) => noticeMessages[kind]),
      ...UNAVAILABLE_REASONS.map((reason) => unavailableMessages[reason]),
    ];
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) {
      expect(typeof lookup(zhCN, key), key).toBe('string');
      expect(typeof lookup(en, key), key).toBe('string');
    }
  });
});

describe('healthOf', () => {
  it('puts an unavailable folder first, then problems, then waiting edits', () => {
    expect(healthOf(base, 0)).toBe('healthy');
    expect(healthOf({ ...base, pendingOutbox: 2 }, 0)).toBe('waiting');
    const setAside = [{ path: 'baton/x', reason: 'empty' as const, detail: '', size: 0, firstSeenAt: 1 }];
    expect(healthOf({ ...base, pendingOutbox: 2, setAside }, 0)).toBe('problems');
    expect(healthOf({ ...base, available: false, unavailableReason: 'folder-missing', setAside }, 0)).toBe('unavailable');
    expect(healthOf({ ...base, localClockBehind: { byMs: 4e6, deviceId: 'x' } }, 0)).toBe('problems');
  });

  it('counts a problem notice until it was seen, and never one that only tells what was put right', () => {
    const clash = { ...base, notices: [{ kind: 'op-clash' as const, at: 100, detail: '', data: {} }] };
    expect(healthOf(clash, 0)).toBe('problems');
    expect(healthOf(clash, 100)).toBe('healthy');
    const rebuilt = { ...base, notices: [{ kind: 'cache-rebuilt' as const, at: 100, detail: '', data: {} }] };
    expect(healthOf(rebuilt, 0)).toBe('healthy');
  });
});

describe('absolutePathIn', () => {
  it('joins with the separator the shared folder itself uses', () => {
    expect(absolutePathIn('/Volumes/团队', 'baton/devices/a/log/x.jsonl')).toBe('/Volumes/团队/baton/devices/a/log/x.jsonl');
    expect(absolutePathIn('/data/team/', 'baton/x')).toBe('/data/team/baton/x');
    expect(absolutePathIn('D:\\坚果云\\接力', 'baton/devices/a/log/x.jsonl')).toBe('D:\\坚果云\\接力\\baton\\devices\\a\\log\\x.jsonl');
    expect(absolutePathIn('\\\\NAS\\运营部\\', 'baton/team.json')).toBe('\\\\NAS\\运营部\\baton\\team.json');
    expect(absolutePathIn('D:/shared', 'baton/x')).toBe('D:/shared/baton/x');
  });

  it('shortens device ids to their first eight characters', () => {
    expect(shortDeviceId('abcdefghijklmnopqrstuvwxyz')).toBe('abcdefgh');
  });
});

describe('times and sizes', () => {
  const now = Date.UTC(2026, 10, 27, 4, 0, 0);
  it('says "just now" for under 45 seconds, then minutes, hours, days, in each language', () => {
    expect(formatRelative(now - 10_000, now, 'zh-CN', '刚刚')).toBe('刚刚');
    expect(formatRelative(now + 10_000, now, 'en', 'just now')).toBe('just now');
    expect(formatRelative(now - 3 * 60_000, now, 'zh-CN', '刚刚')).toBe('3分钟前');
    expect(formatRelative(now - 3 * 60_000, now, 'en', 'just now')).toBe('3 minutes ago');
    expect(formatRelative(now - 2 * 3600_000, now, 'en', 'just now')).toBe('2 hours ago');
    expect(formatRelative(now - 3 * 86400_000, now, 'zh-CN', '刚刚')).toBe('3天前');
  });

  it('words a clock offset in its largest whole unit', () => {
    expect(formatDuration(3 * 3600_000, 'en')).toBe('3 hours');
    expect(formatDuration(-3 * 3600_000, 'zh-CN')).toBe('3小时');
    expect(formatDuration(-2 * 86400_000, 'en')).toBe('2 days');
    expect(formatDuration(6 * 60_000, 'en')).toBe('6 minutes');
  });

  it('words the poll interval in seconds, or minutes when whole', () => {
    expect(formatInterval(5, 'en')).toBe('5 seconds');
    expect(formatInterval(1, 'en')).toBe('1 second');
    expect(formatInterval(300, 'en')).toBe('5 minutes');
    expect(formatInterval(5, 'zh-CN')).toBe('5秒钟');
  });

  it('gives file sizes as a file manager does', () => {
    expect(formatSize(300, 'en')).toBe('300 bytes');
    expect(formatSize(300, 'zh-CN')).toBe('300字节');
    expect(formatSize(1536, 'en')).toBe('1.5 kB');
    expect(formatSize(200 * 1024 * 1024, 'en')).toBe('200 MB');
  });
});
