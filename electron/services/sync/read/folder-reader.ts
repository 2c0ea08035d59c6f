import { join } from 'node:path';
import type { SyncCrypto } from '../../../../shared/sync/crypto';
import { isDeviceId } from '../../../../shared/sync/device-id';
import { conflictCopyOriginal, isSyncEngineTempName } from '../../../../shared/sync/foreign-files';
import type { Op } from '../../../../shared/sync/op';
import { MAX_SEGMENT_BYTES, type SegmentHeader } from '../../../../shared/sync/segment-format';
import { nameMatchesSegment, parseSegmentFileName } from '../../../../shared/sync/segment-name';
import type { SalvagedFile, SetAsideFile } from '../../../../shared/sync/status';
import { MAX_SMALL_FILE_BYTES, type DeviceFile, type TeamFile } from '../../../../shared/sync/team-files';
import { judgeDeviceFile } from './device-file-read';
import { judgeSegmentBytes } from './file-verdict';
import { FileTracker, sameStamp, type PendingFile } from './file-tracker';
import { probeFolder, type FolderProbe } from '../folder-probe';
import type { IngestedFile } from './ingested-file';
import { relativeDevicePath, relativeLogPath, teamFolderLayout } from '../layout';
import { forEachLimit } from './map-limit';
import { errorCode, isTransientReadError, nodeReaderFs, type FileInfo, type ReaderFs } from '../reader-fs';

/**
 * Reads the team folder: lists `baton/devices/*\/log/`, reads each new file once, verifies it and
 * hands back the segments it had not seen. Read-only by construction (it has no write call), so
 * `baton doctor` uses it as is. Files already taken are remembered by path: a strict segment name
 * is content-addressed, so such a file is never looked at again, not even stat'ed.
 */
export interface ReadSegment extends IngestedFile {
  readonly header: SegmentHeader;
  readonly ops: readonly Op[];
}

export type PollOutcome =
  | (Extract<FolderProbe, { available: false }> & { readonly segments?: undefined })
  | {
      readonly available: true;
      readonly team: TeamFile;
      /** New verified segments, sorted by device and seq. */
      readonly segments: readonly ReadSegment[];
      /** A device.json became readable (the trust filter may change). */
      readonly devicesChanged: boolean;
      /** Names in each device's log folder, as listed in this poll ([] when it has none). */
      readonly logNames: ReadonlyMap<string, readonly string[]>;
      /** Devices whose log folder could not be listed in this poll (a read error, not absence). */
      readonly unlisted: ReadonlySet<string>;
    };

export interface FolderReaderOptions {
  readonly sharedDir: string;
  readonly crypto: SyncCrypto;
  readonly fs?: ReaderFs;
  readonly now?: () => number;
  /** The trust layer's keys win over device.json. */
  readonly publicKeyFor?: (deviceId: string) => string | undefined;
  /** How long an incomplete file, or one of an unknown device, is waited on before it is set aside. */
  readonly giveUpMs?: number;
  readonly concurrency?: number;
}

export const DEFAULT_GIVE_UP_MS = 10 * 60 * 1000;

export class FolderReader {
  readonly devices = new Map<string, DeviceFile>();
  private readonly ingested = new Map<string, IngestedFile>();
  private readonly tracker: FileTracker;
  private readonly fs: ReaderFs;
  private readonly now: () => number;
  private readonly layout;

  constructor(private readonly options: FolderReaderOptions) {
    this.fs = options.fs ?? nodeReaderFs;
    this.now = options.now ?? Date.now;
    this.tracker = new FileTracker(this.now, options.giveUpMs ?? DEFAULT_GIVE_UP_MS);
    this.layout = teamFolderLayout(options.sharedDir);
  }

  /** Files taken before (from the local cache, or just published by this device). */
  remember(files: Iterable<IngestedFile>): void {
    for (const file of files) this.ingested.set(file.path, file);
  }

  ingestedFiles(): IterableIterator<IngestedFile> {
    return this.ingested.values();
  }

  rememberDevices(devices: Iterable<DeviceFile>): void {
    for (const device of devices) this.devices.set(device.deviceId, device);
  }

  publicKeyFor = (deviceId: string): string | undefined =>
    this.options.publicKeyFor?.(deviceId) ?? this.devices.get(deviceId)?.publicKey;

  setAsideFiles(): SetAsideFile[] {
    return this.tracker.setAsideFiles();
  }

  pendingFiles(): PendingFile[] {
    return this.tracker.pendingFiles();
  }

