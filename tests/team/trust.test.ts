import { describe, expect, it } from 'vitest';
import type { Op } from '../../shared/sync';
import {
  adminCount,
  approveOp,
  devicesWithForeignKeys,
  declineOp,
  joinRequestOp,
  membersWithRoles,
  pendingRequests,
  removeMemberOp,
  revokeDeviceOp,
  revokedDevices,
  setRolesOp,
  type OpDraft,
  type Role,
} from '../../shared/team';
import { nodeCrypto } from '../sync/node-crypto';
import { handover, prizeRequest } from './example-capabilities';
import { BOB, CAROL, DAN, ERIN, MALLORY, ROOT, World, keyOf, memberIdOf, syncReplica } from './harness';

const submit = (id: string, text: string): OpDraft => ({ type: 'handover.submitted', entity: `handover:${id}`, data: { text } });
const requestPrize = (id: string, amount: number): OpDraft => ({ type: 'prize.requested', entity: `prizeRequest:${id}`, data: { amount, seen: [] } });
const decidePrize = (id: string, seen: readonly Op[], type = 'prize.approved'): OpDraft => ({
  type,
  entity: `prizeRequest:${id}`,
  data: { seen: seen.map((op) => op.hlc) },
});

/** `deviceId` asks to join as member `member`; `approver` approves it with `roles`. */
function join(world: World, deviceId: string, member: string, roles: readonly Role[], approver = ROOT) {
  const request = world.write(deviceId, ask(deviceId, member));
  const pending = pendingRequests(world.roster()).find((candidate) => candidate.id === request.id)!;
  const approval = world.write(approver, approveOp(pending, { roles }));
  return { request, approval, memberId: memberIdOf(member) };
}

function ask(deviceId: string, member: string, name = member): OpDraft {
  return joinRequestOp({ memberId: memberIdOf(member), memberName: name, deviceId, publicKey: keyOf(deviceId) });
}

/** Every replica sees the same: one batch, or op by op in reverse. */
function replicasAgree(world: World) {
  const atOnce = syncReplica(world, [world.ops]);
  const oneByOne = syncReplica(world, [...world.ops].reverse().map((op) => [op]));
  expect(oneByOne.state.stateHash(nodeCrypto)).toBe(atOnce.state.stateHash(nodeCrypto));
  expect(oneByOne.filter.roster).toEqual(atOnce.filter.roster);
  return atOnce;
}

describe('creating a team', () => {
  it('makes the creator an admin (and lead, approver, editor) member with a name, by ops like any other', () => {
    const world = World.created({ name: '王芳', roles: ['lead'] });
    const roster = world.roster();
    expect(membersWithRoles(roster)).toEqual([
      expect.objectContaining({ memberId: memberIdOf('root'), displayName: '王芳', roles: ['admin', 'lead', 'approver', 'editor'], isRoot: true }),
    ]);
    expect(roster.devices.get(ROOT)).toMatchObject({ status: 'approved', memberId: memberIdOf('root'), keyMatches: true });
    expect(world.ops.map((op) => world.filter()(op))).toEqual([true, true]);
    expect(adminCount(roster)).toBe(1);
  });
});

