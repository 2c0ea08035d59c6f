import { healthOf } from '../sync/health';
import type { SetAsideReason, SyncStatus } from '../sync/status';
import type { SyncProblem, SyncSection } from './types';

/**
 * Sync health in plain words for the briefing: the folder away, files set aside, a clock that is
 * off (mine or a colleague's), edits not yet published. The sync screen has the details.
 */
export function syncSection(status: SyncStatus, noticesSeenAt: number): SyncSection {
  const problems: SyncProblem[] = [];
  if (!status.available) problems.push({ code: 'folder-away', reason: status.unavailableReason ?? null });
  if (status.setAside.length > 0) {
    const reasons = [...new Set<SetAsideReason>(status.setAside.map((file) => file.reason))].sort();
    problems.push({ code: 'files-set-aside', count: status.setAside.length, reasons });
  }
  if (status.localClockBehind) problems.push({ code: 'my-clock-behind', byMs: status.localClockBehind.byMs });
  for (const device of status.devices) {
    if (device.clockSkewWarning && device.clockSkewMs !== null) {
      problems.push({ code: 'device-clock-off', memberName: device.memberName, skewMs: device.clockSkewMs });
    }
  }
  if (status.pendingOutbox > 0) problems.push({ code: 'unpublished', count: status.pendingOutbox });
  return { kind: 'sync', health: healthOf(status, noticesSeenAt), problems, lastPollAt: status.lastPollAt, place: { screen: 'sync' } };
}
