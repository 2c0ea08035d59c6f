import { describe, expect, it } from 'vitest';
import { summarizeDevices } from '../../electron/services/sync/read/device-summary';
import type { IngestedFile } from '../../electron/services/sync/read/ingested-file';
import { formatHlc } from '../../shared/sync/hlc';

const HOUR = 3_600_000;
const DEVICE = 'bbbbbbbbbbbbbbbbbbbbbbbbbb';
const START = Date.UTC(2026, 11, 6, 8, 0, 0);

/**
 * Copy times of a 1 KB file through Syncthing with a 1 s watch delay, as measured on loopback
 * (min 43, median about 1 s, max 1.5 s; /work/shared/notes/syncthing-on-loopback.md), in the order
 * the segments arrived: the fastest copy is not among the last ten.
 */
const COPY_MS = [43, 1005, 980, 1210, 1504, 870, 1100, 990, 1330, 1020, 1460, 910, 1050, 1180, 960, 1400, 1070, 1010, 1240, 1120];

/** Segments of a device whose clock is `offsetMs` ahead, each seen here `COPY_MS` after it was written. */
function arrivals(offsetMs: number): IngestedFile[] {
  return COPY_MS.map((copyMs, index) => {
    const writtenAt = START + index * 60_000;
    return {
      path: `baton/devices/${DEVICE}/log/${String(index + 1).padStart(12, '0')}-00000000.jsonl`,
      deviceId: DEVICE,
      seq: index + 1,
      sha256: '0'.repeat(64),
      size: 1000,
      mtimeMs: writtenAt,
      firstSeenAt: writtenAt + copyMs,
      lastHlc: formatHlc({ wallMs: writtenAt + offsetMs, counter: 0, deviceId: DEVICE }),
      opCount: 1,
      salvaged: false,
      original: null,
      live: true,
    };
  });
}

const skewOf = (files: IngestedFile[]) => summarizeDevices(files, new Map(), null)[0]!.clockSkewMs;

describe('the clock skew estimate', () => {
  it("takes the least delay over a window, so a sync engine's copy time does not read as skew", () => {
    // Clocks in step: the estimate is off by the fastest copy only, not by the typical one (about 1 s).
    expect(skewOf(arrivals(0))).toBe(-43);
  });

  it('still shows a clock that is really wrong, ahead or behind', () => {
    expect(skewOf(arrivals(3 * HOUR))).toBe(3 * HOUR - 43);
    expect(skewOf(arrivals(-48 * HOUR))).toBe(-48 * HOUR - 43);
  });

  it('leaves out segments read as a backlog at start-up, whose delay is unknown', () => {
    expect(skewOf(arrivals(0).map((file) => ({ ...file, live: false })))).toBeNull();
  });
});