  salvagedFiles(): SalvagedFile[] {
    return [...this.ingested.values()]
      .filter((file) => file.salvaged)
      .map((file) => ({ path: file.path, original: file.original }))
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  /**
   * `live`: a poll while running, not the first read of a backlog (see clock skew in status.ts).
   * `progress(read, total)`: new files looked at so far, of those the listings showed.
   */
  async poll(live: boolean, probed?: FolderProbe, progress?: (read: number, total: number) => void): Promise<PollOutcome> {
    const probe = probed ?? (await probeFolder(this.options.sharedDir, this.fs));
    if (!probe.available) return probe;
    let names: string[];
    try {
      names = await this.fs.readdir(this.layout.devicesDir);
    } catch (error) {
      const code = errorCode(error);
      if (code !== 'ENOENT') return { available: false, reason: 'unreadable', detail: `baton/devices: ${code}` };
      names = [];
    }
    const seen = new Set<string>();
    const unlisted = new Set<string>();
    const logNames = new Map<string, readonly string[]>();
    const found: ReadSegment[] = [];
    const toRead: Array<{ readonly deviceId: string; readonly file: string }> = [];
    let devicesChanged = false;
    // The devices' folders are listed several at a time: at size L (225 devices) a poll listed
    // them one after another, 225 round trips to the file system's threads waited on in turn, in
    // every poll, however few files were new. Taken in name order, as before.
    const sorted = names.sort();
    const listings = new Array<string[] | null>(sorted.length).fill(null);
    await forEachLimit(
      sorted.map((name, at) => ({ name, at })),
      this.options.concurrency ?? 8,
      async ({ name, at }) => {
        if (isSyncEngineTempName(name)) return;
        if (!isDeviceId(name)) return this.strayDeviceEntry(name, seen);
        if (await this.loadDevice(name, seen)) devicesChanged = true;
        try {
          listings[at] = await this.fs.readdir(this.layout.logDir(name));
        } catch (error) {
          if (errorCode(error) === 'ENOENT') listings[at] = [];
          else unlisted.add(name);
        }
      },
    );
    sorted.forEach((name, at) => {
      const files = listings[at];
      if (!files) return;
      logNames.set(name, files);
      // Most names were taken in long ago: skip them before any async work, so an idle poll of
      // thousands of segments costs a lookup each, not a promise each.
      for (const file of files) {
        const known = this.ingested.get(relativeLogPath(name, file));
        if (!known || known.salvaged) toRead.push({ deviceId: name, file });
      }
    });
    // Listed first, then read: a backlog's size is known before it is read (the opening's progress).
    let read = 0;
    progress?.(0, toRead.length);
    await forEachLimit(toRead, this.options.concurrency ?? 8, async ({ deviceId, file }) => {
      const segment = await this.readLogFile(deviceId, file, seen, live);
      if (segment) found.push(segment);
      read += 1;
      progress?.(read, toRead.length);
    });
    this.tracker.sweep(seen, (path) => [...unlisted].some((id) => path.startsWith(`baton/devices/${id}/`)));
    found.sort((a, b) => (a.deviceId < b.deviceId ? -1 : a.deviceId > b.deviceId ? 1 : a.seq - b.seq || (a.path < b.path ? -1 : 1)));
    return { available: true, team: probe.team, segments: found, devicesChanged, logNames, unlisted };
  }

  /** Returns true when the device's key became known in this poll. */
  private async loadDevice(deviceId: string, seen: Set<string>): Promise<boolean> {
    if (this.devices.has(deviceId)) return false;
    const path = relativeDevicePath(deviceId, 'device.json');
    const info = await this.statOrNull(this.layout.deviceFile(deviceId), path);
    if (!info) return false;
    seen.add(path);
    if (this.tracker.settled(path, info, () => undefined)) return false;
    if (!info.isFile || info.size > MAX_SMALL_FILE_BYTES) {
      this.tracker.setAside(path, info, 'bad-device-file', `not a device file (${info.size} bytes)`);
      return false;
    }
    const bytes = await this.readOrNull(this.layout.deviceFile(deviceId), path, info);
    if (!bytes) return false;
    const verdict = judgeDeviceFile(bytes, deviceId);
    if (!verdict.ok) {
      this.tracker.setAside(path, info, 'bad-device-file', verdict.detail);
      return false;
    }
    this.tracker.forget(path);
    this.devices.set(deviceId, verdict.device);
    return true;
  }

  private async strayDeviceEntry(name: string, seen: Set<string>): Promise<void> {
    const path = `baton/devices/${name}`;
    const info = await this.statOrNull(join(this.layout.devicesDir, name), path);
    if (!info) return;
    seen.add(path);
    if (!this.tracker.settled(path, info, () => undefined)) {
      this.tracker.setAside(path, info, 'not-a-device-folder', 'its name is not a device id');
    }
  }

  private async readLogFile(deviceId: string, name: string, seen: Set<string>, live: boolean): Promise<ReadSegment | null> {
    const path = relativeLogPath(deviceId, name);
    const known = this.ingested.get(path);
    // A verified file under its strict name is content-addressed: done with for good.
    if (known && !known.salvaged) return null;
    if (isSyncEngineTempName(name)) return null;
    const file = join(this.layout.logDir(deviceId), name);
    const info = await this.statOrNull(file, path);
    if (!info) return null;
    seen.add(path);
    if (known && sameStamp(known, info)) return null;
    if (this.tracker.settled(path, info, this.publicKeyFor)) return null;
    if (!info.isFile) {
      this.tracker.setAside(path, info, 'not-a-segment', 'a folder, not a file');
      return null;
    }
    if (info.size > MAX_SEGMENT_BYTES) {
      this.tracker.setAside(path, info, 'too-large', `${info.size} bytes; the limit is ${MAX_SEGMENT_BYTES}`);
      return null;
    }
    const bytes = await this.readOrNull(file, path, info);
    if (!bytes) return null;
    const verdict = judgeSegmentBytes(bytes, deviceId, this.publicKeyFor, this.options.crypto);
    const keyOf = { deviceId, key: this.publicKeyFor(deviceId) };
    if (verdict.kind === 'set-aside') {
      // Under a name of record, damaged in place: its device puts back its own copy, read when it changes.
      const ofRecord = parseSegmentFileName(name) !== null && verdict.reason !== 'wrong-device-folder';
      const detail = ofRecord ? `${verdict.detail}; damaged in place, waiting for its device to put back its own copy` : verdict.detail;
      this.tracker.setAside(path, info, verdict.reason, detail, verdict.reason === 'bad-signature' ? keyOf : undefined);
      return null;
    }
    if (verdict.kind === 'wait') {
      this.tracker.wait(path, info, verdict.giveUpAs, verdict.detail, verdict.why === 'unknown-device' ? keyOf : undefined);
      return null;
    }
    this.tracker.forget(path);
    const strict = nameMatchesSegment(name, verdict.header, verdict.sha256);
    const record: IngestedFile = {
      path,
      deviceId,
      seq: verdict.header.seq,
      sha256: verdict.sha256,
      size: info.size,
      mtimeMs: info.mtimeMs,
      firstSeenAt: known?.firstSeenAt ?? this.now(),
      lastHlc: lastHlcOf(verdict.ops),
      opCount: verdict.ops.length,
      salvaged: !strict,
      original: strict ? null : (conflictCopyOriginal(name) ?? (parseSegmentFileName(name) ? name : null)),
      live,
    };
    this.ingested.set(path, record);
    return { ...record, header: verdict.header, ops: verdict.ops };
  }

  private async statOrNull(file: string, path: string): Promise<FileInfo | null> {
    try {
      return await this.fs.stat(file);
    } catch (error) {
      if (errorCode(error) === 'ENOENT') this.tracker.forget(path);
      else this.tracker.readError(path, null, `cannot look at it: ${errorCode(error) || String(error)}`);
      return null;
    }
  }

  /** Reads a whole file; a read error or a size that moved under us means "try again next poll". */
  private async readOrNull(file: string, path: string, info: FileInfo): Promise<Uint8Array | null> {
    let bytes: Uint8Array;
    try {
      bytes = await this.fs.readFile(file);
    } catch (error) {
      // Gone mid-read: forget it (a later listing brings it back). Anything else: try next poll.
      if (errorCode(error) === 'ENOENT') this.tracker.forget(path);
      else this.tracker.readError(path, info, `${isTransientReadError(error) ? 'read failed' : 'cannot read it'}: ${errorCode(error) || String(error)}`);
      return null;
    }
    if (bytes.length !== info.size) {
      this.tracker.readError(path, info, `changed while being read (${info.size} → ${bytes.length} bytes)`);
      return null;
    }
    return bytes;
  }
}

function lastHlcOf(ops: readonly Op[]): string | null {
  let last: string | null = null;
  for (const op of ops) if (last === null || op.hlc > last) last = op.hlc;
  return last;
}