describe('forged inputs are refused with the right reason', () => {
  it('a hand-written op from a device that never appeared: unknown-device', () => {
    const world = World.created();
    const forged = [
      world.write(MALLORY, submit('h1', 'fake handover')),
      world.write(MALLORY, {
        type: 'member.approved',
        entity: `member:${memberIdOf('mallory')}`,
        data: { memberId: memberIdOf('mallory'), deviceId: MALLORY, publicKey: keyOf(MALLORY), roles: ['admin'] },
      }),
      world.write(MALLORY, decidePrize('p1', [])),
    ];
    const filter = world.filter();
    expect(forged.map((op) => filter(op))).toEqual(['unknown-device', 'unknown-device', 'unknown-device']);
    const { state } = replicasAgree(world);
    expect(state.get(handover, 'h1')).toBeUndefined();
    expect(state.get('member:' + memberIdOf('mallory'))).toBeUndefined();
  });

  it('a device that asked and is not approved: device-not-approved, then counted once approved', () => {
    const world = World.created();
    const request = world.write(BOB, ask(BOB, 'bob', '李雷'));
    const early = world.write(BOB, submit('h1', '早班交接'));
    expect(world.filter()(early)).toBe('device-not-approved');
    expect(pendingRequests(world.roster())).toEqual([
      expect.objectContaining({ id: request.id, deviceId: BOB, memberName: '李雷', existingMember: false }),
    ]);

    const replica = syncReplica(world, [world.ops]);
    expect(replica.state.get(handover, 'h1')).toBeUndefined();

    const approval = world.write(ROOT, approveOp(pendingRequests(world.roster())[0]!, { roles: ['editor'] }));
    replica.receive([approval]);
    expect(replica.state.get(handover, 'h1')?.submitted).toEqual(['早班交接']);
    expect(world.filter()(early)).toBe(true);
    expect(pendingRequests(world.roster())).toEqual([]);
    expect(membersWithRoles(world.roster())[1]).toMatchObject({ displayName: '李雷', roles: ['editor'] });
  });

  it("a pending device's own roster op is judged at its time, so it stays refused", () => {
    const world = World.created();
    world.write(BOB, ask(BOB, 'bob'));
    const early = world.write(BOB, {
      type: 'member.profileSet',
      entity: `member:${memberIdOf('bob')}`,
      data: { set: { displayName: 'Bob' }, seen: {} },
    });
    expect(world.filter()(early)).toBe('device-not-approved');
    world.write(ROOT, approveOp(pendingRequests(world.roster())[0]!, { roles: ['editor'] }));
    expect(world.filter()(early)).toBe('device-not-approved');
    expect(world.roster().members.get(memberIdOf('bob'))?.displayName).toBe('bob');
  });

  it('a revoked device: device-revoked after the revocation point, even back-dated; earlier ops still count', () => {
    const world = World.created();
    join(world, BOB, 'bob', ['editor']);
    const before = world.write(BOB, submit('h1', 'before'));
    world.write(ROOT, revokeDeviceOp(BOB, world.lastSeen(BOB)));
    const after = world.write(BOB, submit('h2', 'after'), { synced: false });
    const backDated = world.write(BOB, submit('h3', 'back-dated'), { synced: false, at: -24 * 60 });
    const filter = world.filter();
    expect([filter(before), filter(after), filter(backDated)]).toEqual([true, 'device-revoked', 'device-revoked']);
    expect(revokedDevices(world.roster())).toEqual([
      { deviceId: BOB, point: { lastSegmentSeq: 2, lastOpCounter: 2 }, removedAt: null },
    ]);
    const { state } = replicasAgree(world);
    expect(state.get(handover, 'h1')?.submitted).toEqual(['before']);
    expect(state.get(handover, 'h2')).toBeUndefined();
    expect(state.get(handover, 'h3')).toBeUndefined();
  });

  it("a viewer's admin action and an editor's prize approval: role-not-allowed", () => {
    const world = World.created();
    join(world, BOB, 'bob', ['editor']);
    const carol = join(world, CAROL, 'carol', ['viewer']);
    join(world, ERIN, 'erin', ['approver']);

    const selfPromotion = world.write(CAROL, setRolesOp(world.roster(), carol.memberId, ['admin', 'viewer']));
    world.write(DAN, ask(DAN, 'dan'));
    const viewerApproval = world.write(CAROL, approveOp(pendingRequests(world.roster())[0]!, { roles: ['admin'] }));
    const viewerHandover = world.write(CAROL, submit('h1', 'viewer'));

    const request = world.write(BOB, requestPrize('p1', 300));
    const editorApproval = world.write(BOB, decidePrize('p1', [request]));
    const filter = world.filter();
    expect(filter(selfPromotion)).toBe('role-not-allowed');
    expect(filter(viewerApproval)).toBe('role-not-allowed');
    expect(filter(viewerHandover)).toBe('role-not-allowed');
    expect(filter(request)).toBe(true);
    expect(filter(editorApproval)).toBe('role-not-allowed');
    expect(world.roster().members.get(carol.memberId)?.roles).toEqual(['viewer']);
    expect(world.roster().devices.get(DAN)?.status).toBe('pending');

    const { state } = replicasAgree(world);
    expect(state.get(prizeRequest, 'p1')).toMatchObject({ status: 'requested', outOfTurn: [] });

    const approverDecision = world.write(ERIN, decidePrize('p1', [request]));
    expect(world.filter()(approverDecision)).toBe(true);
    expect(replicasAgree(world).state.get(prizeRequest, 'p1')).toMatchObject({ status: 'approved', needsReview: false });
  });

  it('an op judged by the roles of its time: a demoted editor keeps the handovers written before', () => {
    const world = World.created();
    const bob = join(world, BOB, 'bob', ['editor']);
    const before = world.write(BOB, submit('h1', 'as editor'));
    world.write(ROOT, setRolesOp(world.roster(), bob.memberId, ['viewer']));
    const after = world.write(BOB, submit('h2', 'as viewer'));
    const filter = world.filter();
    expect([filter(before), filter(after)]).toEqual([true, 'role-not-allowed']);
  });

  it('an op type no permission row names: no-permission-rule', () => {
    const world = World.created({ roles: ['lead', 'editor', 'approver', 'viewer'] });
    const op = world.write(ROOT, { type: 'poll.created', entity: 'poll:q1', data: {} });
    expect(world.filter()(op)).toBe('no-permission-rule');
  });

  it('a declined device: device-declined; it may ask again and count once approved', () => {
    const world = World.created();
    world.write(DAN, ask(DAN, 'dan'));
    const work = world.write(DAN, submit('h1', 'written while waiting'));
    world.write(ROOT, declineOp(pendingRequests(world.roster())[0]!));
    expect(world.filter()(work)).toBe('device-declined');
    expect(world.roster().devices.get(DAN)?.status).toBe('declined');
    expect(pendingRequests(world.roster())).toEqual([]);

    world.write(DAN, ask(DAN, 'dan'));
    expect(pendingRequests(world.roster())).toHaveLength(1);
    world.write(ROOT, approveOp(pendingRequests(world.roster())[0]!, { roles: ['editor'] }));
    expect(world.filter()(work)).toBe(true);
  });
});

