import { Worker } from 'node:worker_threads';

/**
 * A folded snapshot surveyed on a worker thread while the caller goes on: the SHA-256 of its
 * signed bytes (a start parses a 160 MB snapshot while it is hashed on the other core) and where
 * each entity line lies, with a hash of it, so that the local cache's index can name every line
 * and a restart read one entity without reading the file. The bytes are either shared memory (the
 * worker reads exactly what the caller parses: nothing is read twice, nothing copied) or a file
 * the worker reads itself (a restart checking its base in the background).
 *
 * The worker is plain JavaScript in a string: a file beside a bundle is not there in every build.
 * It knows the snapshot's layout (snapshot-codec.ts): three head lines, one line per entity, the
 * trailer; UTF-16LE, each line ending in "\n".
 */
export interface SnapshotSurvey {
  /** SHA-256 of the bytes before the trailer, as the trailer names it (when asked for). */
  readonly sha256: string;
  /** The byte offset where the entity lines start. */
  readonly head: number;
  /** Per entity line: [entity, byte offset, byte length without the "\n", line hash] (when asked for). */
  readonly lines: ReadonlyArray<readonly [string, number, number, string]>;
}

/** What to survey: the whole hash (a start waits for it), the lines (an index, written after the start), or both. */
export interface SurveyAsk {
  readonly whole: boolean;
  readonly lines: boolean;
}

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { readFileSync } = require('node:fs');
const { path, buffer, offset, length, ask } = workerData;
const bytes = path ? readFileSync(path) : Buffer.from(buffer, offset, length);
function newlineFrom(from) {
  for (let at = bytes.indexOf(10, from); at >= 0; at = bytes.indexOf(10, at + 1)) {
    if (at % 2 === 0 && bytes[at + 1] === 0) return at;
  }
  return -1;
}
let trailer = bytes.length - 2;
while (trailer > 0 && !(trailer % 2 === 0 && bytes[trailer - 2] === 10 && bytes[trailer - 1] === 0)) trailer -= 2;
const signed = path ? trailer : length;
let start = 0;
for (let skip = 0; skip < 3 && start >= 0; skip += 1) { const end = newlineFrom(start); start = end < 0 ? -1 : end + 2; }
const head = start;
const lines = [];
if (!ask.lines) start = -1;
const prefix = /^\\["([^"\\\\]+)",/;
while (start >= 0 && start < signed) {
  const end = newlineFrom(start);
  if (end < 0 || end >= signed) break;
  const name = prefix.exec(bytes.toString('utf16le', start, Math.min(end, start + 340)));
  lines.push([name ? name[1] : '', start, end - start, createHash('sha256').update(bytes.subarray(start, end)).digest('hex').slice(0, 16)]);
  start = end + 2;
}
parentPort.postMessage({ sha256: ask.whole ? createHash('sha256').update(bytes.subarray(0, signed)).digest('hex') : '', head, lines });
`;

/** The hash a survey gives an entity line (for checking a line read back). */
export const LINE_HASH_HEX = 16;

/** Surveys `bytes` (in a SharedArrayBuffer), which are the signed part of a snapshot (no trailer). */
export function surveyOffThread(signed: Uint8Array, ask: SurveyAsk): Promise<SnapshotSurvey> {
  if (!(signed.buffer instanceof SharedArrayBuffer)) throw new TypeError('surveyOffThread needs bytes in a SharedArrayBuffer');
  return run({ buffer: signed.buffer, offset: signed.byteOffset, length: signed.length, ask });
}

/** Surveys the snapshot file at `path` (trailer included), reading it on the worker. */
export function surveyFileOffThread(path: string, ask: SurveyAsk): Promise<SnapshotSurvey> {
  return run({ path, ask });
}

/** `bytes` in shared memory (copied there if they are not) so that a worker can survey them. */
export function inSharedMemory(bytes: Uint8Array): Uint8Array {
  if (bytes.buffer instanceof SharedArrayBuffer) return bytes;
  const shared = new Uint8Array(new SharedArrayBuffer(bytes.length));
  shared.set(bytes);
  return shared;
}

function run(workerData: object): Promise<SnapshotSurvey> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { eval: true, workerData });
    worker.once('message', (survey: SnapshotSurvey) => {
      resolve(survey);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the surveying thread stopped (${code})`)));
  });
}
