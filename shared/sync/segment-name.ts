import { MAX_SEGMENT_SEQ, type SegmentHeader } from './segment-format';

/**
 * Strict names of files in `devices/<deviceId>/log/`. Lowercase only, so that case-insensitive
 * file systems and OneDrive never see two spellings of one name.
 */
export type SegmentFileName =
  | { readonly kind: 'sealed'; readonly seq: number; readonly sha8: string }
  | { readonly kind: 'compacted'; readonly firstSeq: number; readonly lastSeq: number; readonly sha8: string };

const SEALED = /^(\d{12})-([0-9a-f]{8})\.jsonl$/;
const COMPACTED = /^c-(\d{12})-(\d{12})-([0-9a-f]{8})\.jsonl$/;

/** `<seq, 12 digits>-<first 8 hex of the segment sha256>.jsonl` */
export function segmentFileName(seq: number, sha256: string): string {
  if (!Number.isInteger(seq) || seq < 1 || seq > MAX_SEGMENT_SEQ) throw new RangeError(`bad seq: ${seq}`);
  return `${String(seq).padStart(12, '0')}-${sha256.slice(0, 8)}.jsonl`;
}

/** `c-<first seq>-<last seq>-<first 8 hex of sha256>.jsonl`: one file holding a run of a device's own segments. */
export function compactedFileName(firstSeq: number, lastSeq: number, sha256: string): string {
  if (!Number.isInteger(firstSeq) || firstSeq < 1 || !Number.isInteger(lastSeq) || lastSeq <= firstSeq || lastSeq > MAX_SEGMENT_SEQ) {
    throw new RangeError(`bad compacted run: ${firstSeq}-${lastSeq}`);
  }
  const pad = (seq: number) => String(seq).padStart(12, '0');
  return `c-${pad(firstSeq)}-${pad(lastSeq)}-${sha256.slice(0, 8)}.jsonl`;
}

export function parseSegmentFileName(name: string): SegmentFileName | null {
  const sealed = SEALED.exec(name);
  if (sealed) {
    const seq = Number(sealed[1]);
    return seq >= 1 ? { kind: 'sealed', seq, sha8: sealed[2]! } : null;
  }
  const compacted = COMPACTED.exec(name);
  if (compacted) {
    const firstSeq = Number(compacted[1]);
    const lastSeq = Number(compacted[2]);
    return firstSeq >= 1 && firstSeq < lastSeq
      ? { kind: 'compacted', firstSeq, lastSeq, sha8: compacted[3]! }
      : null;
  }
  return null;
}

/**
 * Whether a decoded segment is the one its strict name promises. A valid segment under any other
 * name (a conflict copy, a renamed file) is still salvaged, but is not the file of record.
 */
export function nameMatchesSegment(name: string, header: SegmentHeader, sha256: string): boolean {
  const parsed = parseSegmentFileName(name);
  if (!parsed || parsed.sha8 !== sha256.slice(0, 8)) return false;
  return parsed.kind === 'sealed' ? parsed.seq === header.seq : parsed.firstSeq === header.seq;
}
