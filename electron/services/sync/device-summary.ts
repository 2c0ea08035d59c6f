import { parseHlc } from '../../../shared/sync/hlc';
import { CLOCK_SKEW_WARNING_MS, type SyncDeviceStatus } from '../../../shared/sync/status';
import type { DeviceFile } from '../../../shared/sync/team-files';
import type { IngestedFile } from './ingested-file';

/** Segments that arrived while running, per device, used for the clock skew estimate. */
const SKEW_SAMPLES = 10;

/**
 * Per-device lines of the status, from the files taken in. Clock skew: for each of the device's
 * last few segments first seen by a live poll, (wall time of its last hlc) − (when this computer
 * first saw the file) is the device's clock offset minus the delivery delay; the delay is never
 * negative, so the largest sample is the best estimate. Segments read as a backlog at start-up are
 * left out: their delay is unknown and large. A device that was offline for long and comes back
 * with only old segments can still look behind until it writes again.
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
  const samples = files
    .filter((file) => file.live && file.lastHlc !== null)
    .sort((a, b) => b.firstSeenAt - a.firstSeenAt)
    .slice(0, SKEW_SAMPLES)
    .map((file) => parseHlc(file.lastHlc!)!.wallMs - file.firstSeenAt);
  return samples.length === 0 ? null : Math.max(...samples);
}
