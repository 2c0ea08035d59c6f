import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import type { SyncCrypto } from '../../../shared/sync/crypto';

/** The sync core's hashing and Ed25519 signatures, done by Node's native crypto. */
export const nodeCrypto: SyncCrypto = {
  sha256Hex: (data) => createHash('sha256').update(data).digest('hex'),
  sign: (privateKeyPem, data) => sign(null, data, createPrivateKey(privateKeyPem)).toString('base64'),
  verify: (publicKeyPem, data, signatureB64) => {
    try {
      return verify(null, data, createPublicKey(publicKeyPem), Buffer.from(signatureB64, 'base64'));
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
