import { open, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { SyncCrypto } from '../../../../shared/sync/crypto';
import { schemaFingerprint } from '../../../../shared/sync/schema-fingerprint';
import type { AnyCapability } from '../../../../shared/sync/capability';
import { HeldIndexBuilder, type HeldIndex } from '../../../../shared/sync/held-index';
import type { Logger } from '../../log';
import { toIngestedFile } from '../read/ingested-file';
import { teamFolderLayout } from '../layout';
import { errorCode } from '../reader-fs';
import type { FolderReader } from '../read/folder-reader';
import { encodeSnapshot, isSnapshotName, snapshotHeaderOf, surveyEncoded, type EncodedSnapshot, type SnapshotHeader } from './snapshot-codec';
import { baseIndexOf } from './cache-index';
import type { TeamFold } from '../read/team-fold';
import type { TeamSession } from '../team-session';
import { publishTeamSnapshot } from './team-snapshot';

/**
 * When a folded snapshot is written, and where. The team's root device publishes one into the
 * shared folder every `teamEveryOps` new ops (a computer new to the team starts from it); every
 * device replaces its local cache's base once its chunks hold `baseEveryOps` ops (a start then
 * validates only those). Both wait for an empty outbox: a snapshot holds only ops from files.
 */
export interface SnapshotPolicy {
  readonly teamEveryOps: number;
  readonly baseEveryOps: number;
}

export const SNAPSHOT_POLICY: SnapshotPolicy = { teamEveryOps: 10_000, baseEveryOps: 20_000 };

export interface SnapshotWriter {
  readonly capabilities: readonly AnyCapability[];
  readonly crypto: SyncCrypto;
  readonly log: Logger;
  readonly policy: SnapshotPolicy;
  readonly device: { readonly deviceId: string; readonly privateKeyPem: string };
  readonly now: () => number;
}

/** Writes what is due. Encoding a large fold takes seconds: call it when idle. */
export async function writeDueSnapshots(writer: SnapshotWriter, session: TeamSession, fold: TeamFold): Promise<void> {
  const isRoot = session.team?.rootDeviceId === writer.device.deviceId;
  if (isRoot && session.teamSnapshot === null) session.teamSnapshot = await lastTeamSnapshot(session, writer);
  const last = session.teamSnapshot;
  const schemas = schemaFingerprint(writer.capabilities, writer.crypto);
  // After an update that changed op schemas, readers pass the old one over: replace it at once.
  const team = isRoot && (fold.opsCount - (last?.opCount ?? 0) >= writer.policy.teamEveryOps || (last !== null && last.schemas !== schemas));
  const base = session.cache.opsAfterBase >= writer.policy.baseEveryOps;
  if (!team && !base) return;
  const encoded = snapshotOfFold(writer, session.teamId, session.reader, fold);
  if (team) {
    await publishTeamSnapshot(session.sharedDir, writer.device.deviceId, encoded, writer.log);
    session.teamSnapshot = encoded.header;
  }
  const held = heldIndexOf(fold);
  const mark = fold.state.changeMark();
  // Everything is awake (encoded): each summary is of the state the base's line folds to.
  const summaries = fold.state.summariesToStore(mark);
  const index = baseIndexOf(held, await surveyEncoded(encoded), { sha256: encoded.sha256, bytes: encoded.bytes.length }, summaries);
  await session.cache.replaceBase(encoded.bytes, index && { index, mark });
}

/** The index of what `fold` holds (all of it awake, as after encoding a snapshot of it). */
function heldIndexOf(fold: TeamFold): HeldIndex {
  const builder = new HeldIndexBuilder();
  for (const entity of fold.held()) builder.add(entity);
  return builder.build((entity) => fold.state.isClosed(entity));
}

/** A snapshot of everything `fold` holds, which is what `reader` took in (and no outbox). */
export function snapshotOfFold(writer: Omit<SnapshotWriter, 'log' | 'policy'>, teamId: string, reader: FolderReader, fold: TeamFold): EncodedSnapshot {
  return encodeSnapshot(
    {
      teamId,
      deviceId: writer.device.deviceId,
      createdAt: writer.now(),
      schemas: schemaFingerprint(writer.capabilities, writer.crypto),
      // A conflict copy's ops are in the fold, but the copy is not a file of record: a reader reads it itself.
      files: [...reader.ingestedFiles()].filter((file) => !file.salvaged).map(toIngestedFile),
      devices: [...reader.devices.values()],
      entities: fold.held(),
    },
    writer.device.privateKeyPem,
    writer.crypto,
  );
}

/** The header of this device's newest team snapshot; null when it has none. */
async function lastTeamSnapshot(session: TeamSession, writer: SnapshotWriter): Promise<SnapshotHeader | null> {
  const dir = teamFolderLayout(session.sharedDir).snapDir(writer.device.deviceId);
  let names: string[];
  try {
    names = (await readdir(dir)).filter(isSnapshotName).sort();
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') writer.log.warn('sync', `cannot list this device's snapshots: ${errorCode(error)}`);
    return null;
  }
  const newest = names.at(-1);
  if (!newest) return null;
  const handle = await open(join(dir, newest), 'r');
  try {
    const { buffer, bytesRead } = await handle.read({ buffer: Buffer.alloc(4096), position: 0 });
    return snapshotHeaderOf(buffer.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}
