import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { setAsideByRules } from '../../bench/set-aside';
import { writeSampleTeam } from '../../electron/services/sample-team/sample-writer';
import { appSyncConfig } from '../../electron/services/sync/app-sync-config';
import { newRandomId } from '../../electron/services/sync/write/identity';
import { runTeamDoctor } from '../../electron/services/team/team-doctor';
import { tempDir } from '../sync-service/helpers';

function owner() {
  const { publicKey } = generateKeyPairSync('ed25519');
  return { deviceId: newRandomId(), memberId: newRandomId(), publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
}

describe('the sample team in a folder', () => {
  // Around the clock: before the early shift, during each shift, right after midnight.
  for (const at of ['2026-12-07T03:10:00+08:00', '2026-12-07T08:05:00+08:00', '2026-12-01T15:55:00+08:00', '2026-12-31T23:30:00+08:00']) {
    it(`passes the doctor with nothing set aside when made at ${at}`, async () => {
      const sharedDir = tempDir('sample');
      await writeSampleTeam({ sharedDir, language: 'zh-CN', now: Date.parse(at), owner: owner(), myName: null, appVersion: '0.1.0-test' });
      const report = await runTeamDoctor(sharedDir, appSyncConfig());
      expect(report.available).toBe(true);
      expect(report.setAside).toEqual([]);
      expect(report.setAsideOps).toEqual([]);
      expect(await setAsideByRules(sharedDir)).toEqual({});
    });
  }
});
