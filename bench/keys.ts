import { createPrivateKey, createPublicKey } from 'node:crypto';
import { deviceIdFromRandom } from '../shared/sync/device-id';
import type { Rng } from './prng';

/** A device of the generated team: the same id and Ed25519 key pair for the same seed. */
export interface BenchKeys {
  readonly deviceId: string;
  readonly publicKeyPem: string;
  readonly privateKeyPem: string;
}

// PKCS#8 DER of an Ed25519 private key is this prefix followed by the 32-byte seed (RFC 8410).
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

export function seededKeys(rng: Rng): BenchKeys {
  const deviceId = deviceIdFromRandom(rng.bytes(16));
  const key = createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, rng.bytes(32)]), format: 'der', type: 'pkcs8' });
  return {
    deviceId,
    privateKeyPem: key.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: createPublicKey(key).export({ type: 'spki', format: 'pem' }).toString(),
  };
}

export const seededId = (rng: Rng) => deviceIdFromRandom(rng.bytes(16));
