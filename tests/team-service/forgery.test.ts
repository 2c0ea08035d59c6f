import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appSyncConfig } from '../../electron/services/sync/app-sync-config';
import { nodeCrypto } from '../../electron/services/sync/node-crypto';
import { runTeamDoctor } from '../../electron/services/team/team-doctor';
import type { SyncStatus } from '../../shared/sync/status';
import { filesIn, logDir, tempDir } from '../sync-service/helpers';
import { call, keysOf, opOf, openApp, team, teamCodeOf, teamOfThree, writeSigned } from './team-apps';

const profileSet = (name: string) => ({ set: { displayName: name }, seen: {} });

describe('forged input is set aside with its reason on every device', () => {
  it('names each forgery, counts none of them, and the doctor lists them all', async () => {
    const { sharedDir, admin, editor, viewer, everyone, syncAll } = await teamOfThree();
    for (const app of everyone) expect((await team(app)).me.status).toBe('approved');
    const adminKeys = keysOf(admin.profileDir);
    const editorKeys = keysOf(editor.profileDir);
    const viewerKeys = keysOf(viewer.profileDir);
    const viewerMember = (await team(viewer)).me.memberId!;
    const editorMember = (await team(editor)).me.memberId!;

    // 1. An "approval" typed by hand into a copy of the editor's segment: the signature no longer fits.
    const editorLog = logDir(sharedDir, editorKeys.deviceId);
    const original = readFileSync(join(editorLog, filesIn(editorLog)[0]!), 'utf8').trimEnd().split('\n');
    const forgedLine = JSON.stringify(opOf(editorKeys.deviceId, 900, 'member.rolesSet', `member:${editorMember}`, { set: { roles: ['admin'] }, seen: {} }));
    const body = `${[original[0], ...original.slice(1, -1), forgedLine].join('\n')}\n`;
    const trailer = JSON.parse(original.at(-1)!) as { count: number; sig: string };
    const sha256 = nodeCrypto.sha256Hex(new TextEncoder().encode(body));
    const handWritten = `000000000099-${sha256.slice(0, 8)}.jsonl`;
    writeFileSync(join(editorLog, handWritten), `${body}${JSON.stringify({ count: trailer.count + 1, sha256, sig: trailer.sig })}\n`);

    // 2. A device nobody approved, with a valid device.json and signed segment.
    const stranger = generateKeyPairSync('ed25519', { publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
    const strangerId = 'zzzzzzzzzzzzzzzzzzzzzzzzzz';
    mkdirSync(join(sharedDir, 'baton', 'devices', strangerId), { recursive: true });
    const adminDeviceFile = JSON.parse(readFileSync(join(sharedDir, 'baton', 'devices', adminKeys.deviceId, 'device.json'), 'utf8')) as Record<string, unknown>;
    // 5. ...its device.json a copy of the admin's, with its own key: it is still nobody.
    writeFileSync(join(sharedDir, 'baton', 'devices', strangerId, 'device.json'),
      JSON.stringify({ ...adminDeviceFile, deviceId: strangerId, publicKey: stranger.publicKey }, null, 2));
    writeSigned(sharedDir, strangerId, stranger.privateKey, [opOf(strangerId, 1, 'member.rolesSet', `member:${viewerMember}`, { set: { roles: ['admin'] }, seen: {} })]);

    // 4. The viewer makes itself an admin, signed with its own key.
    writeSigned(sharedDir, viewerKeys.deviceId, viewerKeys.privateKeyPem, [
      opOf(viewerKeys.deviceId, 800, 'member.rolesSet', `member:${viewerMember}`, { set: { roles: ['admin', 'viewer'] }, seen: {} }),
    ]);

    // 3. The editor's computer is revoked; a later segment of it (a stolen laptop) does not count.
    await call(admin, 'revokeDevice', { deviceId: editorKeys.deviceId });
    writeSigned(sharedDir, editorKeys.deviceId, editorKeys.privateKeyPem, [
      opOf(editorKeys.deviceId, 700, 'member.profileSet', `member:${editorMember}`, profileSet('偷来的电脑')),
    ]);

    await syncAll();
    for (const app of everyone) {
      const view = await team(app);
      const status = await call<SyncStatus>(app, 'getSyncStatus');
      const reasonOf = (deviceId: string) => view.setAside.filter((op) => op.deviceId === deviceId).map((op) => op.reason);
      expect(status.setAside).toContainEqual(expect.objectContaining({ path: `baton/devices/${editorKeys.deviceId}/log/${handWritten}`, reason: 'bad-signature' }));
      expect(reasonOf(strangerId)).toEqual(['unknown-device']);
      expect(reasonOf(viewerKeys.deviceId)).toEqual(['role-not-allowed']);
      expect(reasonOf(editorKeys.deviceId)).toEqual(['device-revoked']);
      const members = new Map(view.members.map((member) => [member.memberId, member]));
      expect(members.get(viewerMember)?.roles).toEqual(['viewer']);
      expect(members.get(editorMember)?.roles).toEqual(['editor']);
      expect(members.get(editorMember)?.displayName).toBe('李雷');
      expect(view.adminCount).toBe(1);
    }

    const doctor = await runTeamDoctor(sharedDir, appSyncConfig());
    expect(doctor.setAside).toContainEqual(expect.objectContaining({ reason: 'bad-signature' }));
    expect(doctor.setAsideOps.map((op) => [op.deviceId, op.reason]).sort()).toEqual(
      [[editorKeys.deviceId, 'device-revoked'], [viewerKeys.deviceId, 'role-not-allowed'], [strangerId, 'unknown-device']].sort(),
    );
  });

  it('does not count a newcomer\'s edits until approved, then counts them', async () => {
    const sharedDir = join(tempDir('shared'), 'team');
    mkdirSync(sharedDir, { recursive: true });
    const admin = openApp(sharedDir, 'admin');
    const newcomer = openApp(sharedDir, 'newcomer');
    await call(admin, 'createTeam', { memberName: '王主管', teamName: '运营组', path: sharedDir });
    await call(newcomer, 'joinTeam', { memberName: '李雷', path: sharedDir, teamCode: await teamCodeOf(admin) });
    const mine = await team(newcomer);
    expect(mine.me.status).toBe('pending');
    await expect(newcomer.dispatch('setMyDisplayName', { displayName: '雷雷' })).resolves.toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await expect(newcomer.dispatch('approveJoin', { requestId: 'x:1', roles: ['admin'] })).resolves.toMatchObject({ ok: false, error: { code: 'forbidden' } });

    await admin.sync.syncNow();
    const request = (await team(admin)).pending[0]!;
    expect(request).toMatchObject({ memberName: '李雷', deviceId: mine.me.deviceId, existingMember: false, keyMatches: true });
    await call(admin, 'approveJoin', { requestId: request.id, roles: ['editor'] });
    await newcomer.sync.syncNow();
    await call(newcomer, 'setMyDisplayName', { displayName: '雷雷' });
    await newcomer.sync.syncNow();
    await admin.sync.syncNow();
    const seen = await team(admin);
    expect(seen.members.map((member) => [member.displayName, member.roles])).toEqual([['王主管', ['admin', 'lead', 'approver', 'editor']], ['雷雷', ['editor']]]);
    expect(seen.setAside).toEqual([]);
    // The only admin cannot give up admin: someone else must hold it first.
    await expect(admin.dispatch('setMemberRoles', { memberId: seen.me.memberId, roles: ['editor'] })).resolves.toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
});
