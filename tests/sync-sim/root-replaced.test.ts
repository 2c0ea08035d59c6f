import { describe, expect, it } from 'vitest';
import { ApiFailure } from '../../shared/api/result';
import { teamFileSchema, teamFileText, type TeamFile } from '../../shared/sync/team-files';
import { appSyncConfig } from '../../electron/services/sync/app-sync-config';
import { nodeReaderFs } from '../../electron/services/sync/reader-fs';
import { codeOfTeam, teamMatchingCode } from '../../electron/services/team/team-code-check';
import { runTeamDoctor } from '../../electron/services/team/team-doctor';
import { replaceRoot } from '../support/replaced-root';
import { HOUR, withCluster, type Cluster } from './baton-cluster';

/**
 * SYNC-DESIGN.md, fault scenario 17 (the others are in scenarios.test.ts): real SyncService
 * instances on their own copies of the shared folder, the simulated engine carrying files between
 * them, and someone who can write to the folder replacing team.json's root key.
 */
const teamIn = (cluster: Cluster, name: string): TeamFile => teamFileSchema.parse(JSON.parse(cluster.world.read(name, 'baton/team.json').toString('utf8')));

async function joinCheck(cluster: Cluster, name: string, code: string): Promise<TeamFile | ApiFailure> {
  return teamMatchingCode(cluster.world.computer(name).sharedDir, code, nodeReaderFs).catch((error: unknown) => {
    if (error instanceof ApiFailure) return error;
    throw error;
  });
}

describe('sync fault scenarios (SYNC-DESIGN.md)', () => {
  it('scenario 17: team.json replaced with another root key: joined computers refuse the folder, a newcomer\'s team code refuses it, doctor reports it', async () => {
    await withCluster({ seed: 117, computers: ['alice', 'bob', 'carol'], idle: ['carol'] }, async (c) => {
      c.editNote('alice', 'n17', { title: '早班交接' });
      await c.converge();
      const real = teamIn(c, 'alice');
      // The code alice, the team's creator, reads out to carol.
      const code = codeOfTeam(real);
      const before = c.hashes();

      // Someone with write access to the NAS replaces the root and adds a device that approves itself.
      c.advance(HOUR);
      const replaced = replaceRoot(real, { at: c.time });
      // Written where the engine would have carried it: every copy (a changed file's delivery is the engine's own business).
      for (const name of ['alice', 'bob', 'carol']) for (const [path, text] of replaced.files) c.world.write(name, path, text);

      for (const name of ['alice', 'bob'] as const) {
        await c.service(name).syncNow();
        expect(c.status(name)).toMatchObject({ available: false, unavailableReason: 'team-replaced' });
        // Nothing of the attacker's is folded; the team's data stays as it was.
        expect(c.status(name).stateHash).toBe(before[name]);
        expect(c.noteState(name, 'n17')?.fields.title?.value).toBe('早班交接');
      }
      // An edit while refused waits in the outbox; nothing goes into the attacker's team.
      c.editNote('bob', 'n17', { title: '晚班交接' });
      await c.service('bob').syncNow();
      expect(c.status('bob').pendingOutbox).toBe(1);

      // Carol, joining now, checks the folder against the code alice gave: refused.
      const refused = await joinCheck(c, 'carol', code);
      expect(refused).toBeInstanceOf(ApiFailure);
      expect((refused as ApiFailure).issues).toEqual([{ path: 'teamCode', message: 'team code does not match' }]);
      // The attacker's own code would pass: what protects carol is the code she was given.
      expect(await joinCheck(c, 'carol', codeOfTeam(replaced.team))).toMatchObject({ rootDeviceId: replaced.attacker.deviceId });

      // The doctor on carol's copy, given the code: team.json contradicts it, and alice's device is the root.
      const report = await runTeamDoctor(c.world.computer('carol').sharedDir, appSyncConfig(), { teamCode: code });
      expect(report.rootOfTrust?.findings.map((finding) => [finding.kind, finding.deviceId])).toEqual([
        ['team-code-mismatch', replaced.attacker.deviceId],
        ['team-code-matches-device', real.rootDeviceId],
      ]);

      // The real team.json is put back: the team works again, bob's edit is published, and carol can join.
      for (const name of ['alice', 'bob', 'carol']) c.world.write(name, 'baton/team.json', teamFileText(real));
      await c.converge();
      for (const name of ['alice', 'bob'] as const) {
        expect(c.status(name), JSON.stringify(c.status(name))).toMatchObject({ available: true, pendingOutbox: 0 });
        expect(c.noteState(name, 'n17')?.fields.title?.value).toBe('晚班交接');
      }
      expect(await joinCheck(c, 'carol', code)).toMatchObject({ rootDeviceId: real.rootDeviceId });
    });
  });
});
