import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appSyncConfig } from '../../electron/services/sync/app-sync-config';
import { runTeamDoctor } from '../../electron/services/team/team-doctor';
import { teamFileSchema } from '../../shared/sync/team-files';
import { TEAM_CODE_MISMATCH } from '../../shared/team';
import { replaceRoot, type ReplacedRoot } from '../support/replaced-root';
import { tempDir } from '../sync-service/helpers';
import { askToJoin, call, openApp, team, teamCodeOf, teamOfThree } from './team-apps';

const teamFileOf = (sharedDir: string) => teamFileSchema.parse(JSON.parse(readFileSync(join(sharedDir, 'baton', 'team.json'), 'utf8')));

function writeAll(sharedDir: string, replaced: ReplacedRoot): void {
  for (const [path, text] of replaced.files) {
    mkdirSync(dirname(join(sharedDir, path)), { recursive: true });
    writeFileSync(join(sharedDir, path), text);
  }
}

const refusedForCode = { ok: false, error: { code: 'forbidden', issues: [{ path: 'teamCode', message: TEAM_CODE_MISMATCH }] } };

describe('the team code (issue 16, item 2; fault scenario 17)', () => {
  it('admins see the code of their root key, in four groups of five; other members do not', async () => {
    const { admin, editor } = await teamOfThree();
    const code = await teamCodeOf(admin);
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){3}$/);
    expect((await team(editor)).teamCode).toBeNull();
  });

  it('joining with a wrong code is refused and leaves nothing behind; the right code, typed loosely, joins', async () => {
    const sharedDir = join(tempDir('shared'), 'team');
    mkdirSync(sharedDir, { recursive: true });
    const admin = openApp(sharedDir, 'admin');
    const newcomer = openApp(sharedDir, 'newcomer');
    await call(admin, 'createTeam', { memberName: '王主管', teamName: '运营组', path: sharedDir });
    const code = await teamCodeOf(admin);
    const devicesBefore = readdirSync(join(sharedDir, 'baton', 'devices'));

    const wrong = `${code.slice(0, -1)}${code.endsWith('0') ? '1' : '0'}`;
    expect(await newcomer.dispatch('joinTeam', { memberName: '李雷', path: sharedDir, teamCode: wrong })).toMatchObject(refusedForCode);
    expect(await newcomer.dispatch('joinTeam', { memberName: '李雷', path: sharedDir, teamCode: 'not a code' })).toMatchObject({ ok: false, error: { issues: [{ path: 'teamCode' }] } });
    expect(await newcomer.dispatch('joinTeam', { memberName: '李雷', path: sharedDir })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(newcomer.settings.get()).toMatchObject({ firstRunDone: false });
    expect(readdirSync(join(sharedDir, 'baton', 'devices'))).toEqual(devicesBefore);

    // Read aloud and typed in lower case, without dashes, an O for a zero: still the code.
    const typed = code.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o');
    expect(await newcomer.dispatch('joinTeam', { memberName: '李雷', path: sharedDir, teamCode: typed })).toMatchObject({ ok: true });
    await admin.sync.syncNow();
    expect((await team(admin)).pending.map((request) => request.memberName)).toEqual(['李雷']);
  });

  it('a replaced team.json is refused at join, and a computer that joined keeps refusing it', async () => {
    const { sharedDir, admin, editor } = await teamOfThree();
    const code = await teamCodeOf(admin);
    const replaced = replaceRoot(teamFileOf(sharedDir));
    writeAll(sharedDir, replaced);

    const newcomer = openApp(sharedDir, 'newcomer');
    await newcomer.sync.ready;
    expect(await newcomer.dispatch('joinTeam', { memberName: '李雷', path: sharedDir, teamCode: code })).toMatchObject(refusedForCode);
    expect(newcomer.settings.get()).toMatchObject({ firstRunDone: false });
    // Nothing of the newcomer's went into the folder: no device.json, no request to join.
    expect(existsSync(join(sharedDir, 'baton', 'devices', newcomer.sync.deviceId))).toBe(false);

    for (const app of [admin, editor]) {
      await app.sync.syncNow();
      expect(app.sync.getStatus()).toMatchObject({ available: false, unavailableReason: 'team-replaced' });
      // The Team screen still shows the team it joined, with the code of the root it trusts.
      expect((await team(app)).members.map((member) => member.displayName)).not.toContain('管理员');
    }
    expect((await team(admin)).teamCode).toBe(code);
  });

  it('a computer that knows the team under another root refuses to join it again', async () => {
    const sharedDir = join(tempDir('shared'), 'team');
    mkdirSync(sharedDir, { recursive: true });
    const admin = openApp(sharedDir, 'admin');
    const newcomer = openApp(sharedDir, 'newcomer');
    await call(admin, 'createTeam', { memberName: '王主管', teamName: '运营组', path: sharedDir });
    const real = teamFileOf(sharedDir);
    const replaced = replaceRoot(real);
    // This computer once saw (and pinned) the attacker's team.json for the same team id.
    const pinned = join(newcomer.profileDir, 'sync', 'teams', real.teamId, 'team.json');
    mkdirSync(dirname(pinned), { recursive: true });
    writeFileSync(pinned, replaced.files.get('baton/team.json')!);
    expect(await newcomer.dispatch('joinTeam', { memberName: '李雷', path: sharedDir, teamCode: await teamCodeOf(admin) })).toMatchObject(refusedForCode);
  });

  it('an existing team needs no new file: the code comes from the team.json every member already has', async () => {
    const { admin, editor, sharedDir } = await teamOfThree();
    const newcomer = openApp(sharedDir, 'late');
    const request = await askToJoin(admin, newcomer, '韩梅梅', sharedDir);
    expect(request.memberName).toBe('韩梅梅');
    expect(await teamCodeOf(admin)).toBe((await call<{ teamCode: string }>(admin, 'getTeam')).teamCode);
    expect((await team(editor)).available).toBe(true);
  });
});

