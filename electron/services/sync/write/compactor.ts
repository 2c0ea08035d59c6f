import { readdir, readFile, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { planCompaction, type CompactionPolicy, type LogFile } from '../../../../shared/sync/compaction';
import type { Op } from '../../../../shared/sync/op';
import { encodeSegment } from '../../../../shared/sync/segment-encode';
import { parseSegmentFileName } from '../../../../shared/sync/segment-name';
import type { Logger } from '../../log';
import type { IngestedFile } from '../read/ingested-file';
import { relativeLogPath, teamFolderLayout } from '../layout';
import { decodeOwnSegment, writeIntoLog, type PublishTarget } from './publisher';

/**
 * Compacts a run of this device's own segments (see shared/sync/compaction.ts): every file of the
 * run is read back and must be one device-state says we wrote; the compacted file is entered in
 * device-state, then written, read back and verified, and only then are the originals deleted.
 * That deletion is only ever in our own log folder (README.md lists every deletion Baton makes). A crash
 * anywhere leaves files whose ops readers already dedupe by id, and the next run tidies up.
 */
export async function compactOwnLog(target: PublishTarget, log: Logger, policy?: CompactionPolicy): Promise<IngestedFile | null> {
  const logDir = teamFolderLayout(target.sharedDir).logDir(target.deviceId);
  const files = await listOwnLog(logDir);
  if (files === null) return null;
  const plan = planCompaction(files, policy);
  const verified = new Map<string, boolean>();
  for (const leftover of plan.leftovers) {
    if (!verified.has(leftover.coveredBy)) verified.set(leftover.coveredBy, (await readOwn(target, logDir, leftover.coveredBy)) !== null);
    if (verified.get(leftover.coveredBy)) await removeOwnFile(logDir, leftover.name, log);
  }
  if (!plan.run) return null;

  const ops: Op[] = [];
  let prev: string | null = null;
  for (const [index, file] of plan.run.files.entries()) {
    const segment = await readOwn(target, logDir, file.name);
    if (!segment) {
      log.warn('sync', `compaction skipped: ${file.name} is not a segment this device wrote`);
      return null;
    }
    if (index === 0) prev = segment.prev;
    for (const op of segment.ops) ops.push(op);
  }
  const encoded = encodeSegment(
    { deviceId: target.deviceId, seq: plan.run.firstSeq, lastSeq: plan.run.lastSeq, prev, ops },
    target.privateKeyPem,
    target.crypto,
  );
  await target.deviceState.addCompaction({
    fileName: encoded.fileName,
    sha256: encoded.sha256,
    firstSeq: plan.run.firstSeq,
    lastSeq: plan.run.lastSeq,
  });
  const written = await writeIntoLog(target, encoded);
  for (const file of plan.run.files) await removeOwnFile(logDir, file.name, log);
  const info = await stat(written);
  log.info('sync', `compacted ${plan.run.files.length} segments (${plan.run.firstSeq}–${plan.run.lastSeq}) into ${encoded.fileName}`);
  return {
    path: relativeLogPath(target.deviceId, encoded.fileName),
    deviceId: target.deviceId,
    seq: plan.run.firstSeq,
    sha256: encoded.sha256,
    size: info.size,
    mtimeMs: info.mtimeMs,
    firstSeenAt: target.now(),
    lastHlc: ops.reduce<string | null>((last, op) => (last === null || op.hlc > last ? op.hlc : last), null),
    opCount: ops.length,
    salvaged: false,
    original: null,
    live: true,
  };
}

async function listOwnLog(logDir: string): Promise<LogFile[] | null> {
  let names: string[];
  try {
    names = await readdir(logDir);
  } catch {
    return null;
  }
  const files: LogFile[] = [];
  for (const name of names) {
    if (!parseSegmentFileName(name)) continue;
    try {
      files.push({ name, size: (await stat(join(logDir, name))).size });
    } catch {
      // Gone since the listing: the next run sees the folder as it is then.
    }
  }
  return files;
}

/** The file's header `prev` and ops, if it verifies under our key and device-state lists it as ours. */
async function readOwn(target: PublishTarget, logDir: string, name: string): Promise<{ prev: string | null; ops: readonly Op[] } | null> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(join(logDir, name));
  } catch {
    return null;
  }
  const decoded = decodeOwnSegment(target, bytes);
  if (!decoded.ok) return null;
  const parsed = parseSegmentFileName(name);
  const ours =
    parsed?.kind === 'sealed'
      ? target.deviceState.has(decoded.header.seq, decoded.sha256)
      : target.deviceState.compaction(name)?.sha256 === decoded.sha256;
  return ours ? { prev: decoded.header.prev, ops: decoded.ops } : null;
}

async function removeOwnFile(logDir: string, name: string, log: Logger): Promise<void> {
  try {
    await unlink(join(logDir, name));
  } catch (error) {
    // Held by a sync client right now: a later run removes it (readers dedupe its ops meanwhile).
    log.warn('sync', `could not remove ${name} after compaction: ${String(error)}`);
  }
}