describe("a device.json whose key is not the roster's", () => {
  it('makes every op of that device bad-key, and is listed', () => {
    const world = World.created();
    join(world, BOB, 'bob', ['admin', 'editor']);
    // Mallory replaces Bob's device.json with her key and writes as Bob.
    world.deviceJson.set(BOB, keyOf(MALLORY));
    world.write(MALLORY, ask(MALLORY, 'mallory'));
    const forgedApproval = world.write(BOB, approveOp(pendingRequests(world.roster())[0]!, { roles: ['admin'] }));
    const forgedHandover = world.write(BOB, submit('h1', 'forged'));
    const filter = world.filter();
    expect(filter(forgedApproval)).toBe('bad-key');
    expect(filter(forgedHandover)).toBe('bad-key');
    expect(world.roster().devices.get(MALLORY)?.status).toBe('pending');
    expect(world.roster().devices.get(BOB)?.keyMatches).toBe(false);
  });

  it("flags a newcomer whose device.json key is not the one it asks with; its ops stay bad-key", () => {
    const world = World.created();
    world.deviceJson.set(DAN, keyOf(MALLORY));
    world.write(DAN, ask(DAN, 'dan'));
    const pending = pendingRequests(world.roster());
    expect(pending).toEqual([expect.objectContaining({ deviceId: DAN, keyMatches: false })]);
    world.write(ROOT, approveOp(pending[0]!, { roles: ['editor'] }));
    const work = world.write(DAN, submit('h1', 'signed with another key'));
    expect(world.filter()(work)).toBe('bad-key');
    expect(devicesWithForeignKeys(world.roster())).toEqual([DAN]);
  });
});

