import { createCipheriv, createDecipheriv, createHash, diffieHellman, generateKeyPairSync, hkdfSync, randomBytes, type KeyObject } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../sync/durable-fs';
import { teamFolderLayout } from '../sync/layout';
import { rawPublicKey, x25519PublicKeyObject } from './device-key';

/**
 * Winners' contact details, outside the append-only log (docs/FORMAT.md, "Winners' personal
 * data"): one file per contact in the writer's own device folder, `devices/<id>/private/<fileId>.json`,
 * which no reader of the log lists. The content is AES-256-GCM under a random key; that key is
 * wrapped for each recipient device (X25519 with an ephemeral key, HKDF-SHA256, AES-256-GCM). The
 * log names the file by id and sha256; the writer deletes it when the retention ends.
 */
export const CONTACT_FILE_FORMAT = 'baton/prize-contact@1';

export interface Contact {
  readonly phone: string;
  readonly address: string;
}

const b64 = z.string().max(10_000);
const fileSchema = z.strictObject({
  format: z.literal(CONTACT_FILE_FORMAT),
  fileId: z.string(),
  ephemeralPublicKey: b64,
  recipients: z.array(z.strictObject({ deviceId: z.string(), iv: b64, wrappedKey: b64, tag: b64 })).max(500),
  iv: b64,
  ciphertext: z.string().max(100_000),
  tag: b64,
});

const contactSchema = z.strictObject({ phone: z.string().max(40), address: z.string().max(500) });

export const privateDir = (sharedDir: string, deviceId: string) => join(teamFolderLayout(sharedDir).deviceDir(deviceId), 'private');
const fileOf = (sharedDir: string, deviceId: string, fileId: string) => join(privateDir(sharedDir, deviceId), `${fileId}.json`);

function kek(shared: Buffer, fileId: string, deviceId: string): Buffer {
  return Buffer.from(hkdfSync('sha256', shared, Buffer.from(fileId), Buffer.from(`${CONTACT_FILE_FORMAT} ${deviceId}`), 32));
}

function seal(key: Buffer, plain: Buffer) {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const sealed = Buffer.concat([cipher.update(plain), cipher.final()]);
  return { iv: iv.toString('base64'), sealed: sealed.toString('base64'), tag: cipher.getAuthTag().toString('base64') };
}

function open(key: Buffer, iv: string, sealed: string, tag: string): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(sealed, 'base64')), decipher.final()]);
}

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';
export function newFileId(): string {
  return [...randomBytes(26)].map((byte) => BASE32[byte % 32]).join('');
}

/** Writes the contact encrypted to `recipients` (deviceId → X25519 public key); returns the file's id and sha256. */
export async function writeContactFile(
  sharedDir: string,
  writerDevice: string,
  contact: Contact,
  recipients: ReadonlyMap<string, string>,
): Promise<{ fileId: string; sha256: string }> {
  const fileId = newFileId();
  const contentKey = randomBytes(32);
  const ephemeral = generateKeyPairSync('x25519');
  const content = seal(contentKey, Buffer.from(JSON.stringify(contactSchema.parse(contact))));
  const wrapped = [...recipients].map(([deviceId, publicKey]) => {
    const shared = diffieHellman({ privateKey: ephemeral.privateKey, publicKey: x25519PublicKeyObject(publicKey) });
    const { iv, sealed, tag } = seal(kek(shared, fileId, deviceId), contentKey);
    return { deviceId, iv, wrappedKey: sealed, tag };
  });
  const text = JSON.stringify({
    format: CONTACT_FILE_FORMAT,
    fileId,
    ephemeralPublicKey: rawPublicKey(ephemeral.publicKey),
    recipients: wrapped,
    iv: content.iv,
    ciphertext: content.sealed,
    tag: content.tag,
  });
  await mkdir(privateDir(sharedDir, writerDevice), { recursive: true });
  await writeFileAtomic(fileOf(sharedDir, writerDevice, fileId), text);
  return { fileId, sha256: createHash('sha256').update(text).digest('hex') };
}

export type ReadContact = { ok: true; contact: Contact } | { ok: false; reason: 'missing' | 'changed' | 'not-a-recipient' | 'damaged' };

/** Reads and decrypts a contact file for this device, checking it is the file the log names. */
export function readContactFile(
  sharedDir: string,
  ref: { readonly writerDevice: string; readonly fileId: string; readonly sha256: string },
  me: { readonly deviceId: string; readonly privateKey: KeyObject },
): ReadContact {
  let text: string;
  try {
    text = readFileSync(fileOf(sharedDir, ref.writerDevice, ref.fileId), 'utf8');
  } catch {
    return { ok: false, reason: 'missing' };
  }
  if (createHash('sha256').update(text).digest('hex') !== ref.sha256) return { ok: false, reason: 'changed' };
  try {
    const file = fileSchema.parse(JSON.parse(text));
    const mine = file.recipients.find((recipient) => recipient.deviceId === me.deviceId);
    if (!mine) return { ok: false, reason: 'not-a-recipient' };
    const shared = diffieHellman({ privateKey: me.privateKey, publicKey: x25519PublicKeyObject(file.ephemeralPublicKey) });
    const contentKey = open(kek(shared, file.fileId, me.deviceId), mine.iv, mine.wrappedKey, mine.tag);
    return { ok: true, contact: contactSchema.parse(JSON.parse(open(contentKey, file.iv, file.ciphertext, file.tag).toString('utf8'))) };
  } catch {
    return { ok: false, reason: 'damaged' };
  }
}

/** Deletes this device's own contact files named (only in its own folder); returns those that were there. */
export function deleteContactFiles(sharedDir: string, writerDevice: string, fileIds: readonly string[]): string[] {
  const dir = privateDir(sharedDir, writerDevice);
  let present: Set<string>;
  try {
    present = new Set(readdirSync(dir));
  } catch {
    return [];
  }
  const deleted: string[] = [];
  for (const fileId of fileIds) {
    if (!present.has(`${fileId}.json`)) continue;
    rmSync(join(dir, `${fileId}.json`), { force: true });
    deleted.push(fileId);
  }
  return deleted;
}
