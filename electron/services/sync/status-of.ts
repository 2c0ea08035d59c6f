import type { HybridClock } from '../../../shared/sync/hlc';
import {
  CLOCK_SKEW_WARNING_MS,
  type KeyProtection,
  type SyncFault,
  type SyncNotice,
  type SyncOpening,
  type SyncStatus,
  type UnavailableReason,
} from '../../../shared/sync/status';
import { summarizeDevices } from './read/device-summary';
import type { TeamSession } from './team-session';

export type Availability =
  | { readonly available: true }
  | { readonly available: false; readonly reason: UnavailableReason; readonly detail: string };

export interface StatusParts {
  readonly sharedDir: string;
  readonly availability: Availability;
  readonly session: TeamSession | null;
  readonly lastPollAt: number | null;
  readonly lastPublishAt: number | null;
  readonly pendingOutbox: number;
  readonly deviceId: string;
  readonly keyProtection: KeyProtection;
  readonly notices: readonly SyncNotice[];
  readonly faults: readonly SyncFault[];
  readonly clock: HybridClock;
  readonly opsCount: number;
  readonly opening: SyncOpening | null;
  readonly stateHash: string | null;
}

export function statusOf(parts: StatusParts): SyncStatus {
  const { session, availability } = parts;
  const jump = parts.clock.largestJump;
  return {
    sharedDir: parts.sharedDir,
    available: availability.available,
    ...(availability.available ? {} : { unavailableReason: availability.reason, unavailableDetail: availability.detail }),
    teamId: session?.teamId ?? null,
    teamName: session?.team?.name ?? null,
    lastPollAt: parts.lastPollAt,
    lastPublishAt: parts.lastPublishAt,
    pendingOutbox: parts.pendingOutbox,
    deviceId: parts.deviceId,
    keyProtection: parts.keyProtection,
    devices: session ? summarizeDevices(session.reader.ingestedFiles(), session.reader.devices, parts.deviceId) : [],
    setAside: session?.reader.setAsideFiles() ?? [],
    salvaged: session?.reader.salvagedFiles() ?? [],
    notices: [...parts.notices],
    faults: [...parts.faults],
    localClockBehind: jump && jump.aheadMs > CLOCK_SKEW_WARNING_MS ? { byMs: jump.aheadMs, deviceId: jump.deviceId } : null,
    opsCount: parts.opsCount,
    opening: parts.opening,
    stateHash: parts.stateHash,
  };
}