describe('an admin removed by another admin', () => {
  it('loses admin rights for later ops, even back-dated; earlier ops still count', () => {
    const world = World.created({ roles: ['editor'] });
    const rootMember = memberIdOf('root');
    const bob = join(world, BOB, 'bob', ['admin']);
    const handoverBefore = world.write(ROOT, submit('h1', 'before removal'));
    const removal = world.write(BOB, removeMemberOp(world.roster(), rootMember, (id) => world.lastSeen(id)));

    world.write(MALLORY, ask(MALLORY, 'mallory'));
    const request = pendingRequests(world.roster())[0]!;
    const lateApproval = world.write(ROOT, approveOp(request, { roles: ['admin'] }), { synced: false });
    const backDated = world.write(ROOT, approveOp(request, { roles: ['admin'] }), { synced: false, at: -60 });
    const filter = world.filter();
    expect(filter(removal)).toBe(true);
    expect(filter(lateApproval)).toBe('device-revoked');
    expect(filter(backDated)).toBe('device-revoked');
    expect(filter(handoverBefore)).toBe(true);
    expect(filter(bob.approval)).toBe(true);

    const roster = world.roster();
    expect(roster.devices.get(ROOT)?.status).toBe('revoked');
    expect(roster.devices.get(MALLORY)?.status).toBe('pending');
    expect(membersWithRoles(roster).map((member) => member.memberId)).toEqual([bob.memberId]);
    expect(adminCount(roster)).toBe(1);
    replicasAgree(world);
  });

  it('cannot remove themselves', () => {
    const world = World.created();
    const removal = world.write(ROOT, removeMemberOp(world.roster(), memberIdOf('root'), (id) => world.lastSeen(id)));
    expect(world.filter()(removal)).toBe('self-removal');
  });

  it("revokes every device of the member, one the remover had not seen as of the removal's time", () => {
    const world = World.created();
    const bob = join(world, BOB, 'bob', ['admin', 'editor']);
    join(world, CAROL, 'carol', ['editor']);
    const roster = world.roster();
    // Bob adds a second device of Carol's while Root, not having seen it, removes her.
    world.write(DAN, ask(DAN, 'carol'));
    world.write(BOB, approveOp(pendingRequests(world.roster())[0]!, { roles: ['editor'] }));
    const onSecond = world.write(DAN, submit('h1', 'second device, before the removal'));
    world.write(ROOT, removeMemberOp(roster, memberIdOf('carol'), (id) => world.lastSeen(id)), { synced: false });
    const afterOnFirst = world.write(CAROL, submit('h2', 'first device, after'), { synced: false });
    const afterOnSecond = world.write(DAN, submit('h3', 'second device, after'), { synced: false });
    const filter = world.filter();
    expect([filter(onSecond), filter(afterOnFirst), filter(afterOnSecond)]).toEqual([true, 'device-revoked', 'device-revoked']);
    expect(world.roster().devices.get(DAN)).toMatchObject({ status: 'revoked', revoked: null });
    expect(membersWithRoles(world.roster()).map((member) => member.memberId)).toEqual([memberIdOf('root'), bob.memberId]);
  });
});

