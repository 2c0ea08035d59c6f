import { closeSync, openSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import type { SyncCrypto } from '../../../../shared/sync/crypto';
import type { DormantEntity, HeldEntity, StoredSummary } from '../../../../shared/sync/sync-state';
import { lineOf, type BaseIndex } from './cache-index';
import { surveyFileOffThread } from './off-thread-survey';
import { decodeHead, decodeTrailer, entityOfLine, type DecodedSnapshot, type SnapshotExpectation } from './snapshot-codec';
import { lastLineStart } from './utf16-lines';

/**
 * The local cache's base opened through its index, without reading it: its three head lines and
 * its trailer are read (a few hundred KiB of a 160 MB file), every entity comes dormant, and a
 * dormant entity's line is read from the file when the fold first asks about it, checked against
 * the hash the index holds for it. The whole file is hashed on another thread afterwards
 * (`verified`): a byte a disk changed in a line nobody asked for is found too, and the cache
 * rebuilt.
 */
export interface OpenedBase extends DecodedSnapshot {
  /** The index it was opened through (its entities come dormant); null when it was read whole. */
  readonly index: BaseIndex | null;
  /** Whether the whole base still hashes to what its trailer and index say (hashed off-thread). */
  readonly verified: () => Promise<boolean>;
}

export type IndexedOpen =
  | { readonly ok: true; readonly base: OpenedBase }
  /** The base is not what the index describes (a crash between their writes): read it whole. */
  | { readonly ok: false; readonly passOver: string }
  | { readonly ok: false; readonly refuse: string; readonly outdated?: true };

/** A trailer line is about 360 bytes; a little more so that the "\n" before it is in view. */
const TAIL_BYTES = 2048;

/** Opens the base at `path` through `index`; `damaged` is told (with why) when a line read later does not match. */
export async function openIndexedBase(path: string, index: BaseIndex, expect: SnapshotExpectation, crypto: SyncCrypto, damaged: (detail: string) => void): Promise<IndexedOpen> {
  const handle = await open(path, 'r');
  let head: Buffer;
  let tail: Buffer;
  try {
    const { size } = await handle.stat();
    if (size !== index.bytes || index.head > size) return { ok: false, passOver: `base.snap has ${size} bytes; its index describes ${index.bytes}` };
    head = Buffer.alloc(index.head);
    tail = Buffer.alloc(Math.min(TAIL_BYTES, size - index.head));
    await handle.read(head, 0, head.length, 0);
    await handle.read(tail, 0, tail.length, size - tail.length);
  } finally {
    await handle.close();
  }
  const decoded = decodeHead(head, expect);
  if (!decoded.ok) return { ok: false, refuse: decoded.detail, ...(decoded.outdated ? { outdated: true as const } : {}) };
  if (decoded.entitiesFrom !== index.head) return { ok: false, passOver: 'the index describes another layout of base.snap' };
  const trailerStart = lastLineStart(tail);
  if (trailerStart < 0) return { ok: false, refuse: 'incomplete (no trailer)' };
  const trailer = decodeTrailer(tail.subarray(trailerStart), decoded.header, expect, crypto);
  if (!trailer.ok) return { ok: false, refuse: trailer.detail };
  if (trailer.sha256 !== index.base) return { ok: false, passOver: 'the index is of another base (written before a crash)' };
  const { names, counts } = index.entities;
  let ops = 0;
  for (const opCount of counts) ops += opCount;
  if (names.length !== decoded.header.entityCount || ops !== decoded.header.opCount) return { ok: false, passOver: 'the index does not add up to the base' };
  const entities = dormantEntitiesOf(path, index, damaged);
  const survey = () => surveyFileOffThread(path, { whole: false, lines: true });
  const verified = () => surveyFileOffThread(path, { whole: true, lines: false }).then(
    ({ sha256 }) => sha256 === index.base,
    () => false,
  );
  return {
    ok: true,
    base: { header: decoded.header, files: decoded.files, devices: decoded.devices, entities, sha256: trailer.sha256, index, intact: Promise.resolve(true), size: index.bytes, survey, verified },
  };
}

/** Every entity of the base at `path` as `index` describes it, dormant: its line is read when first asked about. */
export function dormantEntitiesOf(path: string, index: BaseIndex, damaged: (detail: string) => void): DormantEntity[] {
  const lines = new BaseLines(path, damaged);
  const { names } = index.entities;
  const entities = new Array<DormantEntity>(names.length);
  for (let row = 0; row < names.length; row += 1) {
    const value = index.trust !== null && Object.hasOwn(index.summaries, names[row]!) ? index.summaries[names[row]!] : undefined;
    entities[row] = new BaseEntity(lines, index, row, value === undefined ? undefined : { value, trust: index.trust! });
  }
  return entities;
}

/** A dormant entity of the base: its fields read from the index's columns, one object of one shape each (a restart at L makes 90,000). */
class BaseEntity implements DormantEntity {
  readonly entity: string;
  readonly opCount: number;
  readonly closed: boolean;
  readonly lastHlc: string;

  constructor(
    private readonly lines: BaseLines,
    private readonly index: BaseIndex,
    private readonly row: number,
    readonly summary: StoredSummary | undefined,
  ) {
    const columns = index.entities;
    this.entity = columns.names[row]!;
    this.opCount = columns.counts[row]!;
    this.closed = columns.closed[row] === 1;
    this.lastHlc = columns.hlcs[row]!;
  }

  load(): HeldEntity {
    return this.lines.read(this.entity, lineOf(this.index.entities, this.row));
  }
}

/**
 * Reads entity lines out of the base. A list wakes thousands in one go: the file stays open until
 * the event loop turns, instead of an open and close per line.
 */
class BaseLines {
  private fd: number | null = null;

  constructor(
    private readonly path: string,
    private readonly damaged: (detail: string) => void,
  ) {}

  read(entity: string, [offset, length, hash]: readonly [number, number, string]): HeldEntity {
    const bytes = Buffer.allocUnsafe(length);
    const read = readSync(this.open(), bytes, 0, length, offset);
    if (read !== length || createHash('sha256').update(bytes).digest('hex').slice(0, hash.length) !== hash) {
      const detail = `base.snap: the line of ${entity} does not match its index (damaged)`;
      this.damaged(detail);
      throw new Error(detail);
    }
    return entityOfLine(bytes, 0, length);
  }

  private open(): number {
    if (this.fd !== null) return this.fd;
    const fd = openSync(this.path, 'r');
    this.fd = fd;
    setImmediate(() => {
      closeSync(fd);
      this.fd = null;
    });
    return fd;
  }
}
