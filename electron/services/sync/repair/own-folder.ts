import { copyFile, mkdir, readdir, readFile, unlink } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { canonicalJson } from '../../../../shared/sync/canonical';
import { parseOpId, type Op } from '../../../../shared/sync/op';
import { parseSegmentFileName } from '../../../../shared/sync/segment-name';
import type { Logger } from '../../log';
import type { DeviceState, OwnSegmentRecord } from '../write/device-state';
import { isBatonTempName } from '../durable-fs';
import type { ReadSegment } from '../read/folder-reader';
import { teamFolderLayout } from '../layout';
import type { Outbox } from '../write/outbox';
import { writeIntoLog, type PublishTarget } from '../write/publisher';
import type { TeamSession } from '../team-session';

/**
 * This device's own folder, as found by a poll. A segment there that device-state does not list
 * was either written by this device just before a crash (renamed, not yet entered) or by another
 * computer holding a copy of this profile. It is ours only if it is exactly the next link of our
 * chain and every op in it is, byte for byte, an op still waiting in our outbox.
 */
export interface OwnSegmentsVerdict {
  readonly adopt: readonly ReadSegment[];
  readonly foreign: readonly ReadSegment[];
}

export function judgeOwnSegments(segments: readonly ReadSegment[], state: DeviceState, outbox: readonly Op[]): OwnSegmentsVerdict {
  const waiting = new Map(outbox.map((op) => [op.id, canonicalJson(op)]));
  const adopt: ReadSegment[] = [];
  const foreign: ReadSegment[] = [];
  let nextSeq = state.nextSeq;
  let prev = state.lastSha;
  const adopted = new Set<string>();
  for (const segment of [...segments].sort((a, b) => a.seq - b.seq)) {
    if (state.has(segment.seq, segment.sha256) || state.isCompaction(segment.sha256) || adopted.has(segment.sha256)) continue;
    const mine =
      segment.seq === nextSeq &&
      segment.header.prev === prev &&
      segment.ops.length > 0 &&
      segment.ops.every((op) => waiting.get(op.id) === canonicalJson(op));
    if (!mine) {
      foreign.push(segment);
      continue;
    }
    adopt.push(segment);
    adopted.add(segment.sha256);
    nextSeq += 1;
    prev = segment.sha256;
  }
  return { adopt, foreign };
}

/** A segment this device renamed into place just before a crash: entered now as published. */
export async function adoptSegment(session: TeamSession, segment: ReadSegment, outbox: Outbox, log: Logger): Promise<void> {
  const fileName = basename(segment.path);
  const lastCounter = segment.ops.reduce((max, op) => Math.max(max, parseOpId(op.id)?.counter ?? 0), 0);
  await mkdir(session.profile.ownSegmentsDir, { recursive: true });
  await copyFile(join(teamFolderLayout(session.sharedDir).logDir(segment.deviceId), fileName), join(session.profile.ownSegmentsDir, fileName));
  await session.deviceState.add({ seq: segment.seq, sha256: segment.sha256, fileName, lastCounter, opCount: segment.ops.length });
  outbox.dropThrough(segment.deviceId, lastCounter);
  if (session.sealed?.encoded.sha256 === segment.sha256) session.sealed = null;
  log.info('sync', `adopted ${fileName}: written before a crash, now recorded`);
}

/** The folder lost segments we published (restored from an old backup): write them again, byte for byte. */
export async function republishMissing(
  session: TeamSession,
  names: readonly string[],
  target: PublishTarget,
  log: Logger,
): Promise<void> {
  for (const record of missingOwnSegments(session.deviceState, names)) {
    const bytes = await ownCopy(session.profile.ownSegmentsDir, record, target.crypto.sha256Hex);
    if (!bytes) {
      log.error('sync', `${record.fileName} is gone from the shared folder and its local copy is missing or damaged`);
      continue;
    }
    try {
      await writeIntoLog(target, { bytes, fileName: record.fileName, sha256: record.sha256, text: '' });
      log.info('sync', `published ${record.fileName} again: the shared folder had lost it`);
    } catch (error) {
      log.warn('sync', `publishing ${record.fileName} again failed: ${String(error)}`);
      return;
    }
  }
}

/** Segments device-state says we published that the folder's listing no longer has. */
export function missingOwnSegments(state: DeviceState, names: readonly string[]): OwnSegmentRecord[] {
  const present = new Set(names);
  const compacted = names.map(parseSegmentFileName).filter((name) => name?.kind === 'compacted');
  return state.records.filter(
    (record) =>
      !present.has(record.fileName) &&
      !compacted.some((name) => name?.kind === 'compacted' && name.firstSeq <= record.seq && record.seq <= name.lastSeq),
  );
}

/** Our own copy of a segment we published, if it is still the bytes we recorded. */
export async function ownCopy(ownSegmentsDir: string, record: OwnSegmentRecord, sha256Hex: (bytes: Uint8Array) => string): Promise<Uint8Array | null> {
  try {
    const bytes = await readFile(join(ownSegmentsDir, record.fileName));
    const trailerStart = bytes.lastIndexOf(0x0a, bytes.length - 2) + 1;
    return sha256Hex(bytes.subarray(0, trailerStart)) === record.sha256 ? bytes : null;
  } catch {
    return null;
  }
}

/**
 * Removes Baton's own leftover temp files in this device's folder and log folder (one of the
 * deletions README.md lists, all in this device's own folder). Only called between jobs, when no write of ours can
 * be in flight.
 */
export async function removeOwnTempFiles(sharedDir: string, deviceId: string): Promise<string[]> {
  const layout = teamFolderLayout(sharedDir);
  const removed: string[] = [];
  for (const dir of [layout.deviceDir(deviceId), layout.logDir(deviceId)]) {
    let names: string[];
    try {
      names = await readdir(dir);
    } catch {
      continue;
    }
    for (const name of names.filter(isBatonTempName)) {
      try {
        await unlink(join(dir, name));
        removed.push(name);
      } catch {
        // Held by a sync client right now: the next start tries again.
      }
    }
  }
  return removed;
}
