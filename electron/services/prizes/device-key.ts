import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Logger } from '../log';
import { writeFileAtomic } from '../sync/durable-fs';

/**
 * This device's X25519 key pair for winners' contact files: the public half is published in an
 * op (`prizeKey.published`) so that others can encrypt to this device; the private half stays in
 * the profile (0600), like the device's signing key.
 */
const keyFileSchema = z.object({ publicKey: z.string(), privateKeyPkcs8: z.string() });

export interface ContactKeyPair {
  /** Raw 32 bytes, base64: what the op carries. */
  readonly publicKey: string;
  readonly privateKey: KeyObject;
}

const SPKI_X25519_PREFIX = Buffer.from('302a300506032b656e032100', 'hex');

export function x25519PublicKeyObject(rawBase64: string): KeyObject {
  return createPublicKey({ key: Buffer.concat([SPKI_X25519_PREFIX, Buffer.from(rawBase64, 'base64')]), format: 'der', type: 'spki' });
}

export function rawPublicKey(key: KeyObject): string {
  return key.export({ format: 'der', type: 'spki' }).subarray(SPKI_X25519_PREFIX.length).toString('base64');
}

export async function loadContactKey(profileDir: string, log: Logger): Promise<ContactKeyPair> {
  const dir = join(profileDir, 'prizes');
  const file = join(dir, 'contact-key.json');
  try {
    const stored = keyFileSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
    return { publicKey: stored.publicKey, privateKey: createPrivateKey({ key: Buffer.from(stored.privateKeyPkcs8, 'base64'), format: 'der', type: 'pkcs8' }) };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') log.warn('prizes', `the contact key is unreadable; making a new one: ${String(error)}`);
  }
  const { publicKey, privateKey } = generateKeyPairSync('x25519');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const pair = { publicKey: rawPublicKey(publicKey), privateKey };
  await writeFileAtomic(file, JSON.stringify({ publicKey: pair.publicKey, privateKeyPkcs8: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64') }), { mode: 0o600 });
  return pair;
}
