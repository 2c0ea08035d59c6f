import { mkdir, readdir, readFile, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { Op } from '../../../../shared/sync/op';
import { SNAPSHOT_FORMAT, type FoldSnapshot } from '../../../../shared/sync/sync-state';
import { deviceFileSchema, type DeviceFile } from '../../../../shared/sync/team-files';
import type { Logger } from '../../log';
import type { SyncCrypto } from '../../../../shared/sync/crypto';
import { isBatonTempName, writeFileAtomic } from '../durable-fs';
import { nodeReaderFs } from '../reader-fs';
import { decodeSnapshot } from './snapshot-codec';
import { dormantEntitiesOf, openIndexedBase, type OpenedBase } from './indexed-base';
import type { DormantEntity, HeldCounters } from '../../../../shared/sync/sync-state';
import { ingestedFileSchema, type IngestedFile } from '../read/ingested-file';
import { seal, unsealBytes } from './sealed-file';
import { INDEX_FILE, readBaseIndex, removeBaseIndex, writeBaseIndex, type BaseIndex } from './cache-index';

/**
 * The local cache of one team (`<profile>/sync/teams/<teamId>/cache/`), so that a restart neither
 * re-reads nor re-verifies files it took before: restore the ops, then read only new files.
 *
 * It is written as chunks, each holding the files taken in one go and exactly their ops, so that
 * the file list and the ops can never disagree. Appending a chunk costs the size of what is new;
 * rewriting one whole snapshot after every poll would cost the size of three years of history.
 * Chunks are merged like a binary counter (the newest two while they are of similar size), which
 * keeps their number logarithmic and each op rewritten a logarithmic number of times.
 *
 * Under the chunks lies a base: a folded snapshot (snapshot-codec.ts) of everything taken before
 * them, which restores without validating each op again. A start from the team's snapshot keeps
 * that snapshot as the base; once the chunks hold many ops, a new base of the whole fold replaces
 * them (`replaceBase`), so a start never re-validates more than those.
 *
 * Only ops read from files go in, never this computer's unpublished outbox: the outbox is restored
 * from itself, and a copied profile's re-homed ops must not come back from a cache.
 *
 * Chunks and context.json are sealed (sealed-file.ts); the base is a signed snapshot.
 */
export const CACHE_FORMAT = 'baton/sync-cache@2';
const CONTEXT_FORMAT = 'baton/sync-context@2';
const CHUNK = /^chunk-(\d{12})\.json$/;
const BASE = 'base.snap';
/** Ops per chunk written at once, and the size past which chunks are not merged: each is one string. */
const CHUNK_OPS = 50_000;
const MAX_MERGED_BYTES = 64 * 1024 * 1024;

const chunkSchema = z.strictObject({
  files: z.array(ingestedFileSchema),
  ops: z.array(z.unknown()),
});
type Chunk = z.output<typeof chunkSchema>;

/** The device.json files read, so that the trust filter is right before the first poll. */
const contextSchema = z.strictObject({ devices: z.array(deviceFileSchema) });

export interface CachedTeam {
  /** The folded snapshot under the chunks; its files are not among `files`. */
  readonly base: OpenedBase | null;
  readonly files: readonly IngestedFile[];
  readonly snapshot: FoldSnapshot | { format: string; ops: unknown[] };
  readonly devices: readonly DeviceFile[];
}

export interface CacheBaseCheck {
  readonly schemas: string;
  /** The running build: the index's summaries of states are taken only from the build that made them. */
  readonly code: string;
  /** The team's snapshot (the root's key) or this device's own. */
  readonly publicKeyFor: (deviceId: string) => string | undefined;
  readonly crypto: SyncCrypto;
}

export class IngestCache {
  private chunks: Array<{ number: number; bytes: number }> = [];
  private pendingFiles: IngestedFile[] = [];
  private pendingOps: Op[] = [];
  private pendingBase: { readonly bytes: Uint8Array; readonly index: Later } | null = null;
  /** An index for the base on disk (one read whole at a start): written by the next flush. */
  private pendingIndex: Later | null = null;
  /** The index last written with its base, until `takeWritten`. */
  private written: Marked | null = null;
  /** Told when a base line read after the start turns out damaged (the service rebuilds). */
  onDamaged: (detail: string) => void = () => {};
  private devices: DeviceFile[] | null = null;
  private contextDirty = false;
  /** Ops in the chunks, written or pending: how much a start validates op by op. */
  private chunkOpCount = 0;
  /** The last `load` found a damaged cache (and cleared it). */
  wasDamaged = false;
  /** The base the last `load` opened through its index, until `verifyBase` hashed it. */
  private unverified: OpenedBase | null = null;

  constructor(
    private readonly dir: string,
    private readonly teamId: string,
    private readonly log: Logger,
    private readonly baseCheck: CacheBaseCheck,
  ) {}

  /** A base taken from the team's snapshot waits to be written. */
  get baseWaiting(): boolean {
    return this.pendingBase !== null;
  }

  get opsAfterBase(): number {
    return this.chunkOpCount;
  }

  /** Everything cached, or null when there is nothing or it is damaged (then it is cleared). */
  async load(): Promise<CachedTeam | null> {
    await mkdir(this.dir, { recursive: true });
    this.chunks = [];
    this.wasDamaged = false;
    const names = (await readdir(this.dir)).sort();
    const files: IngestedFile[] = [];
    const ops: unknown[] = [];
    let base: OpenedBase | null = null;
    try {
      if (names.includes(BASE)) base = await this.readBase();
      for (const name of names) {
        const match = CHUNK.exec(name);
        if (!match) continue;
        const chunk = await this.readChunk(name);
        append(files, chunk.files);
        append(ops, chunk.ops);
        this.chunks.push({ number: Number(match[1]), bytes: (await stat(join(this.dir, name))).size });
      }
    } catch (error) {
      if (error instanceof OutdatedBase) this.log.info('sync', 'the local cache was made with other op schemas (an update): it is rebuilt from the shared folder');
      else this.log.error('sync', `the local cache is damaged and is rebuilt from the shared folder`, error);
      this.wasDamaged = !(error instanceof OutdatedBase);
      await this.clear();
      return null;
    }
    this.chunkOpCount = ops.length;
    this.unverified = base?.index ? base : null;
    if (this.chunks.length === 0 && !base) return null;
    return { base, files, snapshot: { format: SNAPSHOT_FORMAT, ops }, devices: (await this.readDevices()) ?? [] };
  }

  /**
   * Whether the base a start opened through its index (reading none of it) hashes to what its
   * trailer says: hashed on another thread once, after the start. True when there is none.
   */
  async verifyBase(): Promise<boolean> {
    const base = this.unverified;
    this.unverified = null;
    return base ? base.verified() : true;
  }

  /** The team's snapshot a start began from: written as the base (with its index) at the next flush. */
  adoptBase(bytes: Uint8Array, index: Later): void {
    this.pendingBase = { bytes, index };
  }

  /**
   * The entities of the base last written, dormant (read from it when asked about), with the
   * fold's change mark its index was made at: what the fold may put back to disk. Once.
   */
  takeWritten(): { readonly dormant: DormantEntity[]; readonly counters: HeldCounters; readonly mark: number } | null {
    const written = this.written;
    this.written = null;
    if (!written) return null;
    return { dormant: dormantEntitiesOf(join(this.dir, BASE), written.index, (detail) => this.onDamaged(detail)), counters: written.index.counters, mark: written.mark };
  }

  /** The index of the base this start read whole (its index was missing or passed over). */
  indexBase(index: Later): void {
    this.pendingIndex = index;
  }

  /**
   * A snapshot of the whole fold becomes the base, and every chunk goes: their files and ops are
   * in it. Pending files and ops are dropped for the same reason, so call it with the fold the
   * pending additions went into.
   */
  async replaceBase(bytes: Uint8Array, index: Marked | null): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    await this.writeBase({ bytes, index });
    this.pendingBase = null;
    this.pendingIndex = null;
    this.pendingFiles = [];
    this.pendingOps = [];
    this.chunkOpCount = 0;
    for (const { number } of this.chunks) await unlink(join(this.dir, chunkName(number)));
    this.chunks = [];
  }

  /** Files just taken in, with their ops; written by the next `flush`. */
  add(files: readonly IngestedFile[], ops: readonly Op[]): void {
    append(this.pendingFiles, files);
    append(this.pendingOps, ops);
    this.chunkOpCount += ops.length;
  }

  setDevices(devices: Iterable<DeviceFile>): void {
    const next = [...devices].sort((a, b) => (a.deviceId < b.deviceId ? -1 : 1));
    // Every poll hands the reader's device files, the same objects until one changes: compared
    // one by one first, since writing 225 of them out twice per poll cost 5 ms at size L.
    const same = this.devices !== null && next.length === this.devices.length && next.every((device, at) => device === this.devices![at]);
    if (same || JSON.stringify(next) === JSON.stringify(this.devices)) return;
    this.devices = next;
    this.contextDirty = true;
  }

  async flush(): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    if (this.contextDirty && this.devices) {
      this.contextDirty = false;
      await writeFileAtomic(join(this.dir, 'context.json'), seal(CONTEXT_FORMAT, this.teamId, { devices: this.devices }));
    }
    // Before any chunk: a chunk written first would be lost to a crash before the base.
    if (this.pendingBase) {
      const { bytes, index } = this.pendingBase;
      await this.writeBase({ bytes, index: await index() });
      this.pendingBase = null;
      this.pendingIndex = null;
    }
    if (this.pendingIndex) {
      const index = await this.pendingIndex();
      this.pendingIndex = null;
      if (index) await writeBaseIndex(this.dir, this.teamId, index.index, this.baseCheck.code);
      this.written = index;
    }
    if (this.pendingFiles.length === 0) return;
    const [files, ops] = [this.pendingFiles, this.pendingOps];
    this.pendingFiles = [];
    this.pendingOps = [];
    // A first read of a large team's folder (1.7 million ops) is more than one string can hold: its
    // ops go in several chunks, the files with the last, so a crash between them leaves ops whose
    // files are read again (the fold ignores the duplicates), never files taken without their ops.
    for (let from = 0; from < ops.length || from === 0; from += CHUNK_OPS) {
      const last = from + CHUNK_OPS >= ops.length;
      const number = (this.chunks.at(-1)?.number ?? 0) + 1;
      const bytes = await this.writeChunk(number, { files: last ? files : [], ops: ops.slice(from, from + CHUNK_OPS) });
      this.chunks.push({ number, bytes });
      if (last) break;
    }
    await this.mergeTail();
  }

  /** Forgets everything (a damaged cache, or a rebuild after this profile re-minted its id). */
  async clear(): Promise<void> {
    this.chunks = [];
    this.pendingFiles = [];
    this.pendingOps = [];
    this.pendingBase = null;
    this.pendingIndex = null;
    this.chunkOpCount = 0;
    let names: string[] = [];
    try {
      names = await readdir(this.dir);
    } catch {
      return;
    }
    for (const name of names) {
      if (CHUNK.test(name) || name === 'context.json' || name === BASE || name === INDEX_FILE || isBatonTempName(name)) await unlink(join(this.dir, name)).catch(() => {});
    }
  }

  /** The base, then its index (bound to it by its hash): a crash between leaves an index that is passed over. */
  private async writeBase({ bytes, index }: { readonly bytes: Uint8Array; readonly index: Marked | null }): Promise<void> {
    this.written = null;
    await writeFileAtomic(join(this.dir, BASE), bytes);
    if (!index) return removeBaseIndex(this.dir);
    await writeBaseIndex(this.dir, this.teamId, index.index, this.baseCheck.code);
    this.written = index;
  }

  private async mergeTail(): Promise<void> {
    while (this.chunks.length >= 2) {
      const last = this.chunks.at(-1)!;
      const previous = this.chunks.at(-2)!;
      if (last.bytes * 2 < previous.bytes || last.bytes + previous.bytes > MAX_MERGED_BYTES) return;
      const [older, newer] = [await this.readChunk(chunkName(previous.number)), await this.readChunk(chunkName(last.number))];
      const merged: Chunk = {
        files: dedupeFiles([...older.files, ...newer.files]),
        ops: dedupeOps([...older.ops, ...newer.ops]),
      };
      // The merged chunk replaces the newer one in one rename; a crash before the older one is
      // removed leaves duplicates, which the fold ignores.
      const bytes = await this.writeChunk(last.number, merged);
      await unlink(join(this.dir, chunkName(previous.number)));
      this.chunks.splice(-2, 2, { number: last.number, bytes });
    }
  }

  private async writeChunk(number: number, chunk: Chunk): Promise<number> {
    const text = seal(CACHE_FORMAT, this.teamId, chunk);
    await writeFileAtomic(join(this.dir, chunkName(number)), text);
    return Buffer.byteLength(text);
  }

  private async readChunk(name: string): Promise<Chunk> {
    try {
      return chunkSchema.parse(unsealBytes(await readFile(join(this.dir, name)), CACHE_FORMAT, this.teamId));
    } catch (error) {
      throw new Error(`${name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** The base through its index when one fits (nothing of it read), else read whole. */
  private async readBase(): Promise<OpenedBase> {
    const path = join(this.dir, BASE);
    const expect = { teamId: this.teamId, ...this.baseCheck };
    const index = await readBaseIndex(this.dir, this.teamId, this.baseCheck.code, this.log);
    if (index) {
      const opened = await openIndexedBase(path, index, expect, this.baseCheck.crypto, (detail) => this.onDamaged(detail));
      if (opened.ok) return opened.base;
      if ('refuse' in opened) throw opened.outdated ? new OutdatedBase() : new Error(`${BASE}: ${opened.refuse}`);
      this.log.info('sync', `the local cache's index is passed over (${opened.passOver}); this start reads the whole base`);
    }
    const verdict = decodeSnapshot(await nodeReaderFs.readFile(path), expect, this.baseCheck.crypto);
    if (!verdict.ok) throw verdict.outdated ? new OutdatedBase() : new Error(`${BASE}: ${verdict.detail}`);
    const { snapshot } = verdict;
    return { ...snapshot, index: null, verified: () => snapshot.intact };
  }

  /** The device.json files last read; null (they are read from the folder again) when missing or damaged. */
  private async readDevices(): Promise<DeviceFile[] | null> {
    let bytes: Buffer;
    try {
      bytes = await readFile(join(this.dir, 'context.json'));
    } catch {
      return null;
    }
    try {
      const parsed = contextSchema.safeParse(unsealBytes(bytes, CONTEXT_FORMAT, this.teamId));
      if (!parsed.success) throw new Error(z.prettifyError(parsed.error));
      this.devices = parsed.data.devices;
      return this.devices;
    } catch (error) {
      this.log.warn('sync', `the local cache's context.json is damaged; the device files are read from the shared folder again: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    }
  }
}

/** An index, and the fold's change mark when it was made (see `SyncState.sleep`). */
export interface Marked {
  readonly index: BaseIndex;
  readonly mark: number;
}

/** An index made when the cache is written (surveying a base's lines takes a while: not during a start). */
export type Later = () => Promise<Marked | null>;

/** A base written by a version of Baton with other op schemas: not damage, an update. */
class OutdatedBase extends Error {}

/** `push(...items)` overflows the stack on a first read of a large folder (300k ops). */
function append<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

const chunkName = (number: number) => `chunk-${String(number).padStart(12, '0')}.json`;

function dedupeFiles(files: readonly IngestedFile[]): IngestedFile[] {
  const byPath = new Map<string, IngestedFile>();
  for (const file of files) byPath.set(file.path, file);
  return [...byPath.values()];
}

function dedupeOps(ops: readonly unknown[]): unknown[] {
  const seen = new Set<string>();
  return ops.filter((op) => {
    const text = JSON.stringify(op);
    if (seen.has(text)) return false;
    seen.add(text);
    return true;
  });
}
