import { createHash, generateKeyPairSync, sign, verify } from 'node:crypto';
import type { SyncCrypto } from '../../shared/sync';

export const nodeCrypto: SyncCrypto = {
  sha256Hex: (data) => createHash('sha256').update(data).digest('hex'),
  sign: (privateKeyPem, data) => sign(null, data, privateKeyPem).toString('base64'),
  verify(publicKeyPem, data, signatureB64) {
    try {
      return verify(null, data, publicKeyPem, Buffer.from(signatureB64, 'base64'));
    } catch {
      return false;
    }
  },
};

export function ed25519KeyPair(): { publicKey: string; privateKey: string } {
  return generateKeyPairSync('ed25519', {
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
}
