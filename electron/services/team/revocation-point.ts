import { parseOpId } from '../../../shared/sync/op';
import { parseSegmentFileName } from '../../../shared/sync/segment-name';
import type { SyncStatus } from '../../../shared/sync/status';
import type { RevocationPoint } from '../../../shared/team';
import type { TrustView } from './trust-tap';

/**
 * How far this computer has read a device, for `revokeDeviceOp`: its highest segment of record
 * (the sync status's `lastSegment`) and the highest op counter of it held. Read through the sync
 * service's public status and the trust plug's view of the state, so the service needs no new
 * accessor. Nothing read yet: nulls, so none of the device's ops count.
 */
export function revocationPoint(status: SyncStatus, view: TrustView | null, deviceId: string): RevocationPoint {
  const summary = status.devices.find((device) => device.deviceId === deviceId);
  const name = summary?.lastSegment ? parseSegmentFileName(summary.lastSegment) : null;
  const lastSegmentSeq = name === null ? null : name.kind === 'sealed' ? name.seq : name.lastSeq;
  let lastOpCounter: number | null = null;
  for (const op of view?.state.snapshot().ops ?? []) {
    const id = parseOpId(op.id);
    if (id?.deviceId === deviceId && (lastOpCounter === null || id.counter > lastOpCounter)) lastOpCounter = id.counter;
  }
  // A counter without a segment (ops only in a salvaged copy) still marks what was seen.
  return { lastSegmentSeq: lastOpCounter === null ? null : (lastSegmentSeq ?? 1), lastOpCounter };
}