describe('the last admin', () => {
  it('is counted so that the Team screen can warn', () => {
    const world = World.created();
    expect(adminCount(world.roster())).toBe(1);
    join(world, BOB, 'bob', ['admin']);
    expect(adminCount(world.roster())).toBe(2);
    world.write(ROOT, revokeDeviceOp(BOB, world.lastSeen(BOB)));
    expect(adminCount(world.roster())).toBe(1);
  });

  it('the root device stays an admin though its roles are set without admin, until removed', () => {
    const world = World.created();
    join(world, BOB, 'bob', ['admin']);
    world.write(BOB, setRolesOp(world.roster(), memberIdOf('root'), ['editor']));
    expect(world.roster().members.get(memberIdOf('root'))?.roles).toEqual(['admin', 'editor']);
    world.write(CAROL, ask(CAROL, 'carol'));
    const approval = world.write(ROOT, approveOp(pendingRequests(world.roster())[0]!, { roles: ['editor'] }));
    expect(world.filter()(approval)).toBe(true);
    expect(adminCount(world.roster())).toBe(2);
  });
});

describe('concurrent decisions', () => {
  function twoAdminsAndARequest() {
    const world = World.created();
    join(world, BOB, 'bob', ['admin']);
    world.write(DAN, ask(DAN, 'dan'));
    return { world, request: pendingRequests(world.roster())[0]! };
  }

  it('approve then decline of one request (by hlc): approved on every replica', () => {
    const { world, request } = twoAdminsAndARequest();
    const approval = world.write(ROOT, approveOp(request, { roles: ['editor'] }));
    const decline = world.write(BOB, declineOp(request), { synced: false });
    expect(approval.hlc < decline.hlc).toBe(true);
    const filter = world.filter();
    expect([filter(approval), filter(decline)]).toEqual([true, 'already-decided']);
    expect(replicasAgree(world).filter.roster.devices.get(DAN)?.status).toBe('approved');
  });

  it('decline then approve of one request (by hlc): declined on every replica', () => {
    const { world, request } = twoAdminsAndARequest();
    const approval = world.write(ROOT, approveOp(request, { roles: ['editor'] }));
    const decline = world.write(BOB, declineOp(request), { synced: false, at: -1.5 });
    expect(decline.hlc < approval.hlc).toBe(true);
    const filter = world.filter();
    expect([filter(approval), filter(decline)]).toEqual(['already-decided', true]);
    expect(replicasAgree(world).filter.roster.devices.get(DAN)?.status).toBe('declined');
  });

  it('two admins revoking each other: the root device wins, whatever the timestamps', () => {
    const world = World.created();
    join(world, BOB, 'bob', ['admin']);
    const bobsLastHonestOp = world.lastSeen(BOB);
    // Bob's computer is stolen: the thief revokes Root, back-dated before Root's revocation of Bob.
    const rootsRevocation = world.write(ROOT, revokeDeviceOp(BOB, bobsLastHonestOp));
    const thiefs = world.write(BOB, revokeDeviceOp(ROOT, world.lastSeen(ROOT)), { synced: false, at: -1.5 });
    expect(thiefs.hlc < rootsRevocation.hlc).toBe(true);
    const filter = world.filter();
    expect([filter(rootsRevocation), filter(thiefs)]).toEqual([true, 'device-revoked']);
    expect(adminCount(world.roster())).toBe(1);
  });
});

