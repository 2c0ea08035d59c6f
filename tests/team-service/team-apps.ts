import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { createAppServices, type AppServices } from '../../electron/services/app-services';
import { webPlatform as platform } from '../../electron/host/web-platform';
import { createConfSettingsStore } from '../../electron/services/settings/conf-store';
import { nodeCrypto } from '../../electron/services/sync/node-crypto';
import type { TeamView } from '../../shared/api/team-schemas';
import { encodeSegment, type Op } from '../../shared/sync';
import { filesIn, logDir, tempDir, testLog } from '../sync-service/helpers';


const open: AppServices[] = [];
afterEach(async () => {
  for (const app of open.splice(0)) await app.close();
});

/** One computer running the whole app's services (the app's real capabilities and trust plug), driven by hand. */
export function openApp(sharedDir: string, name: string, storyNow?: () => number): AppServices & { profileDir: string } {
  const profileDir = join(tempDir(name), 'profile');
  mkdirSync(profileDir, { recursive: true });
  const app = createAppServices({
    profileDir,
    appVersion: '0.1.0-test',
    platform,
    settingsStore: createConfSettingsStore(profileDir, '0.1.0-test'),
    log: testLog(),
    sharedDir,
    checkOutputs: true,
    syncOptions: { watch: false, flushDelayMs: 3_600_000, cacheDelayMs: 3_600_000 },
    storyNow,
  });
  open.push(app);
  return Object.assign(app, { profileDir });
}

export async function call<T>(app: AppServices, name: string, input: unknown = {}): Promise<T> {
  const result = await app.dispatch(name, input);
  if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

export const team = (app: AppServices) => call<TeamView>(app, 'getTeam');

/** A device's keys as its profile keeps them (plain-file protection in tests). */
export function keysOf(profileDir: string): { deviceId: string; publicKeyPem: string; privateKeyPem: string } {
  const file = JSON.parse(readFileSync(join(profileDir, 'sync', 'identity.json'), 'utf8')) as {
    deviceId: string; publicKey: string; privateKey: { sealed: string };
  };
  return { deviceId: file.deviceId, publicKeyPem: file.publicKey, privateKeyPem: file.privateKey.sealed };
}

let wall = Date.now() + 60_000;

/** An op as a device would write it, with a counter far past anything the device wrote. */
export function opOf(deviceId: string, counter: number, type: string, entity: string, data: Record<string, unknown>): Op {
  wall += 1000;
  return { id: `${deviceId}:${counter}`, hlc: `${String(wall).padStart(15, '0')}-0000-${deviceId}`, type, entity, data } as Op;
}

/** Writes a correctly signed segment for `deviceId` at its next seq (as a stolen key or profile could). */
export function writeSigned(sharedDir: string, deviceId: string, privateKeyPem: string, ops: Op[]): string {
  const dir = logDir(sharedDir, deviceId);
  mkdirSync(dir, { recursive: true });
  // After the device's highest segment, chained to it as the device itself would.
  const last = filesIn(dir).at(-1);
  const seq = last ? Number(last.slice(0, 12)) + 1 : 1;
  const prev = last ? (JSON.parse(readFileSync(join(dir, last), 'utf8').trimEnd().split('\n').at(-1)!) as { sha256: string }).sha256 : null;
  const encoded = encodeSegment({ deviceId, seq, prev, ops }, privateKeyPem, nodeCrypto);
  writeFileSync(join(dir, encoded.fileName), encoded.text);
  return `baton/devices/${deviceId}/log/${encoded.fileName}`;
}

/** An admin, an editor and a viewer on one shared folder, each joined through the app's own flow. */
export async function teamOfThree() {
  const sharedDir = join(tempDir('shared'), 'team');
  mkdirSync(sharedDir, { recursive: true });
  const admin = openApp(sharedDir, 'admin');
  const editor = openApp(sharedDir, 'editor');
  const viewer = openApp(sharedDir, 'viewer');
  await Promise.all([admin.sync.ready, editor.sync.ready, viewer.sync.ready]);
  await call(admin, 'createTeam', { memberName: '王主管', teamName: '运营组', path: sharedDir });
  for (const [app, name, role] of [[editor, '李雷', 'editor'], [viewer, '韩梅', 'viewer']] as const) {
    const request = await askToJoin(admin, app, name, sharedDir);
    await call(admin, 'approveJoin', { requestId: request.id, roles: [role] });
  }
  const everyone = [admin, editor, viewer];
  const syncAll = async () => {
    for (const app of everyone) await app.sync.syncNow();
    for (const app of everyone) await app.sync.syncNow();
  };
  await syncAll();
  return { sharedDir, admin, editor, viewer, everyone, syncAll };
}

/** The team code an admin reads out to a newcomer (from their Team screen). */
export async function teamCodeOf(admin: AppServices): Promise<string> {
  const code = (await team(admin)).teamCode;
  if (!code) throw new Error('the admin sees no team code');
  return code;
}

/** `app` asks to join as `name`, with the code `admin` gave; returns its request as the admin's Team screen lists it. */
export async function askToJoin(admin: AppServices, app: AppServices, name: string, sharedDir: string): Promise<TeamView['pending'][number]> {
  await call(app, 'joinTeam', { memberName: name, path: sharedDir, teamCode: await teamCodeOf(admin) });
  await admin.sync.syncNow();
  const request = (await team(admin)).pending.find((pending) => pending.memberName === name);
  if (!request) throw new Error(`no join request from ${name} reached the admin`);
  return request;
}
