import { z } from 'zod';

/**
 * A verified segment file this computer has taken in: what the local cache remembers so that a
 * restart never reads or verifies it again, and what the status counts per device.
 */
export const ingestedFileSchema = z.strictObject({
  /** Relative to the shared folder, forward slashes. */
  path: z.string().min(1).max(1024),
  /** The device whose folder holds it (equal to the segment header's). */
  deviceId: z.string(),
  seq: z.number().int().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  size: z.number().int().nonnegative(),
  mtimeMs: z.number(),
  firstSeenAt: z.number(),
  lastHlc: z.string().nullable(),
  opCount: z.number().int().nonnegative(),
  /** A valid segment under a name that is not its strict one (a conflict copy): ops taken, file not of record. */
  salvaged: z.boolean(),
  original: z.string().nullable(),
  /** First seen by a poll while running, not in the backlog of a start: usable to estimate clock skew. */
  live: z.boolean(),
});
export type IngestedFile = z.output<typeof ingestedFileSchema>;

/** The cache schema is strict: copy only its fields out of a richer object (a read segment). */
export function toIngestedFile(file: IngestedFile): IngestedFile {
  const { path, deviceId, seq, sha256, size, mtimeMs, firstSeenAt, lastHlc, opCount, salvaged, original, live } = file;
  return { path, deviceId, seq, sha256, size, mtimeMs, firstSeenAt, lastHlc, opCount, salvaged, original, live };
}
