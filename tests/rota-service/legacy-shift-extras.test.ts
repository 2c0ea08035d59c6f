import { describe, expect, it } from 'vitest';
import type { TeamSettingsView } from '../../shared/api/team-settings-contract';
import type { RotaView } from '../../shared/api/rota-views';
import { lwwSetData } from '../../shared/sync';
import { call, keysOf, opOf, team, teamOfThree, writeSigned } from '../team-service/team-apps';

/**
 * A team whose lead set people needed and colour in the rota's settings, before those were
 * fields of the shift types: Team settings shows those values, not the defaults, and a save of
 * the shift types writes them onto the types.
 */
describe('people needed and colour set in the rota settings before', () => {
  it('show in Team settings with their values, and stay what they were when a lead saves the shift types', async () => {
    const { admin, editor, sharedDir, syncAll } = await teamOfThree();
    const editorId = (await team(editor)).me.memberId!;
    await call(admin, 'setMemberRoles', { memberId: editorId, roles: ['lead', 'editor'] });
    await syncAll();
    const keys = keysOf(editor.profileDir);
    writeSigned(sharedDir, keys.deviceId, keys.privateKeyPem, [
      opOf(keys.deviceId, 900, 'rota.teamSet', 'rotaTeam:team', { ...lwwSetData(undefined, { shiftExtras: { early: { needed: 3, colour: '#abcdef' } } }) }),
    ]);
    await syncAll();

    const shown = await call<TeamSettingsView>(admin, 'getTeamSettings');
    const early = shown.settings.shiftTypes.find((type) => type.id === 'early')!;
    expect(early).toMatchObject({ needed: 3, colour: '#abcdef' });
    // A type the old settings said nothing about keeps its defaults to the reader.
    expect(shown.settings.shiftTypes.find((type) => type.id !== 'early')).not.toHaveProperty('needed');

    // The lead renames the early shift; what was in force is written onto the type.
    const renamed = shown.settings.shiftTypes.map((type) => (type.id === 'early' ? { ...type, name: { 'zh-CN': '白班', en: 'Day' } } : type));
    expect(await call(admin, 'setTeamSettings', { changes: { shiftTypes: renamed } })).toEqual({ ok: true, queued: false });
    const saved = await call<TeamSettingsView>(admin, 'getTeamSettings');
    expect(saved.settings.shiftTypes.find((type) => type.id === 'early')).toMatchObject({ name: { en: 'Day' }, needed: 3, colour: '#abcdef' });
    const rota = await call<RotaView>(admin, 'getRota', { from: '2026-03-02', days: 1 });
    expect(rota.shiftTypes.find((type) => type.id === 'early')).toMatchObject({ needed: 3, colour: '#abcdef' });
  });
});
