import { z } from 'zod';
import { DEVICE_ID_PATTERN } from './device-id';

/**
 * The sealed segment format, `baton/segment@1`: JSON Lines, every line ending in "\n".
 *   line 1      header  {"format":"baton/segment@1","deviceId":…,"seq":…,"prev":…} (keys in this order)
 *   lines 2…n-1 one op per line
 *   line n      trailer {"count":…,"sha256":…,"sig":…}
 * `sha256` is the SHA-256 (lowercase hex) of every byte before the trailer line; it is the
 * segment's identity (file name, the next segment's `prev`). `sig` is the device's Ed25519
 * signature of the UTF-8 bytes of `baton/segment@1 <sha256>`: signing the short hash keeps
 * verification cheap, and the prefix stops a segment signature from being replayed as any other
 * kind of signature the team's keys make.
 */
export const SEGMENT_FORMAT = 'baton/segment@1';
/** A larger file is set aside unread: sync engines and shares handle big files badly anyway. */
export const MAX_SEGMENT_BYTES = 16 * 1024 * 1024;
export const MAX_SEGMENT_SEQ = 999_999_999_999;

const encoder = new TextEncoder();

/** Every segment, complete or not, starts with these bytes; anything else is not a segment. */
export const SEGMENT_MAGIC = encoder.encode('{"format":"baton/segment@');

export const sha256HexSchema = z.string().regex(/^[0-9a-f]{64}$/, 'not a lowercase sha256 hex');

// 64 signature bytes: exactly one base64 spelling, so a flipped padding bit cannot still verify.
export const ed25519SigSchema = z.string().regex(/^[A-Za-z0-9+/]{85}[AQgw]==$/, 'not a base64 Ed25519 signature');

export const segmentHeaderSchema = z
  .strictObject({
    format: z.literal(SEGMENT_FORMAT),
    deviceId: z.string().regex(DEVICE_ID_PATTERN, 'not a device id'),
    seq: z.number().int().min(1).max(MAX_SEGMENT_SEQ),
    prev: sha256HexSchema.nullable(),
  })
  .refine((header) => (header.seq === 1) === (header.prev === null), {
    message: 'prev must be null for seq 1 and only for seq 1',
  });

export type SegmentHeader = z.output<typeof segmentHeaderSchema>;

export const segmentTrailerSchema = z.strictObject({
  count: z.number().int().min(0),
  sha256: sha256HexSchema,
  sig: ed25519SigSchema,
});

/** What a file of `format` signs: its hash, prefixed so that no kind of signature can pass for another. */
export function signedHashMessage(format: string, sha256: string): Uint8Array {
  return encoder.encode(`${format} ${sha256}`);
}

export function segmentSignedMessage(sha256: string): Uint8Array {
  return signedHashMessage(SEGMENT_FORMAT, sha256);
}
