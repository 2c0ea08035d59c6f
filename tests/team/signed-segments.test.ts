import { describe, expect, it } from 'vitest';
import { decodeSegment, encodeSegment, formatHlc, parseHlc, type Op } from '../../shared/sync';
import { approveOp, createTeamOps, joinRequestOp, pendingRequests } from '../../shared/team';
import { ed25519KeyPair, nodeCrypto } from '../sync/node-crypto';
import { BOB, MALLORY, ROOT, World, memberIdOf, syncReplica } from './harness';

/**
 * The whole path with real Ed25519 segments: the storage service verifies each segment with a
 * key, then the trust filter judges its ops. Mallory can write to the folder: she replaces Bob's
 * device.json with her own key and drops a segment "from Bob" approving herself as an admin.
 */
describe("a forged device.json, with signed segments", () => {
  const keys = { [ROOT]: ed25519KeyPair(), [BOB]: ed25519KeyPair(), [MALLORY]: ed25519KeyPair() };

  function honestTeam() {
    const world = new World({ rootDeviceId: ROOT, rootPublicKey: keys[ROOT].publicKey });
    world.deviceJson.set(BOB, keys[BOB].publicKey);
    world.deviceJson.set(MALLORY, keys[MALLORY].publicKey);
    const identity = (deviceId: typeof ROOT | typeof BOB | typeof MALLORY, member: string) => ({
      memberId: memberIdOf(member),
      deviceId,
      publicKey: keys[deviceId].publicKey,
    });
    for (const draft of createTeamOps({ ...identity(ROOT, 'root'), memberName: '王芳' })) world.write(ROOT, draft);
    world.write(BOB, joinRequestOp({ ...identity(BOB, 'bob'), memberName: '李雷' }));
    world.write(ROOT, approveOp(pendingRequests(world.roster())[0]!, { roles: ['admin', 'editor'] }));
    world.write(MALLORY, joinRequestOp({ ...identity(MALLORY, 'mallory'), memberName: 'Mallory' }));
    return world;
  }

  function segment(deviceId: string, ops: readonly Op[], signer: string, seq = 1, prev: string | null = null) {
    return encodeSegment({ deviceId, seq, prev, ops }, keys[signer as typeof ROOT].privateKey, nodeCrypto);
  }

  it("is refused as bad-key by the trust filter, and at the door when segments are verified with the roster's key", () => {
    const world = honestTeam();
    const own = (deviceId: string) => world.ops.filter((op) => op.id.startsWith(`${deviceId}:`));
    const honest = [ROOT, BOB, MALLORY].map((deviceId) => segment(deviceId, own(deviceId), deviceId));

    // Written by Mallory as Bob: a fresh op id, a timestamp after everything, signed with her key.
    const last = parseHlc(world.ops.at(-1)!.hlc)!;
    const request = pendingRequests(world.roster())[0]!;
    const draft = approveOp(request, { roles: ['admin'] });
    const forgedOp: Op = {
      id: `${BOB}:100`,
      hlc: formatHlc({ wallMs: last.wallMs + 60_000, counter: 0, deviceId: BOB }),
      ...draft,
    };
    const forged = segment(BOB, [forgedOp], MALLORY, 2, honest[1]!.sha256);

    // The service read the honest segments before the swap, and reads the forged one after it.
    const before = new Map(world.deviceJson);
    world.deviceJson.set(BOB, keys[MALLORY].publicKey);
    const decodedHonest = honest.map((encoded) => decodeSegment(encoded.bytes, (id) => before.get(id), nodeCrypto));
    const decodedForged = decodeSegment(forged.bytes, world.publicKeyOf, nodeCrypto);
    expect(decodedHonest.every((decoded) => decoded.ok)).toBe(true);
    expect(decodedForged.ok).toBe(true);

    const replica = syncReplica(world);
    for (const decoded of [...decodedHonest, decodedForged]) if (decoded.ok) replica.receive(decoded.ops);
    expect(replica.filter(forgedOp)).toBe('bad-key');
    expect(replica.filter.roster.devices.get(MALLORY)?.status).toBe('pending');
    expect(replica.filter.roster.devices.get(BOB)?.keyMatches).toBe(false);

    // Verifying with the roster's key first turns the forged segment away before it is applied.
    const atTheDoor = decodeSegment(forged.bytes, (id) => replica.plugin.publicKeyFor(id) ?? world.publicKeyOf(id), nodeCrypto);
    expect(atTheDoor).toMatchObject({ ok: false, reason: 'bad-signature' });
    expect(replica.plugin.publicKeyFor(ROOT)).toBe(keys[ROOT].publicKey);
    expect(replica.plugin.publicKeyFor(BOB)).toBe(keys[BOB].publicKey);
  });
});
