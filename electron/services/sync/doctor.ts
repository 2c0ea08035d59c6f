import type { SyncCrypto } from '../../../shared/sync/crypto';
import type { UnavailableReason } from '../../../shared/sync/status';
import type { AppSyncConfig } from './app-sync-config';
import { summarizeDevices } from './read/device-summary';
import { foldFolder, type FolderFold } from './folder-fold';
import { nodeCrypto } from './node-crypto';
import { nodeReaderFs, type ReaderFs } from './reader-fs';
import { restoredFilesOf, type RestoredFile } from './repair/restore-record';

/**
 * `baton doctor --shared <dir>`: what a device would make of the team folder (`foldFolder`).
 * Reads only: no cache, no temp file, nothing written anywhere. Other tooling parses this: keep its fields.
 */
export interface DoctorReport {
  readonly available: boolean;
  readonly unavailableReason?: UnavailableReason;
  readonly unavailableDetail?: string;
  readonly team: { readonly id: string; readonly name: string } | null;
  readonly devices: ReadonlyArray<{ readonly id: string; readonly member: string | null; readonly segments: number; readonly lastHlc: string | null }>;
  /** Segment files of record read (conflict copies are in `salvaged`). */
  readonly segments: number;
  readonly ops: number;
  readonly setAside: ReadonlyArray<{ readonly path: string; readonly reason: string; readonly detail: string }>;
  /** Files not readable yet (incomplete, device unknown, a read error): a device waits on them. */
  readonly pending: ReadonlyArray<{ readonly path: string; readonly reason: string; readonly detail: string }>;
  readonly salvaged: ReadonlyArray<{ readonly path: string; readonly original: string | null }>;
  /** Own files a device found damaged in place and put back (its signed restored.json), oldest first. */
  readonly restored: readonly RestoredFile[];
  /** sha256 of the canonical folded state: equal on every device that read the same files. */
  readonly stateHash: string;
}

export async function runDoctor(
  sharedDir: string,
  config: AppSyncConfig,
  options: { fs?: ReaderFs; crypto?: SyncCrypto; inspect?: (folded: Extract<FolderFold, { available: true }>) => void } = {},
): Promise<DoctorReport> {
  const crypto = options.crypto ?? nodeCrypto;
  const folded = await foldFolder(sharedDir, config, options.fs ?? nodeReaderFs, crypto);
  if (!folded.available) {
    return { ...empty(folded.fold.stateHash(crypto)), available: false, unavailableReason: folded.reason, unavailableDetail: folded.detail };
  }
  // The trust layer's own checks look at the same read of the folder (team-doctor.ts).
  options.inspect?.(folded);
  const { team, reader, fold } = folded;
  const fs = options.fs ?? nodeReaderFs;
  const restored: RestoredFile[] = [];
  for (const device of reader.devices.values()) restored.push(...(await restoredFilesOf(sharedDir, device.deviceId, device.publicKey, crypto, fs)));
  const devices = summarizeDevices(reader.ingestedFiles(), reader.devices, null).map((device) => ({
    id: device.deviceId,
    member: device.memberName,
    segments: device.segments,
    lastHlc: device.lastHlc,
  }));
  return {
    available: true,
    team: { id: team.teamId, name: team.name },
    devices,
    segments: devices.reduce((sum, device) => sum + device.segments, 0),
    ops: fold.opsCount,
    setAside: reader.setAsideFiles().map(({ path, reason, detail }) => ({ path, reason, detail })),
    pending: reader.pendingFiles(),
    salvaged: reader.salvagedFiles(),
    restored: restored.sort((a, b) => a.restoredAt.localeCompare(b.restoredAt) || a.path.localeCompare(b.path)),
    stateHash: fold.stateHash(crypto),
  };
}

function empty(stateHash: string): DoctorReport {
  return { available: false, team: null, devices: [], segments: 0, ops: 0, setAside: [], pending: [], salvaged: [], restored: [], stateHash };
}
