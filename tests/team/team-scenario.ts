import fc from 'fast-check';
import { parseOpId, type Op } from '../../shared/sync';
import { ROLES, createTeamOps } from '../../shared/team';
import { MONDAY_9AM, TestDevice } from '../sync/devices';
import { BOB, CAROL, DAN, MALLORY, ROOT, TEAM, World, keyOf, memberIdOf } from './harness';

/**
 * Random team histories: five devices (Root created the team) asking, approving, declining,
 * setting roles, revoking, removing, and writing handovers and prize decisions, with skewed
 * clocks, partial sync, forged device.json keys, and ops nobody was allowed to write. Whatever
 * the arrival order, batches and duplicates, every replica ends with the same roster, the same
 * verdict on every op and the same state.
 */
const DEVICES = [ROOT, BOB, CAROL, DAN, MALLORY] as const;
const MEMBERS = ['root', 'bob', 'carol', 'dan', 'mallory'].map(memberIdOf);
const HOUR = 60 * 60 * 1000;

const actionArb = fc.record({
  device: fc.integer({ min: 0, max: 4 }),
  kind: fc.integer({ min: 0, max: 11 }),
  target: fc.nat(),
  other: fc.nat(),
  roles: fc.uniqueArray(fc.constantFrom(...ROLES), { minLength: 1, maxLength: 3 }),
  afterMs: fc.integer({ min: 0, max: HOUR }),
  heard: fc.array(fc.nat(), { maxLength: 4 }),
});
type Action = typeof actionArb extends fc.Arbitrary<infer A> ? A : never;

export const historyArb = fc.record({
  skews: fc.array(fc.integer({ min: -2 * HOUR, max: 2 * HOUR }), { minLength: 5, maxLength: 5 }),
  forgedKeys: fc.subarray([BOB, CAROL, DAN, MALLORY], { maxLength: 1 }),
  /** Devices that ask to join first, and whether Root approves them (with which roles). */
  onboarding: fc.array(
    fc.record({
      device: fc.integer({ min: 1, max: 4 }),
      roles: fc.uniqueArray(fc.constantFrom(...ROLES), { minLength: 1, maxLength: 3 }),
      approved: fc.boolean(),
    }),
    { maxLength: 4 },
  ),
  actions: fc.array(actionArb, { minLength: 1, maxLength: 45 }),
});
type History = typeof historyArb extends fc.Arbitrary<infer H> ? H : never;

export function buildWorld({ skews, forgedKeys, onboarding, actions }: History): World {
  const world = new World(TEAM);
  for (const deviceId of forgedKeys) world.deviceJson.set(deviceId, keyOf(deviceId, 'forged'));
  const devices = DEVICES.map((id) => new TestDevice(id));
  const ops = world.ops;
  let wall = MONDAY_9AM;
  const write = (index: number, type: string, entity: string, data: Record<string, unknown>) => {
    ops.push(devices[index]!.op(wall + skews[index]!, type, entity, data));
  };
  for (const draft of createTeamOps({ memberId: MEMBERS[0]!, deviceId: ROOT, publicKey: TEAM.rootPublicKey, memberName: 'Root' })) {
    write(0, draft.type, draft.entity, draft.data);
  }
  for (const { device, roles, approved } of onboarding) {
    const deviceId = DEVICES[device]!;
    const memberId = MEMBERS[device]!;
    wall += 60_000;
    write(device, 'member.joinRequested', `member:${memberId}`, { memberId, memberName: 'newcomer', deviceId, publicKey: keyOf(deviceId) });
    if (!approved) continue;
    wall += 60_000;
    const request = ops[ops.length - 1]!;
    devices[0]!.clock.observe(request.hlc, wall);
    write(0, 'member.approved', `member:${memberId}`, { memberId, deviceId, publicKey: keyOf(deviceId), roles, request: request.id });
  }
  for (const action of actions) {
    wall += action.afterMs;
    const device = devices[action.device]!;
    for (const pick of action.heard) device.clock.observe(ops[pick % ops.length]!.hlc, wall + skews[action.device]!);
    const draft = actionDraft(action, ops);
    write(action.device, draft.type, draft.entity, draft.data);
  }
  return world;
}

