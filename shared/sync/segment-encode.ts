import type { SyncCrypto } from './crypto';
import { opDeviceId, opSchema, type Op } from './op';
import {
  MAX_SEGMENT_BYTES,
  SEGMENT_FORMAT,
  segmentHeaderSchema,
  segmentSignedMessage,
} from './segment-format';
import { compactedFileName, segmentFileName } from './segment-name';

export interface SegmentDraft {
  readonly deviceId: string;
  readonly seq: number;
  /** sha256 of this device's previous segment; null for seq 1. */
  readonly prev: string | null;
  readonly ops: readonly Op[];
  /** For a compaction of the run `seq`…`lastSeq`: the file is named `c-…` (see compaction.ts). */
  readonly lastSeq?: number;
}

export interface EncodedSegment {
  readonly text: string;
  readonly bytes: Uint8Array;
  readonly sha256: string;
  readonly fileName: string;
}

const encoder = new TextEncoder();

/**
 * Seals ops into a segment. Throws on input a reader would refuse (a bad op, an op of another
 * device, more than MAX_SEGMENT_BYTES): writing it would only produce a file every device sets aside.
 */
export function encodeSegment(draft: SegmentDraft, privateKeyPem: string, crypto: SyncCrypto): EncodedSegment {
  const header = segmentHeaderSchema.parse({
    format: SEGMENT_FORMAT,
    deviceId: draft.deviceId,
    seq: draft.seq,
    prev: draft.prev,
  });
  let body = `${JSON.stringify(header)}\n`;
  for (const op of draft.ops) {
    const checked = opSchema.parse(op);
    if (opDeviceId(checked) !== draft.deviceId) {
      throw new RangeError(`op ${checked.id} belongs to another device than ${draft.deviceId}`);
    }
    // Fixed key order keeps the files diff-friendly for a person reading them.
    const { id, hlc, type, entity, data } = checked;
    body += `${JSON.stringify({ id, hlc, type, entity, data })}\n`;
  }
  const bodyBytes = encoder.encode(body);
  const sha256 = crypto.sha256Hex(bodyBytes);
  const sig = crypto.sign(privateKeyPem, segmentSignedMessage(sha256));
  const trailer = `${JSON.stringify({ count: draft.ops.length, sha256, sig })}\n`;
  const trailerBytes = encoder.encode(trailer);
  const bytes = new Uint8Array(bodyBytes.length + trailerBytes.length);
  bytes.set(bodyBytes);
  bytes.set(trailerBytes, bodyBytes.length);
  if (bytes.length > MAX_SEGMENT_BYTES) {
    throw new RangeError(`segment of ${bytes.length} bytes exceeds ${MAX_SEGMENT_BYTES}; flush fewer ops`);
  }
  const fileName = draft.lastSeq === undefined ? segmentFileName(draft.seq, sha256) : compactedFileName(draft.seq, draft.lastSeq, sha256);
  return { text: body + trailer, bytes, sha256, fileName };
}
