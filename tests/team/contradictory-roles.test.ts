import { describe, expect, it } from 'vitest';
import { approveOp, joinRequestOp, pendingRequests, rolesContradict, setRolesOp, ROLES, type Role } from '../../shared/team';
import { BOB, CAROL, ROOT, World, keyOf, memberIdOf } from './harness';

/** Issue #17 item 7: 只读 (viewer) writes nothing, so it cannot go with a role that writes. */

describe('rolesContradict', () => {
  it('is true for read-only with any other role, and only then', () => {
    expect(rolesContradict(['viewer'])).toBe(false);
    expect(rolesContradict(['editor', 'approver', 'lead', 'admin'])).toBe(false);
    for (const role of ROLES.filter((r) => r !== 'viewer')) expect(rolesContradict(['viewer', role])).toBe(true);
    expect(rolesContradict(['viewer', 'viewer'])).toBe(false);
  });
});

const ask = (deviceId: string, member: string) =>
  joinRequestOp({ memberId: memberIdOf(member), memberName: member, deviceId, publicKey: keyOf(deviceId) });

function approve(world: World, deviceId: string, member: string, roles: readonly Role[]) {
  world.write(deviceId, ask(deviceId, member));
  const pending = pendingRequests(world.roster()).find((request) => request.deviceId === deviceId)!;
  return world.write(ROOT, approveOp(pending, { roles }));
}

describe('the trust layer, on every device', () => {
  it('does not count an admin setting 编辑 + 只读: the member keeps the roles they had, with the reason', () => {
    const world = World.created();
    approve(world, BOB, 'bob', ['editor']);
    const both = world.write(ROOT, setRolesOp(world.roster(), memberIdOf('bob'), ['editor', 'viewer']));
    expect(world.filter()(both)).toBe('contradictory-roles');
    expect(world.roster().members.get(memberIdOf('bob'))?.roles).toEqual(['editor']);
  });

  it('does not count the approval of a new member as read-only and editor: the device stays waiting', () => {
    const world = World.created();
    const approval = approve(world, CAROL, 'carol', ['viewer', 'editor']);
    expect(world.filter()(approval)).toBe('contradictory-roles');
    expect(world.roster().devices.get(CAROL)?.status).toBe('pending');
  });

  it('counts read-only alone', () => {
    const world = World.created();
    const approval = approve(world, CAROL, 'carol', ['viewer']);
    expect(world.filter()(approval)).toBe(true);
    expect(world.roster().members.get(memberIdOf('carol'))?.roles).toEqual(['viewer']);
  });
});
