import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAppServices } from '../../electron/services/app-services';
import { webPlatform as platform } from '../../electron/host/web-platform';
import { createConfSettingsStore } from '../../electron/services/settings/conf-store';
import { appSyncConfig } from '../../electron/services/sync/app-sync-config';
import { runTeamDoctor } from '../../electron/services/team/team-doctor';
import { call, keysOf, teamOfThree } from '../team-service/team-apps';
import { filesIn, logDir, testLog } from './helpers';

/**
 * Issue 16.1 as found: a segment of the root admin's signed approvals rewritten in place.
 * A computer reading from scratch lost the authority of every later op of that device; the
 * owner's app noticed nothing. Now the owner puts the same bytes back at its next check.
 */
describe("the root admin's segment of approvals damaged in place", () => {
  it('is restored by the admin at its next start, and a fresh reader folds the same state as before', async () => {
    const { sharedDir, admin, editor, syncAll } = await teamOfThree();
    await call(editor, 'setMyDisplayName', { displayName: '李雷雷' });
    await syncAll();
    const before = await runTeamDoctor(sharedDir, appSyncConfig());
    expect(before.setAsideOps).toEqual([]);
    const { deviceId } = keysOf(admin.profileDir);
    const dir = logDir(sharedDir, deviceId);
    // Its second segment: its approval of the editor's computer (the first founds the team).
    const approval = filesIn(dir)[1]!;
    const good = readFileSync(join(dir, approval));
    const damaged = Buffer.from(good);
    damaged[damaged.indexOf('"member.approved"') + 2] ^= 1;
    writeFileSync(join(dir, approval), damaged);

    const during = await runTeamDoctor(sharedDir, appSyncConfig());
    expect(during.stateHash).not.toBe(before.stateHash);
    expect(during.setAside.map((file) => file.path)).toEqual([`baton/devices/${deviceId}/log/${approval}`]);
    // Without its approval, the editor's ops lose their authority on a reader from scratch.
    expect(during.setAsideOps.length).toBeGreaterThan(0);

    // The admin's app starts again on its profile: the check at start puts the file back.
    await admin.close();
    const again = createAppServices({
      profileDir: admin.profileDir,
      appVersion: '0.1.0-test',
      platform,
      settingsStore: createConfSettingsStore(admin.profileDir, '0.1.0-test'),
      log: testLog(),
      sharedDir,
      syncOptions: { watch: false, flushDelayMs: 3_600_000, cacheDelayMs: 3_600_000 },
    });
    try {
      await again.sync.ready;
      expect(readFileSync(join(dir, approval)).equals(good)).toBe(true);
      expect(again.sync.getStatus().notices).toContainEqual(expect.objectContaining({ kind: 'own-file-restored', data: { path: `baton/devices/${deviceId}/log/${approval}` } }));
    } finally {
      await again.close();
    }
    const after = await runTeamDoctor(sharedDir, appSyncConfig());
    expect(after).toMatchObject({ stateHash: before.stateHash, setAside: [], setAsideOps: [] });
  });
});
