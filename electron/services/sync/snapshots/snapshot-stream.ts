import { Worker } from 'node:worker_threads';
import type { SyncCrypto } from '../../../../shared/sync/crypto';
import type { HeldEntity } from '../../../../shared/sync/sync-state';
import { errorCode, type ReadHandle, type ReaderFs } from '../reader-fs';
import { surveyOffThread } from './off-thread-survey';
import { decodeHead, decodeTrailer, entityOfLine, MAX_SNAPSHOT_BYTES, type DecodedSnapshot, type SnapshotExpectation, type SnapshotHeader } from './snapshot-codec';
import { lastLineStart, newlineFrom } from './utf16-lines';

/**
 * A team snapshot read as a stream: its entity lines are parsed while the rest of the file is
 * still being read (reading 183 MiB took 0.7 s at M before the first line was parsed), and hashed
 * on another thread as the bytes arrive.
 *
 * The order of the checks is decodeSnapshot's: the trailer (read first, from the file's end) and
 * the three head lines are checked (shape, team, schemas, the root's signature) before any entity
 * line is parsed; the bytes the signature covers are hashed as they arrive and `intact` says at
 * the end whether they hash to what the signed trailer names. So whatever is parsed before then
 * is of a file that names a signed hash but is not yet known to match it: the caller fills a
 * fold nobody sees and keeps it only once `intact` is true (as for decodeSnapshot's shared bytes).
 * A file that ends early, fails to read or changes size is not intact.
 */
export interface StreamedSnapshot extends Omit<DecodedSnapshot, 'entities'> {
  /**
   * Parsed as the bytes arrive, once, in batches (the lines there when asked, at most
   * BATCH_LINES): throws on a malformed line, a failed read, or when the lines do not add up to
   * the header's counts (after the last one).
   */
  readonly entities: AsyncIterable<readonly HeldEntity[]>;
  /** Whether the signed bytes hash to what the trailer names; rejects (an UnreadSnapshot) if the file could not be read to its end. */
  readonly intact: Promise<boolean>;
  /** The whole file (shared memory); every byte of it is there once `intact` resolved true. */
  readonly bytes: Uint8Array;
}

export type StreamVerdict = { readonly ok: true; readonly snapshot: StreamedSnapshot } | { readonly ok: false; readonly detail: string; readonly outdated?: true };

/** The file could not be read to its end (gone, cut short or unreadable meanwhile): not damage, a snapshot being replaced. */
export class UnreadSnapshot extends Error {}

/** A trailer line is about 360 bytes; more so that the "\n" before it is in view. */
const TAIL_BYTES = 4096;
/** The first read is small so that the head lines (and the first entities) come at once. */
const FIRST_READ = 1024 * 1024;
const READ_STEP = 4 * 1024 * 1024;
/** Reads in flight at once: they go on while the caller parses, and are taken in between its slices. */
const READS_AHEAD = 3;
/** Entity lines parsed before they are handed on (a slice of the install is about 40 ms: a few hundred lines). */
const BATCH_LINES = 64;

/** Opens the snapshot at `path` and checks its trailer and head; its entity lines are read and parsed as they are iterated. */
export async function streamSnapshot(path: string, fs: ReaderFs, expect: SnapshotExpectation, crypto: SyncCrypto): Promise<StreamVerdict> {
  const handle = fs.openRead ? await fs.openRead(path) : wholeFile(await fs.readFile(path));
  // Until the reads start, the file is closed here; then by the reads when they end (or are stopped).
  let arriving: Arriving | null = null;
  try {
    const { size } = handle;
    if (size > MAX_SNAPSHOT_BYTES) return refuse(`${size} bytes; the limit is ${MAX_SNAPSHOT_BYTES}`);
    if (size % 2 !== 0) return refuse('not UTF-16 text (an odd number of bytes)');
    const bytes = Buffer.from(new SharedArrayBuffer(size));
    const tailFrom = Math.max(0, size - TAIL_BYTES);
    if ((await readFully(handle, bytes, tailFrom, size)) !== size) throw new UnreadSnapshot('it changed while it was read (ended early)');
    // The "\n" before the trailer must be in the tail too: no valid trailer is longer.
    const inTail = lastLineStart(bytes.subarray(tailFrom));
    if (inTail < 0) return refuse('incomplete (no trailer)');
    const trailerStart = tailFrom + inTail;
    arriving = new Arriving(handle, bytes, tailFrom);
    const headEnd = await arriving.lineEnds(0, 3, trailerStart);
    const head = headEnd < 0 ? refuse('incomplete (no trailer)') : decodeHead(bytes.subarray(0, headEnd), expect);
    if (!head.ok) return stopped(arriving, head);
    const trailer = decodeTrailer(bytes.subarray(trailerStart), head.header, expect, crypto);
    if (!trailer.ok) return stopped(arriving, trailer);
    // Asked at once: the hashing thread ends when the reads do, whether or not anyone iterates.
    const intact = arriving.hashOf(trailerStart).then((sha256) => sha256 === trailer.sha256);
    intact.catch(() => {});
    const signed = bytes.subarray(0, trailerStart);
    const survey = () => surveyOffThread(signed, { whole: false, lines: true });
    const entities = streamedLines(arriving, head.entitiesFrom, trailerStart, head.header);
    return { ok: true, snapshot: { header: head.header, files: head.files, devices: head.devices, entities, sha256: trailer.sha256, intact, size, survey, bytes } };
  } catch (error) {
    arriving?.stop();
    throw error;
  } finally {
    if (!arriving) await handle.close();
  }
}

