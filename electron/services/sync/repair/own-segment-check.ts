import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Op } from '../../../../shared/sync/op';
import { encodeSegment } from '../../../../shared/sync/segment-encode';
import { parseSegmentFileName } from '../../../../shared/sync/segment-name';
import type { Logger } from '../../log';
import type { DeviceState } from '../write/device-state';
import { sameStamp, type FileStamp } from '../read/file-tracker';
import { teamFolderLayout } from '../layout';
import { ownCopy } from './own-folder';
import { decodeOwnSegment, writeIntoLog, type PublishTarget } from '../write/publisher';

/** How often a running app checks its own published files (and once at every start). */
export const OWN_CHECK_INTERVAL_MS = 3 * 60 * 1000;

/** An own file found damaged in the shared folder, and whether the same bytes were put back. */
export interface DamagedOwnFile {
  readonly fileName: string;
  readonly detail: string;
  readonly restored: boolean;
}

/**
 * Checks this device's own files of record in its log folder (those the listing shows; missing
 * ones are `republishMissing`'s) and puts back, byte for byte, any that someone damaged in place:
 * a reader that set the damaged bytes aside reads the file again once it changes, and the
 * authority its ops gave (approvals, roles) comes back on every device. Cheap: a file whose size,
 * mtime and ctime are those it had when it last verified is not read again.
 */
export async function checkOwnFiles(
  target: PublishTarget,
  names: readonly string[],
  verified: Map<string, FileStamp>,
  log: Logger,
): Promise<DamagedOwnFile[]> {
  const logDir = teamFolderLayout(target.sharedDir).logDir(target.deviceId);
  const damaged: DamagedOwnFile[] = [];
  for (const name of names) {
    const sha256 = expectedSha(target.deviceState, name);
    if (!sha256) continue;
    const file = join(logDir, name);
    let bytes: Uint8Array;
    let stamp: FileStamp;
    try {
      stamp = stampOf(await stat(file));
      const known = verified.get(name);
      if (known && sameStamp(known, stamp)) continue;
      bytes = await readFile(file);
    } catch {
      continue; // Gone or unreadable since the listing: the next poll sees it as it is then.
    }
    // A sealed segment against our copy, byte for byte (no parsing, no signature to check); a
    // compacted one, which has no copy of its own, by verifying it.
    const copy = parseSegmentFileName(name)?.kind === 'sealed' ? await ownBytes(target, name, sha256) : null;
    if (copy ? Buffer.from(copy).equals(bytes) : isOurs(target, bytes, sha256)) {
      verified.set(name, stamp);
      continue;
    }
    const detail = damageOf(target, bytes);
    const good = copy ?? (await ownBytes(target, name, sha256));
    if (!good) {
      log.error('sync', `${name} of this device is damaged in the shared folder (${detail}) and this computer's copy of it is missing or damaged too`);
      damaged.push({ fileName: name, detail, restored: false });
      continue;
    }
    try {
      await writeIntoLog(target, { bytes: good, fileName: name, sha256, text: '' });
      verified.set(name, stampOf(await stat(file)));
      log.warn('sync', `${name} of this device was damaged in the shared folder (${detail}); put back the same bytes from this computer's copy`);
      damaged.push({ fileName: name, detail, restored: true });
    } catch (error) {
      log.warn('sync', `${name} of this device is damaged in the shared folder (${detail}); putting it back failed, tried again at the next check: ${String(error)}`);
      damaged.push({ fileName: name, detail, restored: false });
    }
  }
  return damaged;
}

function isOurs(target: PublishTarget, bytes: Uint8Array, sha256: string): boolean {
  const decoded = decodeOwnSegment(target, bytes);
  return decoded.ok && decoded.sha256 === sha256;
}

/** Why the bytes in the folder are not ours, in the reader's words. */
function damageOf(target: PublishTarget, bytes: Uint8Array): string {
  const decoded = decodeOwnSegment(target, bytes);
  return decoded.ok ? 'other content than this device wrote' : `${decoded.reason}: ${decoded.detail}`;
}

/** The sha256 device-state recorded for a file of ours by that name; null for any other file. */
function expectedSha(state: DeviceState, name: string): string | null {
  const parsed = parseSegmentFileName(name);
  if (parsed?.kind === 'sealed') return state.records.find((record) => record.fileName === name)?.sha256 ?? null;
  if (parsed?.kind === 'compacted') return state.compaction(name)?.sha256 ?? null;
  return null;
}

/**
 * The bytes we wrote under that name: a sealed segment's copy in the profile, or a compacted
 * file made again from the copies of the segments it holds (Ed25519 signatures are deterministic,
 * so the same ops under the same key give the same bytes; the hash proves it).
 */
async function ownBytes(target: PublishTarget, name: string, sha256: string): Promise<Uint8Array | null> {
  const state = target.deviceState;
  const record = state.records.find((r) => r.fileName === name);
  if (record) return ownCopy(target.ownSegmentsDir, record, target.crypto.sha256Hex);
  const compaction = state.compaction(name);
  if (!compaction) return null;
  const ops: Op[] = [];
  for (let seq = compaction.firstSeq; seq <= compaction.lastSeq; seq++) {
    const part = state.records.find((r) => r.seq === seq);
    const bytes = part ? await ownCopy(target.ownSegmentsDir, part, target.crypto.sha256Hex) : null;
    const decoded = bytes ? decodeOwnSegment(target, bytes) : null;
    if (!decoded?.ok) return null;
    ops.push(...decoded.ops);
  }
  const prev = state.records.find((r) => r.seq === compaction.firstSeq - 1)?.sha256 ?? null;
  const encoded = encodeSegment({ deviceId: target.deviceId, seq: compaction.firstSeq, lastSeq: compaction.lastSeq, prev, ops }, target.privateKeyPem, target.crypto);
  return encoded.sha256 === sha256 ? encoded.bytes : null;
}

function stampOf(info: { size: number; mtimeMs: number; ctimeMs: number }): FileStamp {
  return { size: info.size, mtimeMs: info.mtimeMs, ctimeMs: info.ctimeMs };
}
