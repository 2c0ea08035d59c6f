import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Briefing } from '../../shared/briefing';
import type { Settings } from '../../shared/settings/schema';
import type { SyncStatus } from '../../shared/sync/status';
import { addDaysToDate, dateInZone, instantOfWallTime } from '../../shared/team-settings';
import { call, openApp } from '../team-service/team-apps';
import { tempDir } from '../sync-service/helpers';

/** Every file under a folder with its size and modification time: what "nothing written there" compares. */
function listing(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      const stat = statSync(path);
      if (stat.isDirectory()) walk(path);
      else out[relative(dir, path)] = `${stat.size}:${stat.mtimeMs}`;
    }
  };
  walk(dir);
  return out;
}

/**
 * The latest 09:00 in Shanghai that has passed: the sample is told and its briefing read during
 * the early shift, whatever the hour the test runs (at 03:00 nobody is on, and no note waits to be signed).
 */
function earlyShiftHour(): number {
  const now = Date.now();
  const today = dateInZone(now, 'Asia/Shanghai');
  const at = instantOfWallTime(`${today}T09:00`, 'Asia/Shanghai')!;
  return at <= now ? at : instantOfWallTime(`${addDaysToDate(today, -1)}T09:00`, 'Asia/Shanghai')!;
}

describe('opening and leaving the sample team', () => {
  it("opens a living sample as this computer's member, writes nothing into the team's folder, and leaving comes back to the team", async () => {
    const shared = tempDir('real-team');
    const storyAt = earlyShiftHour();
    const app = openApp(shared, 'sample-service', () => storyAt);
    await call(app, 'createTeam', { memberName: '赵敏', teamName: '真实团队', path: shared });
    await app.sync.flushNow();
    const realTeam = app.sync.getStatus().teamId;
    const before = listing(shared);

    const opened = await call<Settings>(app, 'openSampleTeam', { language: 'zh-CN' });
    expect(opened.sample?.path.startsWith(join(app.profileDir, 'samples'))).toBe(true);
    expect(opened.memberName).toBe('赵敏');
    const status = await call<SyncStatus>(app, 'getSyncStatus');
    expect(status.teamName).toBe('示例团队 · 微博运营组');
    expect(status.setAside).toEqual([]);

    // The briefing is alive: my shift, the previous note to sign for, follow-ups, a prize step for me.
    const briefing = await call<Briefing>(app, 'getBriefing', {});
    const kinds = briefing.sections.map((section) => section.kind);
    expect(kinds).toEqual(expect.arrayContaining(['duty', 'previousHandover', 'followUps', 'prizes', 'sops', 'campaigns', 'rotaRequests']));
    const duty = briefing.sections.find((section) => section.kind === 'duty');
    // On the shift under way, or (before it starts) on the next one.
    expect(duty?.kind === 'duty' && (duty.mine ?? duty.myNext)?.role).toBe('primary');
    const previous = briefing.sections.find((section) => section.kind === 'previousHandover');
    const note = previous?.kind === 'previousHandover' ? previous.notes[0] : undefined;
    expect(note?.acknowledged).toBe(false);

    // I sign for it in the sample: written into the sample's folder only.
    await call(app, 'acknowledgeHandover', { id: note!.id });
    await app.sync.flushNow();
    expect(listing(shared)).toEqual(before);

    const left = await call<Settings>(app, 'leaveSampleTeam');
    expect(left.sample).toBeNull();
    expect(app.sync.getStatus().teamId).toBe(realTeam);
    expect(existsSync(opened.sample!.path)).toBe(false);
    await app.sync.flushNow();
    expect(listing(shared)).toEqual(before);
  });

  it('a newcomer without a name tries the sample in English and, leaving it, is back at the first run', async () => {
    const app = openApp(tempDir('nobody'), 'sample-newcomer');
    const opened = await call<Settings>(app, 'openSampleTeam', { language: 'en' });
    expect(opened).toMatchObject({ memberName: 'Alex Lin', firstRunDone: true });
    expect(app.sync.getStatus().teamName).toBe('Sample team · Weibo desk');
    const left = await call<Settings>(app, 'leaveSampleTeam');
    expect(left).toMatchObject({ memberName: null, firstRunDone: false, sample: null });
  });
});