function stopped<T>(arriving: Arriving, verdict: T): T {
  arriving.stop();
  return verdict;
}

/** The entity lines of [from, to), parsed as their bytes arrive, in batches of those already there. */
async function* streamedLines(arriving: Arriving, from: number, to: number, header: SnapshotHeader): AsyncGenerator<HeldEntity[]> {
  let entities = 0;
  let ops = 0;
  const bytes = arriving.bytes;
  let batch: HeldEntity[] = [];
  for (let start = from; start < to; ) {
    let end = arriving.lineEnd(start);
    if (end < 0 || batch.length >= BATCH_LINES) {
      if (batch.length > 0) yield batch;
      batch = [];
      if (end < 0) end = await arriving.lineEnds(start, 1, to);
    }
    if (end < 0) break;
    const entity = entityOfLine(bytes, start, end - 2);
    ops += entity.ops.length;
    batch.push(entity);
    entities += 1;
    start = end;
  }
  if (batch.length > 0) yield batch;
  if (entities !== header.entityCount || ops !== header.opCount) {
    throw new Error(`the snapshot holds ${entities} entities and ${ops} ops; its header says ${header.entityCount} and ${header.opCount}`);
  }
}

/**
 * The bytes [0, end) of a file arriving into shared memory (the bytes from `end` on are already
 * there): a few reads ahead of the reader, each handed to the hashing thread in order.
 */
class Arriving {
  /** Bytes [0, available) have arrived. */
  private available = 0;
  /** Where the last search for a "\n" stopped without finding one (none before it). */
  private searched = 0;
  private failure: Error | null = null;
  private stopped = false;
  private waiting: (() => void) | null = null;
  private readonly hash: ArrivingHash;
  private readonly done: Promise<void>;

  constructor(
    private readonly handle: ReadHandle,
    readonly bytes: Buffer,
    private readonly end: number,
  ) {
    this.hash = new ArrivingHash(bytes);
    this.done = this.readAll().then(
      () => {},
      (error: unknown) => {
        this.failure = error instanceof UnreadSnapshot ? error : new UnreadSnapshot(String(error));
      },
    );
    void this.done.finally(() => {
      this.wake();
      void handle.close().catch(() => {});
    });
  }

  /** The SHA-256 of bytes [0, upTo) once every byte has arrived; rejects if a read failed. */
  async hashOf(upTo: number): Promise<string> {
    await this.done;
    if (this.failure) {
      this.hash.stop();
      throw this.failure;
    }
    return this.hash.digest(upTo);
  }

  stop(): void {
    this.stopped = true;
    this.hash.stop();
  }

  /** The offset after the "\n" ending the line at `start`, if it has arrived; -1 if not yet. */
  lineEnd(start: number): number {
    const from = Math.max(start, this.searched);
    const at = newlineFrom(this.bytes.subarray(0, this.available), from);
    if (at >= 0) return at + 2;
    // The last byte may be the first half of a "\n": search again from it.
    this.searched = Math.max(start, (this.available - 2) & ~1);
    return -1;
  }

  /** The offset after the `count`th "\n" from `start` (waiting for the bytes); -1 if there is none before `limit`. */
  async lineEnds(start: number, count: number, limit: number): Promise<number> {
    let at = start;
    for (let found = 0; found < count; ) {
      const end = this.lineEnd(at);
      if (end > limit) return -1;
      if (end >= 0) {
        at = end;
        found += 1;
        continue;
      }
      if (this.failure) throw this.failure;
      if (this.available >= Math.min(this.end, limit)) return -1;
      await new Promise<void>((resolve) => (this.waiting = resolve));
    }
    return at;
  }

