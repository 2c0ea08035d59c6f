import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appSyncConfig } from '../../electron/services/sync/app-sync-config';
import { runTeamDoctor } from '../../electron/services/team/team-doctor';
import { keysOf, opOf, teamOfThree, writeSigned } from '../team-service/team-apps';

/** Issue 16.3: a roster op whose data breaks its schema, from an unknown device, was dropped without a trace. */
describe('an op of the wrong shape from an unknown device', () => {
  it('is listed with a reason like every other refused op', async () => {
    const { sharedDir, admin } = await teamOfThree();
    const adminKeys = keysOf(admin.profileDir);
    const stranger = generateKeyPairSync('ed25519', { publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
    const strangerId = 'zzzzzzzzzzzzzzzzzzzzzzzzzz';
    mkdirSync(join(sharedDir, 'baton', 'devices', strangerId), { recursive: true });
    const adminDeviceFile = JSON.parse(readFileSync(join(sharedDir, 'baton', 'devices', adminKeys.deviceId, 'device.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(join(sharedDir, 'baton', 'devices', strangerId, 'device.json'), JSON.stringify({ ...adminDeviceFile, deviceId: strangerId, publicKey: stranger.publicKey }, null, 2));
    writeSigned(sharedDir, strangerId, stranger.privateKey, [
      opOf(strangerId, 1, 'member.rolesSet', 'member:mmmmmmmmmmmmmmmmmmmmmmmmmm', { set: { roles: 'admin' } }),
      opOf(strangerId, 2, 'handover.submitted', 'handover:h1', { nonsense: true }),
    ]);
    const doctor = await runTeamDoctor(sharedDir, appSyncConfig());
    expect(doctor.setAsideOps.map((op) => [op.opId, op.reason]).sort()).toEqual([
      [`${strangerId}:1`, 'unknown-device'],
      [`${strangerId}:2`, 'unknown-device'],
    ]);
  });
});
