import { mkdir, readFile, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { SyncCrypto } from '../../../../shared/sync/crypto';
import { parseOpId, type Op } from '../../../../shared/sync/op';
import { decodeSegment, type DecodedSegment } from '../../../../shared/sync/segment-decode';
import { encodeSegment, type EncodedSegment } from '../../../../shared/sync/segment-encode';
import type { DeviceState, OwnSegmentRecord } from './device-state';
import { writeFileAtomic, type RenameFs } from '../durable-fs';
import type { IngestedFile } from '../read/ingested-file';
import { relativeLogPath, teamFolderLayout } from '../layout';
import { mkdirInTeamFolder } from '../team-folder-mkdir';

/**
 * Seals ops into this device's next segment and publishes it: a copy in the profile first (to
 * publish again if the folder ever loses it), then temp file + fsync + rename in the device's log
 * folder, then read back and verified. Only then is it entered in device-state; the caller clears
 * the outbox after that. A crash between any two steps loses nothing (the outbox still holds the
 * ops) and publishes no op twice (the start-up check adopts a segment renamed but not entered).
 */
export interface SealedSegment {
  readonly encoded: EncodedSegment;
  readonly seq: number;
  readonly ops: readonly Op[];
  readonly lastCounter: number;
}

export interface PublishFs extends RenameFs {
  /** How the segment is read back; a test makes it lie to prove nothing is cleared unverified. */
  readFile(path: string): Promise<Uint8Array>;
}
export const nodePublishFs: PublishFs = {
  rename,
  readFile: (path) => readFile(path),
};

export interface PublishTarget {
  readonly sharedDir: string;
  readonly deviceId: string;
  readonly publicKeyPem: string;
  readonly privateKeyPem: string;
  readonly ownSegmentsDir: string;
  readonly deviceState: DeviceState;
  readonly crypto: SyncCrypto;
  readonly fs: PublishFs;
  readonly now: () => number;
  readonly renameRetries?: number;
}

/** Ops per segment are capped well below the 16 MiB limit (UTF-8 and JSON escapes included). */
export const MAX_BATCH_BYTES = 8 * 1024 * 1024;

/** The longest run of `ops`, from the start, whose lines fit in one segment. */
export function takeBatch(ops: readonly Op[], maxBytes = MAX_BATCH_BYTES): Op[] {
  const batch: Op[] = [];
  let bytes = 0;
  for (const op of ops) {
    bytes += Buffer.byteLength(JSON.stringify(op)) + 1;
    if (batch.length > 0 && bytes > maxBytes) break;
    batch.push(op);
  }
  return batch;
}

export function sealSegment(target: PublishTarget, ops: readonly Op[]): SealedSegment {
  const seq = target.deviceState.nextSeq;
  const encoded = encodeSegment(
    { deviceId: target.deviceId, seq, prev: target.deviceState.lastSha, ops },
    target.privateKeyPem,
    target.crypto,
  );
  const lastCounter = ops.reduce((max, op) => Math.max(max, parseOpId(op.id)?.counter ?? 0), 0);
  return { encoded, seq, ops, lastCounter };
}

export class PublishVerifyError extends Error {}

/** Writes a sealed segment into place and enters it in device-state; returns what the reader should remember. */
export async function publishSealed(target: PublishTarget, sealed: SealedSegment): Promise<IngestedFile> {
  const { encoded } = sealed;
  await mkdir(target.ownSegmentsDir, { recursive: true });
  await writeFileAtomic(join(target.ownSegmentsDir, encoded.fileName), encoded.bytes);
  const file = await writeIntoLog(target, encoded);
  const info = await stat(file);
  const record: OwnSegmentRecord = {
    seq: sealed.seq,
    sha256: encoded.sha256,
    fileName: encoded.fileName,
    lastCounter: sealed.lastCounter,
    opCount: sealed.ops.length,
  };
  await target.deviceState.add(record);
  return {
    path: relativeLogPath(target.deviceId, encoded.fileName),
    deviceId: target.deviceId,
    seq: sealed.seq,
    sha256: encoded.sha256,
    size: info.size,
    mtimeMs: info.mtimeMs,
    firstSeenAt: target.now(),
    lastHlc: sealed.ops.at(-1)?.hlc ?? null,
    opCount: sealed.ops.length,
    salvaged: false,
    original: null,
    live: true,
  };
}

/** Temp + fsync + rename (retried while refused), then read back and verified against our key. */
export async function writeIntoLog(target: PublishTarget, encoded: EncodedSegment): Promise<string> {
  const logDir = teamFolderLayout(target.sharedDir).logDir(target.deviceId);
  await mkdirInTeamFolder(target.sharedDir, logDir);
  const file = join(logDir, encoded.fileName);
  await writeFileAtomic(file, encoded.bytes, {
    fs: target.fs,
    ...(target.renameRetries === undefined ? {} : { retries: target.renameRetries }),
  });
  const back = await target.fs.readFile(file);
  const decoded = decodeOwnSegment(target, back);
  if (!decoded.ok) throw new PublishVerifyError(`${encoded.fileName} did not read back: ${decoded.reason} (${decoded.detail})`);
  if (decoded.sha256 !== encoded.sha256) throw new PublishVerifyError(`${encoded.fileName} read back with other content`);
  return file;
}

/** Decodes bytes as a segment of this device: verified under its own key, no other device's. */
export function decodeOwnSegment(target: Pick<PublishTarget, 'deviceId' | 'publicKeyPem' | 'crypto'>, bytes: Uint8Array): DecodedSegment {
  return decodeSegment(bytes, (id) => (id === target.deviceId ? target.publicKeyPem : undefined), target.crypto);
}