describe('baton doctor and the root of trust (issue 16, item 2)', () => {
  const kinds = (report: Awaited<ReturnType<typeof runTeamDoctor>>) => report.rootOfTrust?.findings.map((finding) => [finding.kind, finding.deviceId]);

  it('a healthy folder: team.json agrees with its history, and the team code checks', async () => {
    const { sharedDir, admin } = await teamOfThree();
    const code = await teamCodeOf(admin);
    const report = await runTeamDoctor(sharedDir, appSyncConfig(), { teamCode: code.toLowerCase() });
    expect(report.rootOfTrust).toEqual({ deviceId: teamFileOf(sharedDir).rootDeviceId, teamCode: code, teamCodeMatches: true, findings: [] });
    expect((await runTeamDoctor(sharedDir, appSyncConfig())).rootOfTrust).toMatchObject({ teamCodeMatches: null, findings: [] });
  });

  it('team.json replaced with an attacker\'s root: the team\'s real root shows as a second history, and the real code names it', async () => {
    const { sharedDir, admin } = await teamOfThree();
    const code = await teamCodeOf(admin);
    const realRoot = teamFileOf(sharedDir).rootDeviceId;
    const replaced = replaceRoot(teamFileOf(sharedDir));
    writeAll(sharedDir, replaced);

    const withoutCode = await runTeamDoctor(sharedDir, appSyncConfig());
    expect(withoutCode.rootOfTrust?.deviceId).toBe(replaced.attacker.deviceId);
    expect(kinds(withoutCode)).toEqual([['second-root', realRoot]]);

    const withCode = await runTeamDoctor(sharedDir, appSyncConfig(), { teamCode: code });
    expect(withCode.rootOfTrust?.teamCodeMatches).toBe(false);
    expect(kinds(withCode)).toEqual([['team-code-mismatch', replaced.attacker.deviceId], ['team-code-matches-device', realRoot], ['second-root', realRoot]]);
  });

  it('only the root key replaced, its device id kept: the root\'s own device.json and segments contradict team.json', async () => {
    const { sharedDir } = await teamOfThree();
    const real = teamFileOf(sharedDir);
    writeAll(sharedDir, replaceRoot(real, { keepRootDevice: true }));
    const report = await runTeamDoctor(sharedDir, appSyncConfig());
    expect(kinds(report)).toEqual([['root-key-differs', real.rootDeviceId], ['root-segments-other-key', real.rootDeviceId]]);
  });
});
