import type { SyncCrypto } from '../../../../shared/sync/crypto';
import type { Op } from '../../../../shared/sync/op';
import { decodeSegment, type SegmentRejection } from '../../../../shared/sync/segment-decode';
import { MAX_SEGMENT_BYTES, SEGMENT_MAGIC, type SegmentHeader } from '../../../../shared/sync/segment-format';
import type { SetAsideReason } from '../../../../shared/sync/status';

/**
 * What the bytes of one file in a log folder are worth, decided from the bytes alone plus the
 * folder they sit in. The reader turns 'wait' into "look again at the next poll" and gives up on
 * it (sets it aside) only when the file stays unchanged for long.
 */
export type FileVerdict =
  | { readonly kind: 'segment'; readonly header: SegmentHeader; readonly ops: readonly Op[]; readonly sha256: string }
  | { readonly kind: 'wait'; readonly why: 'incomplete' | 'unknown-device'; readonly giveUpAs: SetAsideReason; readonly detail: string }
  | { readonly kind: 'set-aside'; readonly reason: SetAsideReason; readonly detail: string };

export function judgeSegmentBytes(
  bytes: Uint8Array,
  folderDeviceId: string,
  publicKeyFor: (deviceId: string) => string | undefined,
  crypto: SyncCrypto,
): FileVerdict {
  if (bytes.length > MAX_SEGMENT_BYTES) return setAside('too-large', `${bytes.length} bytes; the limit is ${MAX_SEGMENT_BYTES}`);
  if (bytes.length === 0) return { kind: 'wait', why: 'incomplete', giveUpAs: 'empty', detail: 'the file is empty' };
  if (!startsWithMagic(bytes)) return setAside('not-a-segment', 'not a Baton file');
  const decoded = decodeSegment(bytes, publicKeyFor, crypto);
  if (!decoded.ok) return rejection(decoded.reason, decoded.detail);
  if (decoded.header.deviceId !== folderDeviceId) {
    return setAside('wrong-device-folder', `a segment of device ${decoded.header.deviceId} in the folder of ${folderDeviceId}`);
  }
  return { kind: 'segment', header: decoded.header, ops: decoded.ops, sha256: decoded.sha256 };
}

function rejection(reason: SegmentRejection, detail: string): FileVerdict {
  if (reason === 'incomplete') return { kind: 'wait', why: 'incomplete', giveUpAs: 'incomplete', detail };
  if (reason === 'unknown-device') return { kind: 'wait', why: 'unknown-device', giveUpAs: 'unknown-device', detail };
  return setAside(reason, detail);
}

function setAside(reason: SetAsideReason, detail: string): FileVerdict {
  return { kind: 'set-aside', reason, detail };
}

function startsWithMagic(bytes: Uint8Array): boolean {
  const length = Math.min(bytes.length, SEGMENT_MAGIC.length);
  for (let index = 0; index < length; index += 1) if (bytes[index] !== SEGMENT_MAGIC[index]) return false;
  return true;
}
