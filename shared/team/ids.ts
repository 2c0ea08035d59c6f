import { z } from 'zod';
import { DEVICE_ID_PATTERN } from '../sync';
import { oneLine } from '../text/one-line';

/** Device ids as the sync core mints them. */
export const deviceIdSchema = z.string().regex(DEVICE_ID_PATTERN, 'not a device id');

/**
 * Member ids are minted like device ids (128 random bits, `deviceIdFromRandom`): a newcomer's
 * device picks one when it asks to join, so ids never collide without coordination.
 */
export const memberIdSchema = z.string().regex(DEVICE_ID_PATTERN, 'not a member id');

/**
 * A device's Ed25519 public key as device.json holds it (PEM, as shared/sync/team-files.ts reads
 * it). Compared with `sameKey`.
 */
export const publicKeySchema = z
  .string()
  .max(2048)
  .regex(/^\s*-----BEGIN PUBLIC KEY-----[A-Za-z0-9+/=\s]+-----END PUBLIC KEY-----\s*$/, 'not a PEM public key');

export const displayNameSchema = oneLine(
  z
    .string()
    .min(1)
    .max(64)
    .regex(/\S/, 'a name cannot be blank')
    .refine((name) => name === name.trim(), 'no leading or trailing spaces'),
);

/** Keys are compared without whitespace: a PEM copied through Windows gains `\r\n`, not a new key. */
export function sameKey(a: string, b: string): boolean {
  return a.replace(/\s+/g, '') === b.replace(/\s+/g, '');
}