  private wake(): void {
    const waiting = this.waiting;
    this.waiting = null;
    waiting?.();
  }

  private async readAll(): Promise<void> {
    const steps: Array<[number, number]> = [];
    for (let at = 0; at < this.end; ) {
      const to = Math.min(this.end, at + (at === 0 ? FIRST_READ : READ_STEP));
      steps.push([at, to]);
      at = to;
    }
    // Each read's outcome (never a rejection left unhandled while an earlier one is awaited).
    const inFlight: Array<Promise<Error | null>> = [];
    const start = () => {
      const [from, to] = steps[inFlight.length]!;
      inFlight.push(
        readFully(this.handle, this.bytes, from, to).then(
          (read) => (read === to ? null : new UnreadSnapshot('it changed while it was read (ended early)')),
          (error: unknown) => new UnreadSnapshot(`it could not be read: ${errorCode(error) || String(error)}`),
        ),
      );
    };
    while (inFlight.length < Math.min(steps.length, READS_AHEAD)) start();
    try {
      // In order: a step is taken once it and every one before it has arrived.
      for (let taken = 0; taken < steps.length; taken += 1) {
        const failed = await inFlight[taken]!;
        if (failed) throw failed;
        if (this.stopped) throw new UnreadSnapshot('stopped');
        this.available = taken + 1 < steps.length ? steps[taken]![1] : this.bytes.length;
        this.hash.feed(steps[taken]![1]);
        this.wake();
        if (inFlight.length < steps.length) start();
      }
      this.available = this.bytes.length;
    } finally {
      // The file is closed only once no read of it is under way.
      await Promise.all(inFlight);
    }
  }
}

/** Reads [from, to) into `bytes`; returns where it stopped (short of `to` if the file ended). */
async function readFully(handle: ReadHandle, bytes: Buffer, from: number, to: number): Promise<number> {
  let at = from;
  while (at < to) {
    const read = await handle.read(bytes, at, to - at, at);
    if (read === 0) break;
    at += read;
  }
  return at;
}

/** A file already read whole (a ReaderFs without `openRead`), as a handle. */
function wholeFile(whole: Uint8Array): ReadHandle {
  return {
    size: whole.length,
    read: (into, offset, length, position) => {
      const part = whole.subarray(position, Math.min(whole.length, position + length));
      into.set(part, offset);
      return Promise.resolve(part.length);
    },
    close: () => Promise.resolve(),
  };
}

const HASH_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const bytes = Buffer.from(workerData.buffer);
const hash = createHash('sha256');
let hashed = 0;
parentPort.on('message', ({ feed, digest }) => {
  if (feed !== undefined && feed > hashed) { hash.update(bytes.subarray(hashed, feed)); hashed = feed; }
  if (digest !== undefined) {
    if (digest > hashed) hash.update(bytes.subarray(hashed, digest));
    parentPort.postMessage(hash.digest('hex'));
    parentPort.close();
  }
});
`;

/** SHA-256 of a prefix of shared bytes, hashed on a worker thread as they arrive (in order). */
class ArrivingHash {
  private worker: Worker | null;
  private fed = 0;
  private readonly result: Promise<string>;

  constructor(bytes: Buffer) {
    const worker = new Worker(HASH_WORKER, { eval: true, workerData: { buffer: bytes.buffer } });
    this.worker = worker;
    this.result = new Promise((resolve, reject) => {
      worker.once('message', (sha256: string) => resolve(sha256));
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`the hashing thread stopped (${code})`)));
    });
    // Nobody may ask for the digest (a refused or abandoned read): no unhandled rejection then.
    this.result.catch(() => {});
  }

  /** Bytes [0, upTo) have arrived: hash them (the worker hashes only what the digest covers). */
  feed(upTo: number): void {
    if (!this.worker || upTo <= this.fed) return;
    this.fed = upTo;
    this.worker.postMessage({ feed: upTo });
  }

  async digest(upTo: number): Promise<string> {
    if (!this.worker) throw new Error('stopped');
    this.worker.postMessage({ digest: upTo });
    try {
      return await this.result;
    } finally {
      this.stop();
    }
  }

  stop(): void {
    void this.worker?.terminate();
    this.worker = null;
  }
}

function refuse(detail: string): { ok: false; detail: string } {
  return { ok: false, detail };
}
