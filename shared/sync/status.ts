import { z } from 'zod';

/**
 * What the storage service tells the app about syncing (`getSyncStatus`, `syncStatusChanged`).
 * Times are epoch milliseconds of this computer's clock; paths are relative to the shared folder,
 * with forward slashes.
 */

/** `team-replaced`: baton/team.json names another team or root of trust than the one this computer joined there. */
export const UNAVAILABLE_REASONS = ['folder-missing', 'no-team', 'unreadable', 'team-replaced'] as const;
export const UnavailableReasonSchema = z.enum(UNAVAILABLE_REASONS);
export type UnavailableReason = z.infer<typeof UnavailableReasonSchema>;

/** Why a file in the shared folder was set aside (never deleted): one code per plain-words message. */
export const SET_ASIDE_REASONS = [
  'too-large',
  'empty',
  'incomplete',
  'not-a-segment',
  'bad-json',
  'bad-header',
  'unsupported-format',
  'bad-trailer',
  'count-mismatch',
  'hash-mismatch',
  'bad-signature',
  'bad-op',
  'unknown-device',
  'wrong-device-folder',
  'bad-device-file',
  'not-a-device-folder',
] as const;
export const SetAsideReasonSchema = z.enum(SET_ASIDE_REASONS);
export type SetAsideReason = z.infer<typeof SetAsideReasonSchema>;

export const KEY_PROTECTIONS = ['plain-file', 'os-encrypted'] as const;
export const KeyProtectionSchema = z.enum(KEY_PROTECTIONS);
export type KeyProtection = z.infer<typeof KeyProtectionSchema>;

export const NOTICE_KINDS = [
  'device-cloned',
  'cache-rebuilt',
  'snapshot-passed-over',
  'op-clash',
  'publish-failed',
  'reduce-failed',
  'own-file-restored',
  'own-file-damaged',
] as const;
export const NoticeKindSchema = z.enum(NOTICE_KINDS);
export type NoticeKind = z.infer<typeof NoticeKindSchema>;

/**
 * Problems that last, told while they last (the Sync screen) and logged when they start (WARN) and
 * end (INFO): the folder away, publishing refused, no change notices from the folder.
 */
export const FAULT_KINDS = ['folder-unavailable', 'publish-failing', 'watch-silent'] as const;
export const FaultKindSchema = z.enum(FAULT_KINDS);
export type FaultKind = z.infer<typeof FaultKindSchema>;

export const SyncFaultSchema = z.object({
  kind: FaultKindSchema,
  since: z.number(),
  detail: z.string(),
});
export type SyncFault = z.infer<typeof SyncFaultSchema>;

/** Beyond this, a clock is called wrong. */
export const CLOCK_SKEW_WARNING_MS = 5 * 60 * 1000;

export const SyncDeviceStatusSchema = z.object({
  deviceId: z.string(),
  /** From the device's device.json; null while it is not readable. */
  memberName: z.string().nullable(),
  /** Files of record read from the device's log folder (conflict copies not counted). */
  segments: z.number().int().nonnegative(),
  /** File name of the highest-numbered of them. */
  lastSegment: z.string().nullable(),
  lastHlc: z.string().nullable(),
  /** When this computer first saw the device's newest segment. */
  lastSeenAt: z.number().nullable(),
  /**
   * How far the device's clock seems ahead of this one (negative: behind), estimated from the
   * segments that arrived while Baton was running: minus the least apparent delay (the time the
   * file was first seen here − the wall time of its last hlc) over the last hour's arrivals, so a
   * sync engine's copy time does not read as skew; null with no such segment yet.
   */
  clockSkewMs: z.number().nullable(),
  clockSkewWarning: z.boolean(),
});
export type SyncDeviceStatus = z.infer<typeof SyncDeviceStatusSchema>;

export const SetAsideFileSchema = z.object({
  path: z.string(),
  reason: SetAsideReasonSchema,
  detail: z.string(),
  size: z.number().nonnegative(),
  firstSeenAt: z.number(),
});
export type SetAsideFile = z.infer<typeof SetAsideFileSchema>;

export const SalvagedFileSchema = z.object({
  path: z.string(),
  /** The segment name an engine's conflict copy was made from, when the name says so. */
  original: z.string().nullable(),
});
export type SalvagedFile = z.infer<typeof SalvagedFileSchema>;

export const SyncNoticeSchema = z.object({
  kind: NoticeKindSchema,
  at: z.number(),
  detail: z.string(),
  /** Machine-readable particulars, e.g. `{ oldDeviceId, newDeviceId }` for 'device-cloned'. */
  data: z.record(z.string(), z.string()),
});
export type SyncNotice = z.infer<typeof SyncNoticeSchema>;

/**
 * The parts of opening a team's data (at start, or after switching folders), in the order they
 * come: `folder` looking at the folder and this computer's own copy (no count yet), `snapshot`
 * reading the team's snapshot (counted in ops), `segments` reading and folding what each computer
 * wrote after it, or everything when there is no snapshot (counted in files).
 */
export const OPENING_PHASES = ['folder', 'snapshot', 'segments'] as const;
export const OpeningPhaseSchema = z.enum(OPENING_PHASES);
export type OpeningPhase = z.infer<typeof OpeningPhaseSchema>;

export const SyncOpeningSchema = z.object({
  phase: OpeningPhaseSchema,
  /** How far the phase is, in its own unit; `total` 0 while it is not known. */
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
});
export type SyncOpening = z.infer<typeof SyncOpeningSchema>;

export const SyncStatusSchema = z.object({
  sharedDir: z.string(),
  available: z.boolean(),
  unavailableReason: UnavailableReasonSchema.optional(),
  unavailableDetail: z.string().optional(),
  teamId: z.string().nullable(),
  teamName: z.string().nullable(),
  lastPollAt: z.number().nullable(),
  lastPublishAt: z.number().nullable(),
  /** Ops recorded on this computer and not yet sealed into a segment in the shared folder. */
  pendingOutbox: z.number().int().nonnegative(),
  deviceId: z.string(),
  keyProtection: KeyProtectionSchema,
  devices: z.array(SyncDeviceStatusSchema),
  setAside: z.array(SetAsideFileSchema),
  salvaged: z.array(SalvagedFileSchema),
  notices: z.array(SyncNoticeSchema),
  /** The problems going on now, oldest first. */
  faults: z.array(SyncFaultSchema),
  /** This computer's clock is behind a timestamp it received by more than the warning limit. */
  localClockBehind: z.object({ byMs: z.number(), deviceId: z.string() }).nullable(),
  opsCount: z.number().int().nonnegative(),
  /**
   * The team's data is still being opened: the services answer meanwhile with what is known so
   * far (a list may be empty only because it has not arrived yet). null once open.
   */
  opening: SyncOpeningSchema.nullable(),
  /**
   * sha256 of the canonical folded state (as `baton doctor` prints it). Hashing a large state
   * costs time, so pushed statuses carry null when the state changed since it was last hashed;
   * `getSyncStatus` and `syncNow` compute it, except while `opening` (the state is not whole yet).
   */
  stateHash: z.string().nullable(),
});
export type SyncStatus = z.infer<typeof SyncStatusSchema>;

export const TeamDataChangedSchema = z.object({ touchedKinds: z.array(z.string()) });