describe('revocations reach back', () => {
  it("a stolen admin computer's back-dated approval stops counting once another admin revokes it", () => {
    const world = World.created();
    join(world, BOB, 'bob', ['admin']);
    join(world, CAROL, 'carol', ['admin']);
    const honest = world.lastSeen(BOB);
    world.write(MALLORY, ask(MALLORY, 'mallory'));
    // Stamped before Carol's revocation below, so the fold meets it first and counts it at first.
    const stolenApproval = world.write(BOB, approveOp(pendingRequests(world.roster())[0]!, { roles: ['admin', 'editor'] }));
    const mallorysWork = world.write(MALLORY, submit('h1', 'by the thief'));
    const mallorysRevocation = world.write(MALLORY, revokeDeviceOp(CAROL, world.lastSeen(CAROL)));
    expect(world.filter()(stolenApproval)).toBe(true);
    expect(world.filter()(mallorysRevocation)).toBe(true);

    // Carol had not seen the thief's revocation of her: she writes from where she was.
    const carolsRevocation = world.write(CAROL, revokeDeviceOp(BOB, honest), { synced: false, at: -2.5 });
    expect(carolsRevocation.hlc < mallorysRevocation.hlc).toBe(true);
    const filter = world.filter();
    expect(filter(carolsRevocation)).toBe(true);
    expect(filter(stolenApproval)).toBe('device-revoked');
    expect(filter(mallorysWork)).toBe('device-not-approved');
    expect(filter(mallorysRevocation)).toBe('device-not-approved');
    expect(world.roster().devices.get(MALLORY)?.status).toBe('pending');
    expect(world.roster().devices.get(CAROL)?.status).toBe('approved');
    replicasAgree(world);
  });

  it('a revocation cutting the approval of its own author is void', () => {
    const world = World.created();
    join(world, BOB, 'bob', ['admin']);
    const bobBeforeCarol = world.lastSeen(BOB);
    const carol = join(world, CAROL, 'carol', ['admin'], BOB);
    const carolsRevocation = world.write(CAROL, revokeDeviceOp(BOB, bobBeforeCarol));
    const filter = world.filter();
    expect(filter(carol.approval)).toBe(true);
    expect(filter(carolsRevocation)).toBe('revokes-own-authority');
    expect(world.roster().devices.get(BOB)?.status).toBe('approved');
  });

  it('a device may revoke itself as of its last op', () => {
    const world = World.created();
    join(world, BOB, 'bob', ['admin', 'editor']);
    world.write(BOB, submit('h1', 'last work'));
    const retire = world.write(BOB, revokeDeviceOp(BOB, world.lastSeen(BOB)));
    const after = world.write(BOB, submit('h2', 'after retiring'));
    const filter = world.filter();
    expect([filter(retire), filter(after)]).toEqual([true, 'device-revoked']);
  });
});

describe('a second device of an existing member', () => {
  it('joins the member, who keeps their roles', () => {
    const world = World.created();
    const bob = join(world, BOB, 'bob', ['lead', 'editor']);
    const request = world.write(DAN, ask(DAN, 'bob', 'Bob (laptop)'));
    const pending = pendingRequests(world.roster());
    expect(pending).toEqual([expect.objectContaining({ id: request.id, existingMember: true })]);
    world.write(ROOT, approveOp(pending[0]!, { roles: ['viewer'] }));
    const fromLaptop = world.write(DAN, { type: 'rota.assigned', entity: 'rota:w1', data: {} });
    const roster = world.roster();
    expect(roster.members.get(bob.memberId)).toMatchObject({ roles: ['lead', 'editor'], deviceIds: [BOB, DAN] });
    expect(world.filter()(fromLaptop)).toBe(true);
  });

  it('may be filed under an existing member by the admin, whatever the request named', () => {
    const world = World.created();
    const bob = join(world, BOB, 'bob', ['editor']);
    world.write(DAN, ask(DAN, 'someone'));
    world.write(ROOT, approveOp(pendingRequests(world.roster())[0]!, { roles: ['editor'], memberId: bob.memberId }));
    expect(world.roster().devices.get(DAN)).toMatchObject({ status: 'approved', memberId: bob.memberId });
    expect(world.roster().members.has(memberIdOf('someone'))).toBe(false);
  });

  it('a device approved for one member cannot be approved again for another', () => {
    const world = World.created();
    join(world, BOB, 'bob', ['editor']);
    const again = world.write(ROOT, {
      type: 'member.approved',
      entity: `member:${memberIdOf('other')}`,
      data: { memberId: memberIdOf('other'), deviceId: BOB, publicKey: keyOf(BOB), roles: ['admin'] },
    });
    expect(world.filter()(again)).toBe('device-taken');
  });
});
