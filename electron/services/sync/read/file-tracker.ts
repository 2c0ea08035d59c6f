import type { SetAsideFile, SetAsideReason } from '../../../../shared/sync/status';

/**
 * The reader's memory of files it could not take (yet): set aside for good (until the file
 * changes), or waited on (incomplete, device unknown, a read error). Nothing here ever touches
 * the file itself: Baton never deletes or moves what it cannot read.
 */
export interface FileStamp {
  readonly size: number;
  readonly mtimeMs: number;
  /**
   * Engines (Syncthing, Dropbox, rsync -t, robocopy) give a received file its sender's mtime, so
   * a damaged copy fetched again keeps size and mtime; its ctime still moves.
   */
  readonly ctimeMs?: number;
}

interface Tracked extends FileStamp {
  readonly path: string;
  readonly firstSeenAt: number;
  /** When size or mtime last changed: a file that stays the same this long is not still arriving. */
  readonly changedAt: number;
  readonly state: 'set-aside' | 'waiting';
  readonly reason: SetAsideReason | 'read-error';
  readonly detail: string;
  /**
   * Judged with this device's key (or for want of it): looked at again when the key the reader
   * would use changes (a device.json arrives, the trust layer vouches for another key), so that
   * the outcome never depends on which arrived first.
   */
  readonly keyOf?: { readonly deviceId: string; readonly key: string | undefined };
}

export type KeyOf = Tracked['keyOf'];

export interface PendingFile {
  readonly path: string;
  readonly reason: SetAsideReason | 'read-error';
  readonly detail: string;
}

export class FileTracker {
  private readonly entries = new Map<string, Tracked>();

  constructor(
    private readonly now: () => number,
    private readonly giveUpMs: number,
  ) {}

  /** True when the file is set aside and has not changed since: nothing to do. */
  settled(path: string, stamp: FileStamp, keyFor: (deviceId: string) => string | undefined): boolean {
    const entry = this.entries.get(path);
    if (!entry || entry.state !== 'set-aside' || !sameStamp(entry, stamp)) return false;
    return entry.keyOf === undefined || keyFor(entry.keyOf.deviceId) === entry.keyOf.key;
  }

  setAside(path: string, stamp: FileStamp, reason: SetAsideReason, detail: string, keyOf?: KeyOf): void {
    this.put(path, stamp, 'set-aside', reason, detail, keyOf);
  }

  /**
   * A file that is not there yet (or whose device is not known yet): waited on while it changes,
   * set aside as `giveUpAs` once it has stayed the same for the give-up time.
   */
  wait(path: string, stamp: FileStamp, giveUpAs: SetAsideReason, detail: string, keyOf?: KeyOf): void {
    const entry = this.put(path, stamp, 'waiting', giveUpAs, detail, keyOf);
    if (this.now() - entry.changedAt >= this.giveUpMs) {
      const waited = Math.round((this.now() - entry.firstSeenAt) / 60000);
      this.put(path, stamp, 'set-aside', giveUpAs, `${detail} (unchanged for ${waited} min)`, keyOf);
    }
  }

  readError(path: string, stamp: FileStamp | null, detail: string): void {
    this.put(path, stamp ?? this.entries.get(path) ?? { size: 0, mtimeMs: 0 }, 'waiting', 'read-error', detail);
  }

  forget(path: string): void {
    this.entries.delete(path);
  }

  /** Drops files that are no longer there (keeping those under `keep`, whose listing failed). */
  sweep(seen: ReadonlySet<string>, keep: (path: string) => boolean): void {
    for (const path of this.entries.keys()) if (!seen.has(path) && !keep(path)) this.entries.delete(path);
  }

  setAsideFiles(): SetAsideFile[] {
    const files: SetAsideFile[] = [];
    for (const entry of this.entries.values()) {
      if (entry.state !== 'set-aside' || entry.reason === 'read-error') continue;
      files.push({ path: entry.path, reason: entry.reason, detail: entry.detail, size: entry.size, firstSeenAt: entry.firstSeenAt });
    }
    return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  pendingFiles(): PendingFile[] {
    return [...this.entries.values()]
      .filter((entry) => entry.state === 'waiting')
      .map(({ path, reason, detail }) => ({ path, reason, detail }))
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  private put(
    path: string,
    stamp: FileStamp,
    state: Tracked['state'],
    reason: Tracked['reason'],
    detail: string,
    keyOf?: KeyOf,
  ): Tracked {
    const previous = this.entries.get(path);
    const now = this.now();
    const entry: Tracked = {
      path,
      size: stamp.size,
      mtimeMs: stamp.mtimeMs,
      ...(stamp.ctimeMs === undefined ? {} : { ctimeMs: stamp.ctimeMs }),
      firstSeenAt: previous?.firstSeenAt ?? now,
      changedAt: previous && sameStamp(previous, stamp) ? previous.changedAt : now,
      state,
      reason,
      detail,
      ...(keyOf === undefined ? {} : { keyOf }),
    };
    this.entries.set(path, entry);
    return entry;
  }
}

export function sameStamp(a: FileStamp, b: FileStamp): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs && (a.ctimeMs === undefined || b.ctimeMs === undefined || a.ctimeMs === b.ctimeMs);
}
