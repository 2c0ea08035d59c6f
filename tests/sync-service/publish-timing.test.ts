import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SyncTimers } from '../../electron/services/sync/watch/sync-timers';
import { note } from '../sync/example-capabilities';
import { memoryLog } from '../support/memory-log';
import { computer, noteEdit, startService, teamFolder } from './helpers';

const SPACING = 2_000;
const NEVER = 3_600_000;

describe('when edits are published (the timers, on a fake clock)', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  /** Timers whose publishes are counted; each publish takes every edit recorded before it. */
  function timers() {
    const publishedAt: number[] = [];
    const jobs = { poll: async () => undefined, writeCache: async () => undefined, flush: async () => void publishedAt.push(Date.now()) };
    const t = new SyncTimers(jobs, { pollIntervalMs: NEVER, flushDelayMs: SPACING, cacheDelayMs: NEVER }, memoryLog(), Date.now);
    return { t, publishedAt };
  }

  it('publishes the first edit after a quiet spell at once', async () => {
    const { t, publishedAt } = timers();
    await vi.advanceTimersByTimeAsync(10_000);
    const editAt = Date.now();
    t.editRecorded();
    await vi.advanceTimersByTimeAsync(0);
    expect(publishedAt).toEqual([editAt]);
    t.stop();
  });

  it('lets no edit wait more than the spacing, however long someone keeps typing', async () => {
    const { t, publishedAt } = timers();
    await vi.advanceTimersByTimeAsync(10_000);
    // One comment every 0.3 s for a minute: the old quiet-time rule published nothing for 20 s.
    const editsAt: number[] = [];
    for (let i = 0; i < 200; i++) {
      editsAt.push(Date.now());
      t.editRecorded();
      await vi.advanceTimersByTimeAsync(300);
    }
    await vi.advanceTimersByTimeAsync(SPACING);
    const waits = editsAt.map((at) => publishedAt.find((published) => published >= at)! - at);
    expect(Math.max(...waits)).toBeLessThanOrEqual(SPACING);
    // Batched, not a file per keystroke: one publish per spacing at most.
    expect(publishedAt.length).toBeLessThanOrEqual(Math.ceil((200 * 300) / SPACING) + 1);
    for (let i = 1; i < publishedAt.length; i++) expect(publishedAt[i]! - publishedAt[i - 1]!).toBeGreaterThanOrEqual(SPACING);
    t.stop();
  });

  it('counts the start as a publish: an edit right after it waits for the spacing', async () => {
    const { t, publishedAt } = timers();
    await vi.advanceTimersByTimeAsync(500);
    t.editRecorded();
    await vi.advanceTimersByTimeAsync(SPACING - 500 - 1);
    expect(publishedAt).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(publishedAt).toHaveLength(1);
    t.stop();
  });
});

describe('someone who keeps typing', () => {
  // The bound itself is proven on the fake clock above; this shows it end to end through the folder.
  it('reaches the other computer while still typing, batch after batch', async () => {
    const { sharedDir, founder, founderPlace } = await teamFolder();
    await founder.close();
    const writer = startService(founderPlace, { flushDelayMs: 200 });
    await writer.ready;
    const reader = startService(computer(sharedDir, 'bob'), { memberName: 'Bob', pollIntervalMs: 50 });
    await reader.ready;
    // Type until the reader has taken in edits three separate times (a cap stops a broken policy).
    let typed = 0;
    let seen = 0;
    let arrivals = 0;
    while (arrivals < 3 && typed < 2_000) {
      writer.record([noteEdit(`comment ${typed}`, `c${typed}`)]);
      typed += 1;
      await new Promise((resolve) => setTimeout(resolve, 30));
      let now = seen;
      while (now < typed && reader.state.get(note, `c${now}`)) now += 1;
      if (now > seen) arrivals += 1;
      seen = now;
    }
    // Three arrivals, each seen between two edits of the loop: the writer never stopped typing for them.
    expect(arrivals).toBe(3);
    // Published in several segments as it went.
    expect(writer.getStatus().devices.find((device) => device.deviceId === writer.deviceId)!.segments).toBeGreaterThanOrEqual(3);
  });
});
