import { describe, expect, it } from 'vitest';
import { createSyncState, type TeamFile, type TrustPlug, type TrustSource } from '../../shared/sync';
import { createTeamOps, rosterCapabilities, touchesRoster, trustPlugin } from '../../shared/team';
import { ROOT, TEAM, World, keyOf, memberIdOf } from './harness';

describe('the trust plug', () => {
  it("fits the storage service's hook", () => {
    const source: TrustSource = (team: TeamFile) => trustPlugin(team);
    const plug: TrustPlug = source({
      format: 'baton/team@1',
      teamId: 'tttttttttttttttttttttttttt',
      name: '运营组',
      created: '2026-01-05T01:00:00.000Z',
      ...TEAM,
    });
    expect(plug.rosterKinds).toEqual(['member', 'device']);
    expect(plug.publicKeyFor?.(ROOT)).toBe(TEAM.rootPublicKey);
  });

  it('takes device.json keys as the map the service passes, and vouches for the keys of the roster', () => {
    const world = World.created();
    const plug = trustPlugin(TEAM);
    const state = createSyncState(rosterCapabilities);
    state.apply(world.ops);
    expect(touchesRoster(world.ops)).toBe(true);
    expect(touchesRoster([{ entity: 'handover:h1' }])).toBe(false);

    const forged = new Map([[ROOT, keyOf('someone')]]);
    const refused = plug.filterFor(state, forged);
    expect(world.ops.map((op) => refused(op))).toEqual(['bad-key', 'bad-key']);
    const filter = plug.filterFor(state, new Map([[ROOT, TEAM.rootPublicKey]]));
    expect(world.ops.map((op) => filter(op))).toEqual([true, true]);
    state.refilter(filter);
    expect(state.list('member').map((entry) => entry.id)).toEqual([memberIdOf('root')]);
    expect(plug.publicKeyFor(ROOT)).toBe(TEAM.rootPublicKey);
    expect(plug.publicKeyFor('bbbbbbbbbbbbbbbbbbbbbbbbbb')).toBeUndefined();
  });

  it("founds a team from the service's created device", () => {
    const device = { deviceId: ROOT, memberId: memberIdOf('root'), memberName: ' 王芳 ', publicKey: TEAM.rootPublicKey };
    expect(createTeamOps(device)).toEqual([
      {
        type: 'member.approved',
        entity: `member:${device.memberId}`,
        data: { memberId: device.memberId, deviceId: ROOT, publicKey: TEAM.rootPublicKey, roles: ['admin', 'lead', 'approver', 'editor'] },
      },
      { type: 'member.profileSet', entity: `member:${device.memberId}`, data: { set: { displayName: '王芳' }, seen: {} } },
    ]);
  });
});
