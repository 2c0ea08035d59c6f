import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseOpId, splitEntity, type AnyCapability, type Op } from '../../shared/sync';
import {
  createTrustFilter,
  foldRoster,
  mayWrite,
  permissionFor,
  rolesForOp,
  type Roster,
} from '../../shared/team';
import { nodeCrypto } from '../sync/node-crypto';
import { deliver, deliveryArb } from '../sync/scenario';
import { TEAM, capabilities, syncReplica } from './harness';
import { buildWorld, historyArb } from './team-scenario';

const createFilter = (roster: Roster) => createTrustFilter(roster, TEAM);

/** Whether the fold engine folds the op at all (a known type of its kind, with valid data). */
function folds(op: Op): boolean {
  const all: readonly AnyCapability[] = capabilities;
  const schema = all.find((capability) => capability.kind === splitEntity(op.entity).kind)?.ops[op.type];
  return schema?.safeParse(op.data).success ?? false;
}

describe('the roster and the trust filter', () => {
  it('are the same on every replica, whatever the arrival order, batches and duplicates', () => {
    fc.assert(
      fc.property(historyArb, deliveryArb, deliveryArb, (history, first, second) => {
        const world = buildWorld(history);
        const reference = syncReplica(world, [world.ops]);
        const roster = world.roster();
        expect(reference.filter.roster).toEqual(roster);
        const expectedVerdicts = world.ops.map((op) => reference.filter(op));
        const expectedHash = reference.state.stateHash(nodeCrypto);

        for (const plan of [first, second]) {
          const batches = deliver(world.ops, plan);
          expect(foldRoster(batches.flat(), TEAM, world.publicKeyOf)).toEqual(roster);
          const replica = syncReplica(world, batches);
          expect(replica.filter.roster).toEqual(roster);
          expect(world.ops.map((op) => replica.filter(op))).toEqual(expectedVerdicts);
          expect(replica.state.stateHash(nodeCrypto)).toBe(expectedHash);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('count an op only from an approved device with its key, within its revocation, with a role allowing it', () => {
    fc.assert(
      fc.property(historyArb, (history) => {
        const world = buildWorld(history);
        const roster = world.roster();
        const filter = createFilter(roster);
        for (const op of world.ops) {
          if (filter(op) !== true || op.type === 'member.joinRequested' || !folds(op)) continue;
          const { deviceId, counter } = parseOpId(op.id)!;
          const device = roster.devices.get(deviceId);
          expect(device).toBeDefined();
          expect(device!.keyMatches).toBe(true);
          expect(device!.approvedAt).not.toBeNull();
          if (device!.removedAt !== null) expect(op.hlc <= device!.removedAt).toBe(true);
          const revokesItself = op.type === 'device.revoked' && splitEntity(op.entity).id === deviceId;
          if (device!.revoked && !revokesItself) expect(counter).toBeLessThanOrEqual(device!.revoked.lastOpCounter ?? -1);
          const roles = rolesForOp(roster, deviceId, op.hlc);
          if (permissionFor(op.type)?.allowed === 'self') expect(splitEntity(op.entity).id).toBe(device!.memberId);
          else expect(mayWrite(roles, op.type)).toBe(true);
        }
        for (const member of roster.members.values()) expect(member.roles.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});
