import { mkdir, readdir, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { SyncCrypto } from '../../../../shared/sync/crypto';
import type { TeamFile } from '../../../../shared/sync/team-files';
import type { Logger } from '../../log';
import { writeFileAtomic } from '../durable-fs';
import { relativeSnapPath, teamFolderLayout } from '../layout';
import { errorCode, type ReaderFs } from '../reader-fs';
import { isSnapshotName, MAX_SNAPSHOT_BYTES, type EncodedSnapshot } from './snapshot-codec';
import { streamSnapshot, type StreamedSnapshot } from './snapshot-stream';

/**
 * The team's folded snapshots in the shared folder (`devices/<root>/snap/`), so that a computer
 * new to the team starts without reading, verifying and validating three years of segments.
 *
 * Only the root device writes them and only its are read: its key is the one team.json pins, so
 * a snapshot is trusted exactly as far as the root already is (the root can approve any device,
 * hence write anything). A snapshot of another device, a damaged one, or one of other op schemas
 * is passed over and every segment read as before.
 */
export interface FoundSnapshot {
  readonly name: string;
  /** Its trailer and head checked; its entities parsed while the rest of it is read and hashed (`snapshot.intact`). */
  readonly snapshot: StreamedSnapshot;
}

/** What the search found: a snapshot to start from, and the files passed over as damaged or forged (for a notice). */
export interface SnapshotSearch {
  readonly found: FoundSnapshot | null;
  readonly damaged: readonly { readonly path: string; readonly detail: string }[];
}

export async function findTeamSnapshot(
  sharedDir: string,
  team: TeamFile,
  schemas: string,
  crypto: SyncCrypto,
  fs: ReaderFs,
  log: Logger,
): Promise<SnapshotSearch> {
  const dir = teamFolderLayout(sharedDir).snapDir(team.rootDeviceId);
  const damaged: Array<{ path: string; detail: string }> = [];
  let names: string[];
  try {
    names = (await fs.readdir(dir)).filter(isSnapshotName).sort().reverse();
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') log.warn('sync', `cannot list the team's snapshots: ${errorCode(error) || String(error)}`);
    return { found: null, damaged };
  }
  for (const name of names) {
    try {
      const info = await fs.stat(join(dir, name));
      if (!info.isFile || info.size > MAX_SNAPSHOT_BYTES) continue;
      const publicKeyFor = (deviceId: string) => (deviceId === team.rootDeviceId ? team.rootPublicKey : undefined);
      const verdict = await streamSnapshot(join(dir, name), fs, { teamId: team.teamId, schemas, publicKeyFor }, crypto);
      if (verdict.ok) return { found: { name, snapshot: verdict.snapshot }, damaged };
      log.info('sync', `passed over the team snapshot ${name}: ${verdict.detail}`);
      if (!verdict.outdated) damaged.push({ path: relativeSnapPath(team.rootDeviceId, name), detail: verdict.detail });
    } catch (error) {
      // Gone or unreadable mid-read (replaced by a newer one): not damage.
      log.info('sync', `passed over the team snapshot ${name}: ${errorCode(error) || String(error)}`);
    }
  }
  return { found: null, damaged };
}

/**
 * Puts this (root) device's new snapshot in place, then removes its older ones: a reader that
 * listed an older one just before finds it gone and reads every segment instead, which is slower
 * but never wrong. Like compaction, a deletion only ever in this device's own folder.
 */
export async function publishTeamSnapshot(sharedDir: string, deviceId: string, encoded: EncodedSnapshot, log: Logger): Promise<void> {
  const dir = teamFolderLayout(sharedDir).snapDir(deviceId);
  await mkdir(dir, { recursive: true });
  const file = join(dir, encoded.fileName);
  await writeFileAtomic(file, encoded.bytes);
  if (!(await readFile(file)).equals(encoded.bytes)) {
    await unlink(file).catch(() => {});
    throw new Error(`${encoded.fileName} did not read back as written`);
  }
  for (const name of await readdir(dir)) {
    if (name === encoded.fileName || !isSnapshotName(name)) continue;
    await unlink(join(dir, name)).catch((error: unknown) => log.info('sync', `could not remove the old snapshot ${name}: ${errorCode(error)}`));
  }
  log.info('sync', `wrote the team snapshot ${encoded.fileName} (${encoded.header.opCount} ops, ${encoded.bytes.length} bytes)`);
}
