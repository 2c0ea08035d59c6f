import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import type { SyncCrypto } from '../../../shared/sync/crypto';

// Parsing a PEM costs far more than verifying one segment; a team has few keys, so keep them.
const publicKeys = new Map<string, KeyObject>();
const privateKeys = new Map<string, KeyObject>();

function cached(cache: Map<string, KeyObject>, pem: string, parse: (pem: string) => KeyObject): KeyObject {
  let key = cache.get(pem);
  if (!key) {
    key = parse(pem);
    if (cache.size > 1000) cache.clear();
    cache.set(pem, key);
  }
  return key;
}

/** The sync core's hashing and Ed25519 signatures, done by Node's native crypto. */
export const nodeCrypto: SyncCrypto = {
  sha256Hex: (data) => createHash('sha256').update(data).digest('hex'),
  sign: (privateKeyPem, data) => sign(null, data, cached(privateKeys, privateKeyPem, createPrivateKey)).toString('base64'),
  verify: (publicKeyPem, data, signatureB64) => {
    try {
      return verify(null, data, cached(publicKeys, publicKeyPem, createPublicKey), Buffer.from(signatureB64, 'base64'));
    } catch {
      return false;
    }
  },
};

export function generateDeviceKeys(): { publicKeyPem: string; privateKeyPem: string } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}
