import { createHash } from 'node:crypto';
import {
  closeSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * A simulated file-sync engine. Each "computer" holds its own copy of the shared folder on disk;
 * `replicate(from, to)` copies what differs the way Dropbox, OneDrive, Nutstore, Syncthing and an
 * SMB share do, and fails the ways they fail: late and out of order (explicit steps, no sleeping),
 * twice, in pieces (a file visible truncated, completed by a later step), as conflict copies named
 * as each engine names them, files vanishing (a backup restored), and litter (engine temp files,
 * zero-byte files, unrelated JSON, random bytes, a 200 MB sparse file, desktop.ini, .DS_Store).
 *
 * Everything random comes from one seed, so a failing schedule replays exactly.
 */

export type EngineName = 'dropbox' | 'syncthing' | 'onedrive' | 'smb';

export type GarbageKind =
  | 'syncthing-temp'
  | 'office-owner'
  | 'zero-byte'
  | 'unrelated-json'
  | 'random-bytes'
  | 'sparse-200mb'
  | 'desktop-ini'
  | 'ds-store'
  | 'foreign-folder';

export const GARBAGE_KINDS: readonly GarbageKind[] = [
  'syncthing-temp',
  'office-owner',
  'zero-byte',
  'unrelated-json',
  'random-bytes',
  'sparse-200mb',
  'desktop-ini',
  'ds-store',
  'foreign-folder',
];

/** The sparse litter file: 200 MiB long, a few KiB on disk. */
export const SPARSE_BYTES = 200 * 1024 * 1024;

export interface SimComputer {
  readonly name: string;
  /** Its copy of the shared folder (the folder Baton is pointed at). Missing while unmounted. */
  readonly sharedDir: string;
  /** A place for this computer's own profile (Baton's local data). Never replicated. */
  readonly profileDir: string;
  /** How Dropbox names the person in a conflict copy ("Alice's conflicted copy"). */
  readonly owner: string;
  /** How OneDrive names the computer in a conflict copy ("-DESKTOP-ABC"). */
  readonly hostName: string;
  /** Syncthing's short device id in a conflict copy (7 base32 characters). */
  readonly syncthingShortId: string;
}

export interface ReplicateOptions {
  /** Whose habits: conflict-copy names, partial-file style, which temp names are never synced. */
  readonly engine?: EngineName;
  /** Only paths (relative, '/'-separated) this accepts are considered. */
  readonly only?: (path: string) => boolean;
  /** Share of the differing files delivered in this step (the rest stay behind: a gap). Default 1. */
  readonly deliverRate?: number;
  /** Deliver in listing order instead of a seeded shuffle. */
  readonly inOrder?: boolean;
  /** Share of delivered files that arrive in two steps: truncated first, completed by `completeTransfers`. */
  readonly partialRate?: number;
  /**
   * 'in-place': the final name shows the first bytes (SMB, some cloud clients);
   * 'temp-rename': a pre-sized temp file next to it, renamed when complete (Syncthing).
   * Default: the engine's habit.
   */
  readonly partialStyle?: 'in-place' | 'temp-rename';
  /** Share of delivered files written again, same bytes, by a later transfer step. */
  readonly duplicateRate?: number;
  /** Share of delivered files that also leave an identical conflict copy on the receiver. */
  readonly conflictCopyRate?: number;
  /** Remove files the sender does not have (a mirror, or a backup restored on one side). */
  readonly mirrorDeletes?: boolean;
}

export interface ReplicateReport {
  /** Complete files now on the receiver. */
  readonly delivered: string[];
  /** Files only partly there; a later `completeTransfers` finishes them. */
  readonly partial: string[];
  /** Differing files left for a later step. */
  readonly deferred: string[];
  /** Files that will be written a second time by a later `completeTransfers`. */
  readonly duplicated: string[];
  /** Conflict copies created on the receiver. */
  readonly conflictCopies: string[];
  /** Files removed from the receiver (mirrorDeletes only). */
  readonly deleted: string[];
  /**
   * Versions that lost a write conflict to the receiver's own version: not delivered. The sender
   * turns its version into a conflict copy when the winner reaches it.
   */
  readonly outvoted: string[];
}

export interface PendingTransfer {
  readonly id: number;
  readonly computer: string;
  readonly path: string;
  readonly kind: 'finish' | 'rewrite';
}

interface PendingEntry extends PendingTransfer {
  readonly bytes: Buffer;
  readonly style: 'in-place' | 'temp-rename';
}

export interface FileInfo {
  readonly size: number;
  /** sha256 of the bytes; for files above 16 MiB, `large:<size>` (never read whole). */
  readonly digest: string;
}

/** mulberry32: tiny, fast, and plenty for choosing schedules. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(maxExclusive: number): number {
    return Math.floor(this.next() * maxExclusive);
  }

  chance(probability: number): boolean {
    return probability > 0 && this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[this.int(items.length)]!;
  }

  shuffle<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let index = copy.length - 1; index > 0; index -= 1) {
      const other = this.int(index + 1);
      [copy[index], copy[other]] = [copy[other]!, copy[index]!];
    }
    return copy;
  }

  bytes(length: number): Buffer {
    const out = Buffer.alloc(length);
    for (let index = 0; index < length; index += 1) out[index] = this.int(256);
    return out;
  }

  hex(length: number): string {
    let text = '';
    for (let index = 0; index < length; index += 1) text += '0123456789abcdef'[this.int(16)];
    return text;
  }
}

const LARGE = 16 * 1024 * 1024;
const BASE32_UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
/** The engine clock starts here: 2026-01-02 03:04:05 UTC, one second per step. */
export const SIM_EPOCH_MS = Date.UTC(2026, 0, 2, 3, 4, 5);

/** Names an engine never copies to another computer (its own temporaries and the OS's). */
export function engineNeverSyncs(engine: EngineName, name: string): boolean {
  if (/^\.syncthing\..*\.tmp$/.test(name) || /^~syncthing~.*\.tmp$/.test(name)) return true;
  if (engine === 'dropbox' || engine === 'onedrive') {
    return /^(?:desktop\.ini|thumbs\.db|\.ds_store|icon\r|\.dropbox(?:\..*)?|~\$.*|\.~.*|~.*\.tmp)$/i.test(name);
  }
  return false;
}

/** The name `engine` gives the losing side of a write conflict on `path`. */
export function conflictCopyName(
  engine: EngineName,
  path: string,
  computer: Pick<SimComputer, 'owner' | 'hostName' | 'syncthingShortId'>,
  wallMs: number,
  /** 0 for the first copy; 1, 2… when that name is taken. */
  number = 0,
): string {
  const slash = path.lastIndexOf('/');
  const folder = path.slice(0, slash + 1);
  const name = path.slice(slash + 1);
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const ext = dot > 0 ? name.slice(dot) : '';
  const day = new Date(wallMs).toISOString().slice(0, 10);
  switch (engine) {
    case 'dropbox':
      return `${folder}${stem} (${computer.owner}'s conflicted copy ${day}${number > 0 ? ` (${number})` : ''})${ext}`;
    case 'syncthing':
      // Syncthing names by the second; a second copy in the same second gets the next second.
      return `${folder}${stem}.sync-conflict-${syncthingStamp(wallMs + number * 1000)}-${computer.syncthingShortId}${ext}`;
    case 'onedrive':
      return `${folder}${stem}-${computer.hostName}${number > 0 ? `-${number + 1}` : ''}${ext}`;
    case 'smb':
      return `${folder}${stem} (${number + 1})${ext}`;
  }
}

export interface SimWorldOptions {
  readonly seed: number;
  /** Computer names, e.g. ['alice', 'bob']. */
  readonly computers: readonly string[];
  /** The engine `replicate` imitates unless told otherwise. Default 'dropbox'. */
  readonly engine?: EngineName;
}

export class SimWorld {
  readonly root: string;
  readonly rng: Rng;
  readonly engine: EngineName;
  private readonly machines = new Map<string, SimComputer>();
  private readonly pending: PendingEntry[] = [];
  private readonly sparse = new Set<string>();
  private readonly backups = new Map<string, { copy: string; sparse: Array<{ rel: string; size: number }> }>();
  private nextTransferId = 1;
  private steps = 0;

  constructor(options: SimWorldOptions) {
    this.rng = new Rng(options.seed);
    this.engine = options.engine ?? 'dropbox';
    this.root = mkdtempSync(join(tmpdir(), 'baton-sim-'));
    for (const name of options.computers) {
      if (!/^[a-z][a-z0-9-]*$/.test(name)) throw new RangeError(`computer names are lowercase words: ${name}`);
      if (this.machines.has(name)) throw new RangeError(`two computers named ${name}`);
      const base = join(this.root, name);
      const owner = name[0]!.toUpperCase() + name.slice(1);
      let short = '';
      const digest = createHash('sha256').update(`${options.seed}:${name}`).digest();
      for (let index = 0; index < 7; index += 1) short += BASE32_UPPER[digest[index]! & 31];
      const computer: SimComputer = {
        name,
        sharedDir: join(base, 'shared'),
        profileDir: join(base, 'profile'),
        owner,
        hostName: `DESKTOP-${short.slice(0, 3)}`,
        syncthingShortId: short,
      };
      mkdirSync(computer.sharedDir, { recursive: true });
      mkdirSync(computer.profileDir, { recursive: true });
      this.machines.set(name, computer);
    }
  }

  get computers(): SimComputer[] {
    return [...this.machines.values()];
  }

  computer(name: string): SimComputer {
    const computer = this.machines.get(name);
    if (!computer) throw new RangeError(`no computer named ${name}`);
    return computer;
  }

  /** The engine's clock, for conflict-copy names: advances one second per step. */
  get wallMs(): number {
    return SIM_EPOCH_MS + this.steps * 1000;
  }

  isMounted(name: string): boolean {
    return existsSync(this.computer(name).sharedDir);
  }

  /** The share drops off this computer: its folder path no longer exists. Nothing is lost. */
  unmount(name: string): void {
    const computer = this.computer(name);
    if (!this.isMounted(name)) return;
    renameSync(computer.sharedDir, `${computer.sharedDir}.unmounted`);
  }

  mount(name: string): void {
    const computer = this.computer(name);
    if (this.isMounted(name)) return;
    renameSync(`${computer.sharedDir}.unmounted`, computer.sharedDir);
  }

  /** Every file in a computer's copy, relative '/'-separated paths, sorted. Empty while unmounted. */
  list(name: string, under = ''): string[] {
    const base = this.computer(name).sharedDir;
    const start = under === '' ? base : join(base, ...under.split('/'));
    if (!existsSync(start)) return [];
    const out: string[] = [];
    const walk = (dir: string, prefix: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const rel = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
        if (entry.isDirectory()) walk(join(dir, entry.name), rel);
        else if (entry.isFile()) out.push(rel);
      }
    };
    walk(start, under);
    return out.sort();
  }

  /** Every directory in a computer's copy (relative paths), sorted. */
  listDirs(name: string): string[] {
    const base = this.computer(name).sharedDir;
    if (!existsSync(base)) return [];
    const out: string[] = [];
    const walk = (dir: string, prefix: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (!entry.isDirectory()) continue;
        const rel = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
        out.push(rel);
        walk(join(dir, entry.name), rel);
      }
    };
    walk(base, '');
    return out.sort();
  }

  /** Path → size and digest of every file of a computer's copy: for "nothing was deleted" checks. */
  files(name: string): Map<string, FileInfo> {
    const out = new Map<string, FileInfo>();
    for (const rel of this.list(name)) {
      const file = this.abs(name, rel);
      const size = statSync(file).size;
      out.set(rel, { size, digest: size > LARGE ? `large:${size}` : sha256(readFileSync(file)) });
    }
    return out;
  }

  abs(name: string, rel: string): string {
    return join(this.computer(name).sharedDir, ...rel.split('/'));
  }

  read(name: string, rel: string): Buffer {
    return readFileSync(this.abs(name, rel));
  }

  write(name: string, rel: string, bytes: Uint8Array | string): void {
    const file = this.abs(name, rel);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, bytes);
  }

  /**
   * One engine step from `from` to `to`: files that `to` lacks or has with other bytes are copied,
   * with the faults the options ask for. A file `to` holds different bytes of (and is not still
   * receiving) is not overwritten: the incoming version lands as a conflict copy, as engines do.
   */
  replicate(from: string, to: string, options: ReplicateOptions = {}): ReplicateReport {
    this.steps += 1;
    const report: ReplicateReport = {
      delivered: [],
      partial: [],
      deferred: [],
      duplicated: [],
      conflictCopies: [],
      deleted: [],
      outvoted: [],
    };
    if (from === to) throw new RangeError('replicate needs two computers');
    const engine = options.engine ?? this.engine;
    const source = this.computer(from);
    const target = this.computer(to);
    const considered = (rel: string) =>
      !engineNeverSyncs(engine, baseName(rel)) && (options.only ? options.only(rel) : true);
    const sourceFiles = this.isMounted(from) ? this.list(from).filter(considered) : [];
    if (!this.isMounted(to) || !this.isMounted(from)) {
      report.deferred.push(...sourceFiles);
      return report;
    }
    for (const dir of this.listDirs(from)) mkdirSync(join(target.sharedDir, ...dir.split('/')), { recursive: true });

    const inFlight = new Set(this.pending.filter((entry) => entry.computer === to).map((entry) => entry.path));
    const differing: string[] = [];
    for (const rel of sourceFiles) {
      if (inFlight.has(rel)) continue;
      const there = this.abs(to, rel);
      if (!existsSync(there)) differing.push(rel);
      else if (!this.sameFile(this.abs(from, rel), there)) differing.push(rel);
    }
    const order = options.inOrder ? differing : this.rng.shuffle(differing);
    const deliverRate = options.deliverRate ?? 1;
    const style = options.partialStyle ?? (engine === 'syncthing' ? 'temp-rename' : 'in-place');
    for (const rel of order) {
      if (deliverRate < 1 && !this.rng.chance(deliverRate)) {
        report.deferred.push(rel);
        continue;
      }
      const sourceFile = this.abs(from, rel);
      const targetFile = this.abs(to, rel);
      if (this.sparse.has(sourceFile)) {
        // A sparse file is copied as one: reading 200 MB of zeros would only slow the tests.
        if (!existsSync(targetFile)) {
          makeSparse(targetFile, statSync(sourceFile).size);
          this.sparse.add(targetFile);
          report.delivered.push(rel);
        }
        continue;
      }
      const bytes = readFileSync(sourceFile);
      if (existsSync(targetFile)) {
        // A write conflict. Every engine picks one version for the name, the same on every side
        // (here: the larger sha256, a stand-in for "the later write"). The computer holding the
        // losing version renames it to a conflict copy (which then syncs like any file); the
        // one holding the winner keeps it and takes nothing.
        const existing = readFileSync(targetFile);
        if (sha256(bytes) > sha256(existing)) {
          // Syncthing names the copy with the winner's short id; Dropbox and OneDrive with the loser.
          const copy = this.placeConflictCopy(to, rel, existing, engine === 'syncthing' ? source : target, engine);
          writeFileSync(targetFile, bytes);
          report.conflictCopies.push(copy);
          report.delivered.push(rel);
        } else {
          report.outvoted.push(rel);
        }
        continue;
      }
      if (bytes.length > 1 && this.rng.chance(options.partialRate ?? 0)) {
        this.startPartial(to, rel, bytes, style);
        report.partial.push(rel);
      } else {
        this.write(to, rel, bytes);
        report.delivered.push(rel);
      }
      if (this.rng.chance(options.duplicateRate ?? 0)) {
        this.pending.push({ id: this.nextTransferId++, computer: to, path: rel, kind: 'rewrite', bytes, style });
        report.duplicated.push(rel);
      }
      if (this.rng.chance(options.conflictCopyRate ?? 0)) {
        report.conflictCopies.push(this.placeConflictCopy(to, rel, bytes, source, engine));
      }
    }
    if (options.mirrorDeletes) {
      const keep = new Set(sourceFiles);
      for (const rel of this.list(to)) {
        if (!considered(rel) || keep.has(rel) || inFlight.has(rel)) continue;
        rmSync(this.abs(to, rel));
        this.sparse.delete(this.abs(to, rel));
        report.deleted.push(rel);
      }
    }
    return report;
  }

  /** Transfers begun but not finished (partial files, second deliveries). */
  pendingTransfers(name?: string): PendingTransfer[] {
    return this.pending
      .filter((entry) => name === undefined || entry.computer === name)
      .map(({ id, computer, path, kind }) => ({ id, computer, path, kind }));
  }

  /**
   * Finishes up to `count` pending transfers (all by default), in seeded random order unless
   * `inOrder`. A partial file gets its remaining bytes; a duplicate is written again. Transfers to
   * an unmounted computer wait.
   */
  completeTransfers(options: { count?: number; inOrder?: boolean; computer?: string } = {}): PendingTransfer[] {
    this.steps += 1;
    const candidates = this.pending.filter(
      (entry) => (options.computer === undefined || entry.computer === options.computer) && this.isMounted(entry.computer),
    );
    const order = options.inOrder ? candidates : this.rng.shuffle(candidates);
    const chosen = order.slice(0, options.count ?? order.length);
    const done: PendingTransfer[] = [];
    for (const entry of chosen) {
      this.pending.splice(this.pending.indexOf(entry), 1);
      const file = this.abs(entry.computer, entry.path);
      if (entry.kind === 'finish') {
        if (entry.style === 'in-place') {
          writeFileSync(file, entry.bytes);
        } else {
          const temp = join(dirname(file), `.syncthing.${baseName(entry.path)}.tmp`);
          writeFileSync(temp, entry.bytes);
          renameSync(temp, file);
        }
      } else if (existsSync(file) && this.sameBytes(file, entry.bytes)) {
        // A second delivery of the same version: the engine writes the file again (new mtime).
        writeFileSync(file, entry.bytes);
      } else if (!existsSync(file)) {
        this.write(entry.computer, entry.path, entry.bytes);
      }
      done.push({ id: entry.id, computer: entry.computer, path: entry.path, kind: entry.kind });
    }
    return done;
  }

  /**
   * Replicates every pair without faults, then finishes every pending transfer, until all mounted
   * computers hold the same files (their own never-synced temp names aside).
   */
  settle(options: { engine?: EngineName; only?: (path: string) => boolean } = {}): void {
    const names = this.computers.map((computer) => computer.name).filter((name) => this.isMounted(name));
    for (let round = 0; round < 4; round += 1) {
      this.completeTransfers();
      for (const from of names) {
        for (const to of names) {
          if (from !== to) this.replicate(from, to, { engine: options.engine, only: options.only, inOrder: true });
        }
      }
      this.completeTransfers();
      if (this.inAgreement(names, options.engine ?? this.engine)) return;
    }
    throw new Error(`the computers ${names.join(', ')} did not agree after settling`);
  }

  /** Whether the mounted computers hold the same syncable files with the same bytes. */
  inAgreement(names = this.computers.map((computer) => computer.name), engine = this.engine): boolean {
    const views = names.map((name) => {
      const files = this.files(name);
      for (const rel of [...files.keys()]) if (engineNeverSyncs(engine, baseName(rel))) files.delete(rel);
      return files;
    });
    const [first, ...rest] = views;
    if (!first) return true;
    return rest.every(
      (view) => view.size === first.size && [...view].every(([rel, info]) => first.get(rel)?.digest === info.digest),
    );
  }

  /** Files vanish from one computer's copy (a share restored from an old backup, a bad disk). */
  vanish(name: string, which: (path: string) => boolean): string[] {
    const gone = this.list(name).filter(which);
    for (const rel of gone) {
      rmSync(this.abs(name, rel));
      this.sparse.delete(this.abs(name, rel));
    }
    return gone;
  }

  /** Takes a backup of a computer's copy (a NAS snapshot); returns its label. */
  backup(name: string, label: string): string {
    if (this.backups.has(label)) throw new RangeError(`backup ${label} exists`);
    const shared = this.computer(name).sharedDir;
    const copy = join(this.root, '.backups', label);
    const sparse = [...this.sparse].filter((file) => file.startsWith(`${shared}/`));
    // Sparse litter is recorded, not copied: a copy could write all 200 MB.
    cpSync(shared, copy, { recursive: true, filter: (file) => !this.sparse.has(file) });
    this.backups.set(label, {
      copy,
      sparse: sparse.map((file) => ({ rel: file.slice(shared.length + 1), size: statSync(file).size })),
    });
    return label;
  }

  /** Replaces a computer's copy with a backup: files written since then vanish, old ones come back. */
  restoreBackup(name: string, label: string): void {
    const backup = this.backups.get(label);
    if (!backup) throw new RangeError(`no backup ${label}`);
    const shared = this.computer(name).sharedDir;
    for (const file of [...this.sparse]) if (file.startsWith(`${shared}/`)) this.sparse.delete(file);
    rmSync(shared, { recursive: true, force: true });
    cpSync(backup.copy, shared, { recursive: true });
    for (const { rel, size } of backup.sparse) {
      const file = join(shared, rel);
      makeSparse(file, size);
      this.sparse.add(file);
    }
  }

  /**
   * Leaves litter in a computer's copy: one item per kind (all kinds by default), each in `dir`
   * or in a seeded choice of the folders under `baton/` (log folders preferred). Returns the
   * files created, relative paths.
   */
  litter(name: string, kinds: readonly GarbageKind[] = GARBAGE_KINDS, dir?: string): string[] {
    const made: string[] = [];
    const folders = (() => {
      const all = this.listDirs(name).filter((rel) => rel === 'baton' || rel.startsWith('baton/'));
      const logs = all.filter((rel) => rel.endsWith('/log'));
      return { all: all.length > 0 ? all : ['baton'], logs };
    })();
    const where = () =>
      dir ?? (folders.logs.length > 0 && this.rng.chance(0.7) ? this.rng.pick(folders.logs) : this.rng.pick(folders.all));
    const segmentLikeName = () => `${String(900_000_000_000 + this.rng.int(99_999_999_999)).padStart(12, '0')}-${this.rng.hex(8)}.jsonl`;
    for (const kind of kinds) {
      const folder = where();
      const put = (fileName: string, bytes: Uint8Array | string) => {
        const rel = `${folder}/${fileName}`;
        this.write(name, rel, bytes);
        made.push(rel);
      };
      switch (kind) {
        case 'syncthing-temp':
          put(`.syncthing.${segmentLikeName()}.tmp`, this.rng.bytes(64 + this.rng.int(512)));
          put(`~syncthing~${this.rng.hex(6)}.tmp`, this.rng.bytes(32));
          break;
        case 'office-owner':
          put(`~$handover-${this.rng.hex(4)}.docx`, this.rng.bytes(162));
          break;
        case 'zero-byte':
          put(segmentLikeName(), '');
          put(`empty-${this.rng.hex(4)}.txt`, '');
          break;
        case 'unrelated-json':
          put(`settings-${this.rng.hex(4)}.json`, JSON.stringify({ theme: 'dark', zoom: 1.25 }));
          put(`export-${this.rng.hex(4)}.jsonl`, '{"id":1,"title":"not a segment"}\n{"id":2}\n');
          break;
        case 'random-bytes':
          put(`blob-${this.rng.hex(4)}.bin`, this.rng.bytes(1024 + this.rng.int(4096)));
          put(segmentLikeName(), this.rng.bytes(300 + this.rng.int(300)));
          break;
        case 'sparse-200mb': {
          const rel = `${folder}/${segmentLikeName()}`;
          const file = this.abs(name, rel);
          mkdirSync(dirname(file), { recursive: true });
          makeSparse(file, SPARSE_BYTES);
          this.sparse.add(file);
          made.push(rel);
          break;
        }
        case 'desktop-ini':
          put('desktop.ini', '[.ShellClassInfo]\r\nIconResource=C:\\Windows\\System32\\SHELL32.dll,4\r\n');
          break;
        case 'ds-store':
          put('.DS_Store', this.rng.bytes(6148));
          break;
        case 'foreign-folder': {
          // Someone's own folder inside baton/devices/, or a copy of a device folder renamed by hand.
          const base = dir ?? 'baton/devices';
          const rel = `${base}/New Folder ${this.rng.int(10)}/notes.txt`;
          this.write(name, rel, 'shift notes, not for Baton\n');
          made.push(rel);
          break;
        }
      }
    }
    return made;
  }

  /** Removes every folder this world made (all computers, backups). */
  dispose(): void {
    rmSync(this.root, { recursive: true, force: true });
  }

  private startPartial(to: string, rel: string, bytes: Buffer, style: 'in-place' | 'temp-rename'): void {
    // Cut at a line break sometimes (the worst case: every line so far parses), else anywhere.
    const cut = (() => {
      const breaks: number[] = [];
      for (let index = 0; index < bytes.length - 1; index += 1) if (bytes[index] === 0x0a) breaks.push(index + 1);
      if (breaks.length > 0 && this.rng.chance(0.5)) return this.rng.pick(breaks);
      return 1 + this.rng.int(bytes.length - 1);
    })();
    const file = this.abs(to, rel);
    mkdirSync(dirname(file), { recursive: true });
    if (style === 'in-place') {
      writeFileSync(file, bytes.subarray(0, cut));
    } else {
      // Syncthing pre-sizes its temp file: the size says nothing about progress.
      const temp = join(dirname(file), `.syncthing.${baseName(rel)}.tmp`);
      const fd = openSync(temp, 'w');
      try {
        writeSync(fd, bytes.subarray(0, cut));
        writeSync(fd, Buffer.alloc(bytes.length - cut));
      } finally {
        closeSync(fd);
      }
    }
    this.pending.push({ id: this.nextTransferId++, computer: to, path: rel, kind: 'finish', bytes, style });
  }

  private sameFile(a: string, b: string): boolean {
    const sizeA = statSync(a).size;
    if (sizeA !== statSync(b).size) return false;
    if (this.sparse.has(a) && this.sparse.has(b)) return true;
    return readFileSync(a).equals(readFileSync(b));
  }

  private sameBytes(file: string, bytes: Buffer): boolean {
    return readFileSync(file).equals(bytes);
  }

  /**
   * Writes `bytes` under the conflict-copy name of `rel` (numbered the engine's way if that name is
   * taken by other bytes); an identical copy already there is reused.
   */
  private placeConflictCopy(name: string, rel: string, bytes: Buffer, computer: SimComputer, engine: EngineName): string {
    // Engines keep one copy per losing version: one already there (under any copy name) is it.
    const folder = rel.slice(0, rel.lastIndexOf('/') + 1);
    const fileName = baseName(rel);
    const dot = fileName.lastIndexOf('.');
    const stem = dot > 0 ? fileName.slice(0, dot) : fileName;
    const ext = dot > 0 ? fileName.slice(dot) : '';
    const dir = dirname(this.abs(name, rel));
    if (existsSync(dir)) {
      for (const other of readdirSync(dir).sort()) {
        if (other === fileName || !other.startsWith(stem) || !other.endsWith(ext)) continue;
        if (statSync(join(dir, other)).isFile() && this.sameBytes(join(dir, other), bytes)) return `${folder}${other}`;
      }
    }
    for (let number = 0; ; number += 1) {
      const copy = conflictCopyName(engine, rel, computer, this.wallMs, number);
      const file = this.abs(name, copy);
      if (!existsSync(file)) {
        this.write(name, copy, bytes);
        return copy;
      }
      if (this.sameBytes(file, bytes)) return copy;
    }
  }
}

/** `20260102-030405` */
function syncthingStamp(wallMs: number): string {
  const iso = new Date(wallMs).toISOString(); // 2026-01-02T03:04:05.000Z
  return `${iso.slice(0, 10).replaceAll('-', '')}-${iso.slice(11, 19).replaceAll(':', '')}`;
}

function baseName(rel: string): string {
  return rel.slice(rel.lastIndexOf('/') + 1);
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function makeSparse(file: string, size: number): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, '');
  truncateSync(file, size);
}

/** Creates a world, runs `body`, and always removes its folders. */
export async function withSimWorld<T>(options: SimWorldOptions, body: (world: SimWorld) => Promise<T> | T): Promise<T> {
  const world = new SimWorld(options);
  try {
    return await body(world);
  } finally {
    world.dispose();
  }
}
