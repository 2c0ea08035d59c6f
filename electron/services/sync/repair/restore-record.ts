import { z } from 'zod';
import type { SyncCrypto } from '../../../../shared/sync/crypto';
import { MAX_SMALL_FILE_BYTES } from '../../../../shared/sync/team-files';
import { writeFileAtomic } from '../durable-fs';
import { relativeLogPath, teamFolderLayout } from '../layout';
import type { ReaderFs } from '../reader-fs';

/**
 * `baton/devices/<id>/restored.json`: the files of its own log a device found damaged in place and
 * put back, signed with its key, so that a reader who never saw the damage (`baton doctor`, a
 * newcomer) can still tell that it happened and which file it was. Written only by its device,
 * only after a restore; the newest entries are kept.
 */
const FORMAT = 'baton/restored@1';
const MAX_ENTRIES = 50;
const text = (max: number) => z.string().min(1).max(max);

const entrySchema = z.strictObject({ name: text(200), detail: text(500), restoredAt: z.iso.datetime() });
const fileSchema = z.strictObject({ format: z.literal(FORMAT), deviceId: text(100), files: z.array(entrySchema).max(MAX_ENTRIES), sig: text(200) });

type Entry = z.infer<typeof entrySchema>;

/** A restore a device signed for: which of its files, why it was damaged, when it was put back. */
export interface RestoredFile {
  readonly deviceId: string;
  /** As the status shows paths: `baton/devices/<id>/log/<name>`. */
  readonly path: string;
  readonly detail: string;
  readonly restoredAt: string;
}

const utf8 = new TextEncoder();
/** The signed bytes: the fields in a fixed order, whatever order the file had them in. */
const signedBytes = (deviceId: string, files: readonly Entry[]) =>
  utf8.encode(JSON.stringify({ format: FORMAT, deviceId, files: files.map(({ name, detail, restoredAt }) => ({ name, detail, restoredAt })) }));

/** Its entries when the record is there, whole, and signed by the device's key; otherwise null (never throws). */
async function readRecord(sharedDir: string, deviceId: string, publicKeyPem: string, crypto: SyncCrypto, fs: ReaderFs): Promise<Entry[] | null> {
  const file = teamFolderLayout(sharedDir).restoredFile(deviceId);
  try {
    const info = await fs.stat(file);
    if (!info.isFile || info.size > MAX_SMALL_FILE_BYTES) return null;
    const parsed = fileSchema.safeParse(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(await fs.readFile(file))));
    if (!parsed.success || parsed.data.deviceId !== deviceId) return null;
    return crypto.verify(publicKeyPem, signedBytes(deviceId, parsed.data.files), parsed.data.sig) ? parsed.data.files : null;
  } catch {
    return null; // Not there (no restore yet), unreadable now, or not JSON: nothing to tell.
  }
}

/** The restores a device signed for (none when its record is missing, damaged or not signed by its key). */
export async function restoredFilesOf(sharedDir: string, deviceId: string, publicKeyPem: string, crypto: SyncCrypto, fs: ReaderFs): Promise<RestoredFile[]> {
  const files = await readRecord(sharedDir, deviceId, publicKeyPem, crypto, fs);
  return (files ?? []).map((entry) => ({ deviceId, path: relativeLogPath(deviceId, entry.name), detail: entry.detail, restoredAt: entry.restoredAt }));
}

export interface RestoreSigner {
  readonly sharedDir: string;
  readonly deviceId: string;
  readonly publicKeyPem: string;
  readonly privateKeyPem: string;
  readonly crypto: SyncCrypto;
  readonly fs: ReaderFs;
}

/** Adds restores to this device's record (a record that is not its own good one is started anew). */
export async function recordRestored(signer: RestoreSigner, restored: ReadonlyArray<{ name: string; detail: string }>, at: number): Promise<void> {
  const { sharedDir, deviceId, crypto } = signer;
  const earlier = (await readRecord(sharedDir, deviceId, signer.publicKeyPem, crypto, signer.fs)) ?? [];
  const restoredAt = new Date(at).toISOString();
  const files = [...earlier, ...restored.map(({ name, detail }) => ({ name, detail: detail.slice(0, 500), restoredAt }))].slice(-MAX_ENTRIES);
  const sig = crypto.sign(signer.privateKeyPem, signedBytes(deviceId, files));
  await writeFileAtomic(teamFolderLayout(sharedDir).restoredFile(deviceId), `${JSON.stringify({ format: FORMAT, deviceId, files, sig })}\n`);
}
