import { parseHlc } from '../../../../shared/sync/hlc';
import { CLOCK_SKEW_WARNING_MS, type SyncDeviceStatus } from '../../../../shared/sync/status';
import type { DeviceFile } from '../../../../shared/sync/team-files';
import type { IngestedFile } from './ingested-file';

/** The skew estimate's window: arrivals within this long before the newest one, at most this many. */
const SKEW_WINDOW_MS = 60 * 60 * 1000;
const SKEW_SAMPLES = 50;

/**
 * Per-device lines of the status, from the files taken in. Clock skew, the way network clocks
 * estimate an offset: each segment that arrived while running gives an apparent delay, (when this
 * computer first saw it) − (wall time of its last hlc, the op written last before it was sealed),
 * which is the real delay (the publish, the sync engine's copy, the poll) minus the device's clock
 * offset. The delay is never negative and sometimes short, so the least apparent delay over a
 * window is the best estimate: a sync engine's usual copy time (a second or more) does not read as
 * skew. Segments read as a backlog at start-up are left out: their delay is unknown and large. A
 * device that was offline for long and comes back with only old segments can still look behind
 * until it writes again.
 */
export function summarizeDevices(
  files: Iterable<IngestedFile>,
  devices: ReadonlyMap<string, DeviceFile>,
  selfId: string | null,
): SyncDeviceStatus[] {
  const byDevice = new Map<string, IngestedFile[]>();
  for (const id of devices.keys()) byDevice.set(id, []);
  if (selfId) byDevice.set(selfId, byDevice.get(selfId) ?? []);
  for (const file of files) {
    const list = byDevice.get(file.deviceId) ?? [];
    list.push(file);
    byDevice.set(file.deviceId, list);
  }
  return [...byDevice.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([deviceId, list]) => summarize(deviceId, list, devices.get(deviceId)?.memberName ?? null));
}

function summarize(deviceId: string, files: readonly IngestedFile[], memberName: string | null): SyncDeviceStatus {
  const ofRecord = files.filter((file) => !file.salvaged);
  const last = ofRecord.reduce<IngestedFile | null>((best, file) => (!best || file.seq > best.seq ? file : best), null);
  const lastHlc = files.reduce<string | null>((max, file) => (file.lastHlc && (!max || file.lastHlc > max) ? file.lastHlc : max), null);
  const lastSeenAt = files.reduce<number | null>((max, file) => (max === null || file.firstSeenAt > max ? file.firstSeenAt : max), null);
  const clockSkewMs = skewOf(files);
  return {
    deviceId,
    memberName,
    segments: ofRecord.length,
    lastSegment: last ? last.path.slice(last.path.lastIndexOf('/') + 1) : null,
    lastHlc,
    lastSeenAt,
    clockSkewMs,
    clockSkewWarning: clockSkewMs !== null && Math.abs(clockSkewMs) > CLOCK_SKEW_WARNING_MS,
  };
}

function skewOf(files: readonly IngestedFile[]): number | null {
  const live = files.filter((file) => file.live && file.lastHlc !== null);
  if (live.length === 0) return null;
  const newest = Math.max(...live.map((file) => file.firstSeenAt));
  const leastDelay = Math.min(
    ...live
      .filter((file) => file.firstSeenAt >= newest - SKEW_WINDOW_MS)
      .sort((a, b) => b.firstSeenAt - a.firstSeenAt)
      .slice(0, SKEW_SAMPLES)
      .map((file) => file.firstSeenAt - parseHlc(file.lastHlc!)!.wallMs),
  );
  return 0 - leastDelay;
}