function actionDraft(action: Action, ops: readonly Op[]): { type: string; entity: string; data: Record<string, unknown> } {
  const self = DEVICES[action.device]!;
  const targetDevice = DEVICES[action.target % DEVICES.length]!;
  const member = MEMBERS[action.other % MEMBERS.length]!;
  const requests = ops.filter((op) => op.type === 'member.joinRequested');
  // Mostly the latest request: the one an admin is most likely to answer.
  const request = requests.length > 0 ? requests[action.target % 2 === 0 ? requests.length - 1 : action.target % requests.length]! : undefined;
  const pick = <T,>(list: readonly T[]) => (list.length > 0 ? list[action.other % list.length] : undefined);
  const seen = ops.length > 0 ? [ops[action.other % ops.length]!.hlc] : [];
  switch (action.kind) {
    case 0: {
      // Mostly as oneself; sometimes as another member's new device.
      const memberId = action.other % 3 === 0 ? member : MEMBERS[action.device]!;
      return {
        type: 'member.joinRequested',
        entity: `member:${memberId}`,
        data: { memberId, memberName: 'someone', deviceId: self, publicKey: keyOf(self) },
      };
    }
    case 1: {
      if (!request) return handoverDraft(action);
      const data = request.data as { memberId: string; deviceId: string; publicKey: string };
      const memberId = action.other % 4 === 0 ? member : data.memberId;
      return {
        type: 'member.approved',
        entity: `member:${memberId}`,
        data: { memberId, deviceId: data.deviceId, publicKey: data.publicKey, roles: action.roles, request: request.id },
      };
    }
    case 2: {
      const memberId = MEMBERS[action.target % MEMBERS.length]!;
      return {
        type: 'member.approved',
        entity: `member:${memberId}`,
        data: { memberId, deviceId: targetDevice, publicKey: keyOf(targetDevice), roles: action.roles },
      };
    }
    case 3:
      if (!request) return handoverDraft(action);
      return { type: 'member.declined', entity: request.entity, data: { request: request.id, deviceId: (request.data as { deviceId: string }).deviceId } };
    case 4:
      return { type: 'member.rolesSet', entity: `member:${member}`, data: { set: { roles: action.roles }, seen: { roles: seen } } };
    case 5:
      return { type: 'member.profileSet', entity: `member:${member}`, data: { set: { displayName: `n${action.target % 7}` }, seen: {} } };
    case 6:
    case 7: {
      const theirs = ops.filter((op) => op.id.startsWith(`${targetDevice}:`));
      const last = pick(theirs);
      const point = last
        ? { lastSegmentSeq: 1 + (action.other % 5), lastOpCounter: parseOpId(last.id)!.counter }
        : { lastSegmentSeq: null, lastOpCounter: null };
      if (action.kind === 6) return { type: 'device.revoked', entity: `device:${targetDevice}`, data: { deviceId: targetDevice, ...point } };
      // Remove the member the target device asked or was approved as.
      const named = ops.find((op) => op.type === 'member.approved' && (op.data as { deviceId: string }).deviceId === targetDevice);
      const memberId = (named?.data as { memberId?: string } | undefined)?.memberId ?? member;
      return { type: 'member.removed', entity: `member:${memberId}`, data: { devices: [{ deviceId: targetDevice, ...point }] } };
    }
    case 8:
      return handoverDraft(action);
    case 9:
      return { type: 'prize.requested', entity: `prizeRequest:p${action.target % 2}`, data: { amount: 100, seen } };
    case 10:
      return { type: action.other % 2 ? 'prize.approved' : 'prize.rejected', entity: `prizeRequest:p${action.target % 2}`, data: { reason: 'r', seen } };
    default:
      // Filed under the wrong entity, or of the wrong kind.
      return action.other % 2
        ? { type: 'member.approved', entity: `member:${member}`, data: { memberId: MEMBERS[0], deviceId: self, publicKey: keyOf(self), roles: ['admin'] } }
        : { type: 'device.revoked', entity: `member:${member}`, data: { deviceId: targetDevice, lastSegmentSeq: null, lastOpCounter: null } };
  }
}

function handoverDraft(action: Action) {
  return { type: 'handover.submitted', entity: `handover:h${action.target % 3}`, data: { text: `t${action.other % 5}` } };
}

