import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IdentityLockedError, IdentityStore } from '../../electron/services/sync/write/identity';
import type { KeyVault } from '../../electron/services/sync/key-vault';
import { isDeviceId } from '../../shared/sync';
import { computer, noteEdit, publishedOps, startService, stopService, teamFolder, tempDir, testLog } from './helpers';

/** Stands in for Electron's safeStorage: reversible, and not the PEM in clear. */
const fakeOsVault: KeyVault = {
  protection: 'os-encrypted',
  protect: (pem) => Buffer.from(pem).toString('base64').split('').reverse().join(''),
  unprotect: (sealed) => Buffer.from(sealed.split('').reverse().join(''), 'base64').toString(),
};

const identityFile = (profileDir: string) => join(profileDir, 'sync', 'identity.json');

describe('the device identity', () => {
  it('is made on first start: a random device id, an Ed25519 key kept in a 0600 file', async () => {
    const place = computer(join(tempDir(), 'share'));
    const service = startService(place);
    await service.ready;
    expect(isDeviceId(service.deviceId)).toBe(true);
    const file = JSON.parse(readFileSync(identityFile(place.profileDir), 'utf8'));
    expect(file).toMatchObject({ format: 'baton/identity@1', deviceId: service.deviceId, privateKey: { protection: 'plain-file' } });
    expect(file.privateKey.sealed).toContain('PRIVATE KEY');
    if (process.platform !== 'win32') expect(statSync(identityFile(place.profileDir)).mode & 0o777).toBe(0o600);
    expect(service.getStatus().keyProtection).toBe('plain-file');
    await stopService(service);
    const again = startService(place);
    await again.ready;
    expect(again.deviceId).toBe(service.deviceId);
  });

  it('keeps the key in a plugged vault, moving a plain key into it, and signs with it after a restart', async () => {
    const { sharedDir } = await teamFolder();
    const place = computer(sharedDir, 'vaulted');
    const plain = startService(place, { memberName: 'Bob' });
    await plain.ready;
    await stopService(plain);

    const vaulted = startService(place, { memberName: 'Bob', keyVault: fakeOsVault });
    await vaulted.ready;
    expect(vaulted.deviceId).toBe(plain.deviceId);
    expect(vaulted.getStatus().keyProtection).toBe('os-encrypted');
    const text = readFileSync(identityFile(place.profileDir), 'utf8');
    expect(text).not.toContain('PRIVATE KEY');
    const ops = vaulted.record([noteEdit('signed with the vault key')]);
    await vaulted.flushNow();
    expect([...publishedOps(sharedDir, vaulted.deviceId).values()]).toEqual([ops]);
  });

  it('refuses to open a vault-protected key without that vault', () => {
    const dir = tempDir();
    new IdentityStore(join(dir, 'identity.json'), fakeOsVault, testLog());
    expect(() => new IdentityStore(join(dir, 'identity.json'), { protection: 'plain-file', protect: (p) => p, unprotect: (s) => s }, testLog())).toThrow(
      IdentityLockedError,
    );
  });

  it('starts over with a new id when identity.json is damaged, keeping the damaged file', () => {
    const dir = tempDir();
    const file = join(dir, 'identity.json');
    const first = new IdentityStore(file, fakeOsVault, testLog()).identity;
    writeFileSync(file, '{"format":"baton/identity@1", oops');
    const log = testLog();
    const second = new IdentityStore(file, fakeOsVault, log, () => 7).identity;
    expect(second.deviceId).not.toBe(first.deviceId);
    expect(readdirSync(dir)).toContain('identity.json.damaged-7');
    expect(log.lines.join('\n')).toMatch(/damaged/);
  });

  it('makes a member id once, when the person is first named', () => {
    const dir = tempDir();
    const store = new IdentityStore(join(dir, 'identity.json'), fakeOsVault, testLog());
    expect(store.identity.memberId).toBeNull();
    const memberId = store.ensureMemberId();
    expect(isDeviceId(memberId)).toBe(true);
    expect(new IdentityStore(join(dir, 'identity.json'), fakeOsVault, testLog()).ensureMemberId()).toBe(memberId);
  });
});

describe('the public identity', () => {
  it('gives the device id, public key and, once the person is named, a member id that stays', async () => {
    const place = computer(join(tempDir(), 'share'));
    const service = startService(place, { memberName: null });
    await service.ready;
    expect(service.publicIdentity()).toMatchObject({ deviceId: service.deviceId, memberId: null });
    expect(service.publicIdentity().publicKey).toContain('PUBLIC KEY');
    service.setMemberName('小林');
    const { memberId } = service.publicIdentity();
    expect(isDeviceId(memberId!)).toBe(true);
    service.setMemberName('林小');
    expect(service.publicIdentity().memberId).toBe(memberId);
  });
});
