import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAppServices } from '../../electron/services/app-services';
import { webPlatform as platform } from '../../electron/host/web-platform';
import { createConfSettingsStore } from '../../electron/services/settings/conf-store';
import { operations } from '../../shared/api/contract';
import { SyncStatusSchema } from '../../shared/sync/status';
import { note } from '../sync/example-capabilities';
import { computer, manualClock, noteEdit, startService, teamFolder, tempDir, testLog } from './helpers';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

describe('the sync status', () => {
  it('estimates each device clock from segments that arrive while running, and warns beyond five minutes', async () => {
    const { sharedDir } = await teamFolder();
    const base = Date.UTC(2026, 2, 2, 1, 0, 0);
    const carolClock = manualClock(base);
    const bobClock = manualClock(base + 3 * HOUR);
    const daveClock = manualClock(base - 2 * DAY);
    const carol = startService(computer(sharedDir, 'carol'), { memberName: 'Carol', now: carolClock.now });
    const bob = startService(computer(sharedDir, 'bob'), { memberName: 'Bob', now: bobClock.now });
    const dave = startService(computer(sharedDir, 'dave'), { memberName: 'Dave', now: daveClock.now });
    await Promise.all([carol.ready, bob.ready, dave.ready]);

    bob.record([noteEdit('from the future')]);
    dave.record([noteEdit('from the past')]);
    await bob.flushNow();
    await dave.flushNow();
    carolClock.advance(2000);
    await carol.syncNow();

    const status = SyncStatusSchema.parse(carol.getStatus());
    const line = (id: string) => status.devices.find((device) => device.deviceId === id)!;
    expect(line(bob.deviceId)).toMatchObject({ memberName: 'Bob', segments: 1, clockSkewWarning: true });
    expect(line(bob.deviceId).clockSkewMs).toBeGreaterThan(3 * HOUR - 10_000);
    expect(line(bob.deviceId).clockSkewMs).toBeLessThanOrEqual(3 * HOUR);
    expect(line(dave.deviceId).clockSkewMs).toBeLessThan(-2 * DAY + 10_000);
    expect(line(dave.deviceId).clockSkewWarning).toBe(true);
    expect(line(carol.deviceId)).toMatchObject({ memberName: 'Carol', segments: 0, clockSkewMs: null, clockSkewWarning: false });
    // This computer received a timestamp three hours ahead of its clock.
    expect(status.localClockBehind?.deviceId).toBe(bob.deviceId);
    expect(status.localClockBehind?.byMs).toBeGreaterThan(3 * HOUR - 10_000);
    // Whatever the clocks, Carol's next edit sorts after everything she has seen.
    const [mine] = carol.record([noteEdit('after all that')]);
    expect(mine!.hlc.slice(0, 15) >= String(base + 3 * HOUR).padStart(15, '0')).toBe(true);
  });

  it('leaves the skew unknown for segments read as a backlog at start', async () => {
    const { sharedDir, founder } = await teamFolder();
    founder.record([noteEdit('old news')]);
    await founder.flushNow();
    const later = manualClock(Date.now() + 5 * DAY);
    const reader = startService(computer(sharedDir, 'reader'), { memberName: 'Reader', now: later.now });
    await reader.ready;
    const line = reader.getStatus().devices.find((device) => device.deviceId === founder.deviceId)!;
    expect(line).toMatchObject({ segments: 1, clockSkewMs: null, clockSkewWarning: false });
  });

  it('pushes status and team data changes to listeners', async () => {
    const { founder } = await teamFolder();
    const statuses: number[] = [];
    const changes: string[][] = [];
    founder.onStatus((status) => statuses.push(status.pendingOutbox));
    founder.onChange((change) => changes.push([...change.touchedKinds]));
    founder.record([noteEdit('x')]);
    expect(changes).toEqual([['note']]);
    expect(statuses.at(-1)).toBe(1);
    await founder.syncNow();
    expect(statuses.at(-1)).toBe(0);
  });
});


describe('the app services', () => {
  it('run the sync service: a team in the embedded folder after the first run, status and pushes over the bridge', async () => {
    const profileDir = tempDir('profile');
    const services = createAppServices({
      profileDir,
      appVersion: '0.1.0',
      platform,
      settingsStore: createConfSettingsStore(profileDir, '0.1.0'),
      log: testLog(),
      syncConfig: { capabilities: [note] },
      syncOptions: { watch: false, flushDelayMs: 3_600_000, cacheDelayMs: 3_600_000 },
    });
    const events: Array<[string, unknown]> = [];
    services.hub.listen((event, payload) => events.push([event, payload]));
    try {
      await services.sync.ready;
      const before = await services.dispatch('getSyncStatus', {});
      expect(before).toMatchObject({ ok: true, value: { available: false, unavailableReason: 'folder-missing' } });

      await services.dispatch('completeFirstRun', { memberName: '小林', sharedFolder: { kind: 'embedded' } });
      const embedded = join(profileDir, 'team-folder');
      expect(existsSync(join(embedded, 'baton', 'team.json'))).toBe(true);
      const after = await services.dispatch('getSyncStatus', {});
      expect(after.ok && operations.getSyncStatus.output.parse(after.value)).toMatchObject({ available: true, teamName: '小林' });

      services.sync.record([noteEdit('第一条', 'first')]);
      expect(events).toContainEqual(['teamDataChanged', { touchedKinds: ['note'] }]);
      const synced = await services.dispatch('syncNow', {});
      expect(synced).toMatchObject({ ok: true, value: { pendingOutbox: 0 } });
      expect(events.some(([event]) => event === 'syncStatusChanged')).toBe(true);

      const elsewhere = tempDir('chosen');
      await services.dispatch('updateSettings', { sharedFolder: { kind: 'path', path: elsewhere } });
      const switched = await services.dispatch('syncNow', {});
      expect(switched).toMatchObject({ ok: true, value: { available: false, unavailableReason: 'no-team', sharedDir: elsewhere } });
      expect(existsSync(join(elsewhere, 'baton'))).toBe(false);
    } finally {
      await services.close();
    }
  });
});
