import { z } from 'zod';
import type { SyncCrypto } from './crypto';
import { opDeviceId, opProblem, type Op } from './op';
import {
  MAX_SEGMENT_BYTES,
  SEGMENT_FORMAT,
  SEGMENT_MAGIC,
  segmentHeaderSchema,
  segmentSignedMessage,
  segmentTrailerSchema,
  type SegmentHeader,
} from './segment-format';

/**
 * Why a file was not accepted as a segment. 'incomplete' means "not there yet" (still being
 * copied or written): the reader looks again later. Every other reason is final for those bytes.
 */
export type SegmentRejection =
  | 'incomplete'
  | 'too-large'
  | 'bad-json'
  | 'bad-header'
  | 'unsupported-format'
  | 'bad-trailer'
  | 'count-mismatch'
  | 'hash-mismatch'
  | 'unknown-device'
  | 'bad-signature'
  | 'bad-op';

export type DecodedSegment =
  | { readonly ok: true; readonly header: SegmentHeader; readonly ops: readonly Op[]; readonly sha256: string }
  | { readonly ok: false; readonly reason: SegmentRejection; readonly detail: string };

const NEWLINE = 0x0a;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Checks, in order: size, shape, integrity (hash), authenticity (signature), then content. */
export function decodeSegment(
  bytes: Uint8Array,
  publicKeyFor: (deviceId: string) => string | undefined,
  crypto: SyncCrypto,
): DecodedSegment {
  if (bytes.length > MAX_SEGMENT_BYTES) {
    return reject('too-large', `${bytes.length} bytes, the limit is ${MAX_SEGMENT_BYTES}`);
  }
  if (!startsLikeSegment(bytes)) return reject('bad-header', 'not a Baton segment');
  if (bytes.length === 0 || bytes[bytes.length - 1] !== NEWLINE) {
    return reject('incomplete', 'the last line has no newline yet');
  }
  const trailerStart = bytes.lastIndexOf(NEWLINE, bytes.length - 2) + 1;
  const lastLine = parseLine(bytes.subarray(trailerStart, bytes.length - 1));
  if (!lastLine.ok) return unsealed(bytes, reject('bad-json', `last line: ${lastLine.detail}`));
  const trailer = segmentTrailerSchema.safeParse(lastLine.value);
  if (!trailer.success) {
    return unsealed(
      bytes,
      looksLikeBodyLine(lastLine.value, trailerStart === 0)
        ? reject('incomplete', 'no trailer yet')
        : reject('bad-trailer', z.prettifyError(trailer.error)),
    );
  }

  const body = bytes.subarray(0, trailerStart);
  const sha256 = crypto.sha256Hex(body);
  if (sha256 !== trailer.data.sha256) return reject('hash-mismatch', `content hashes to ${sha256}`);

  let lines: string[];
  try {
    lines = utf8.decode(body).split('\n');
  } catch {
    return reject('bad-json', 'not UTF-8');
  }
  lines.pop(); // the body ends with "\n"
  const header = decodeHeader(lines[0]);
  if (!header.ok) return header;

  const publicKey = publicKeyFor(header.value.deviceId);
  if (publicKey === undefined) return reject('unknown-device', `no key for device ${header.value.deviceId}`);
  if (!crypto.verify(publicKey, segmentSignedMessage(sha256), trailer.data.sig)) {
    return reject('bad-signature', `not signed by device ${header.value.deviceId}`);
  }

  const opLines = lines.length - 1;
  if (opLines !== trailer.data.count) {
    return reject('count-mismatch', `trailer says ${trailer.data.count} ops, found ${opLines}`);
  }
  const ops: Op[] = [];
  for (let index = 1; index < lines.length; index += 1) {
    const line = index + 1;
    const parsed = parseJson(lines[index]!);
    if (!parsed.ok) return reject('bad-json', `line ${line}: ${parsed.detail}`);
    const problem = opProblem(parsed.value);
    if (problem !== null) return reject('bad-op', `line ${line}: ${problem}`);
    const op = parsed.value as Op;
    if (opDeviceId(op) !== header.value.deviceId) {
      return reject('bad-op', `line ${line}: op ${op.id} belongs to another device`);
    }
    ops.push(op);
  }
  return { ok: true, header: header.value, ops, sha256 };
}

type Rejected = Extract<DecodedSegment, { ok: false }>;

function reject(reason: SegmentRejection, detail: string): Rejected {
  return { ok: false, reason, detail };
}

function startsLikeSegment(bytes: Uint8Array): boolean {
  const length = Math.min(bytes.length, SEGMENT_MAGIC.length);
  for (let index = 0; index < length; index += 1) {
    if (bytes[index] !== SEGMENT_MAGIC[index]) return false;
  }
  return true;
}

/** A truncated segment ends, at a line break, with its header or an op: only that is "incomplete". */
function looksLikeBodyLine(value: unknown, isFirstLine: boolean): boolean {
  return isFirstLine ? segmentHeaderSchema.safeParse(value).success : opProblem(value) === null;
}

type Parsed = { ok: true; value: unknown } | { ok: false; detail: string };

function parseLine(bytes: Uint8Array): Parsed {
  try {
    return parseJson(utf8.decode(bytes));
  } catch {
    return { ok: false, detail: 'not UTF-8' };
  }
}

function parseJson(text: string): Parsed {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, detail: (error as Error).message };
  }
}

/** Without a trailer of this format, a newer Baton's file would read as damaged: say so instead. */
function unsealed(bytes: Uint8Array, otherwise: Rejected): Rejected {
  const firstLine = parseLine(bytes.subarray(0, bytes.indexOf(NEWLINE)));
  return firstLine.ok && isOtherFormat(firstLine.value) ? unsupported(firstLine.value) : otherwise;
}

function isOtherFormat(header: unknown): boolean {
  const format = (header as { format?: unknown } | null)?.format;
  return typeof format === 'string' && format !== SEGMENT_FORMAT;
}

function unsupported(header: unknown): Rejected {
  const { format } = header as { format: string };
  return reject('unsupported-format', `${format} (this version reads ${SEGMENT_FORMAT})`);
}

function decodeHeader(line: string | undefined): { ok: true; value: SegmentHeader } | Rejected {
  const parsed = parseJson(line ?? '');
  if (!parsed.ok) return reject('bad-json', `header: ${parsed.detail}`);
  if (isOtherFormat(parsed.value)) return unsupported(parsed.value);
  const header = segmentHeaderSchema.safeParse(parsed.value);
  if (!header.success) return reject('bad-header', z.prettifyError(header.error));
  return { ok: true, value: header.data };
}
