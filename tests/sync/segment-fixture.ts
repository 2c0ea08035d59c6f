import { encodeSegment, type EncodedSegment, type Op } from '../../shared/sync';
import { ALICE, MONDAY_9AM, TestDevice } from './devices';
import { ed25519KeyPair, nodeCrypto } from './node-crypto';

export const aliceKeys = ed25519KeyPair();
export const publicKeyFor = (deviceId: string) => (deviceId === ALICE ? aliceKeys.publicKey : undefined);

export function aliceOps(count: number): Op[] {
  const alice = new TestDevice(ALICE);
  return Array.from({ length: count }, (_, index) =>
    alice.op(MONDAY_9AM + index, 'note.set', `note:n${index}`, { set: { title: `标题 ${index}` }, seen: {} }),
  );
}

export function aliceSegment(ops: readonly Op[], seq = 1, prev: string | null = null): EncodedSegment {
  return encodeSegment({ deviceId: ALICE, seq, prev, ops }, aliceKeys.privateKey, nodeCrypto);
}
