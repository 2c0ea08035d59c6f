import type { NoticeKind, SyncStatus } from './status';

/** What the nav dot and the screen's first line say, worst first. */
export type SyncHealth = 'unavailable' | 'problems' | 'waiting' | 'healthy';

/** Notices that mean something went wrong; the others only tell what Baton already put right. */
const problemNotices: ReadonlySet<NoticeKind> = new Set(['op-clash', 'publish-failed', 'reduce-failed', 'own-file-damaged']);

/**
 * Files set aside, wrong clocks and faults (publishing refused, a silent watcher) stay a problem as long as they last. A notice is an event: it
 * counts until the person has seen it on the Sync screen (`noticesSeenAt`).
 */
export function healthOf(status: SyncStatus, noticesSeenAt: number): SyncHealth {
  if (!status.available) return 'unavailable';
  const unseenProblem = status.notices.some((notice) => notice.at > noticesSeenAt && problemNotices.has(notice.kind));
  if (
    status.setAside.length > 0 ||
    status.localClockBehind !== null ||
    status.devices.some((device) => device.clockSkewWarning) ||
    status.faults.some((fault) => fault.kind !== 'folder-unavailable') ||
    unseenProblem
  ) {
    return 'problems';
  }
  return status.pendingOutbox > 0 ? 'waiting' : 'healthy';
}
