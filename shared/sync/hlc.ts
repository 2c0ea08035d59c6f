import { z } from 'zod';
import { DEVICE_ID_PATTERN } from './device-id';

/**
 * Hybrid logical clock timestamps, `<wall ms, 15 digits>-<counter, 4 hex>-<deviceId>`.
 * Fixed widths make string order equal to (wall, counter, deviceId) order, so timestamps sort
 * and compare as plain strings everywhere (including in the files a person reads).
 */
export interface Hlc {
  readonly wallMs: number;
  readonly counter: number;
  readonly deviceId: string;
}

export const MAX_WALL_MS = 999_999_999_999_999;
export const MAX_COUNTER = 0xffff;

export const HLC_PATTERN = /^(\d{15})-([0-9a-f]{4})-([a-z2-7]{26})$/;

export const hlcSchema = z.string().regex(HLC_PATTERN, 'not a hybrid logical clock timestamp');

export function formatHlc({ wallMs, counter, deviceId }: Hlc): string {
  if (!Number.isInteger(wallMs) || wallMs < 0 || wallMs > MAX_WALL_MS) {
    throw new RangeError(`wall time out of range: ${wallMs}`);
  }
  if (!Number.isInteger(counter) || counter < 0 || counter > MAX_COUNTER) {
    throw new RangeError(`counter out of range: ${counter}`);
  }
  if (!DEVICE_ID_PATTERN.test(deviceId)) throw new RangeError(`not a device id: ${deviceId}`);
  return `${String(wallMs).padStart(15, '0')}-${counter.toString(16).padStart(4, '0')}-${deviceId}`;
}

export function parseHlc(value: string): Hlc | null {
  const match = HLC_PATTERN.exec(value);
  if (!match) return null;
  return { wallMs: Number(match[1]), counter: parseInt(match[2]!, 16), deviceId: match[3]! };
}

/**
 * The lowest timestamp string of wall time `wallMs` (its 15 digits, nothing after): every
 * timestamp of that wall time or later compares `>=` it as a string, every earlier one `<`.
 * Fractions round up; below 0 is 0; beyond `MAX_WALL_MS` it is above every timestamp.
 */
export function hlcFloor(wallMs: number): string {
  if (Number.isNaN(wallMs)) throw new RangeError('wall time is not a number');
  if (wallMs > MAX_WALL_MS) return '~';
  return String(Math.max(0, Math.ceil(wallMs))).padStart(15, '0');
}

/** How far `hlc` is ahead of the local wall clock (negative: behind); null when unparseable. */
export function clockSkewMs(hlc: string, wallMs: number): number | null {
  const parsed = parseHlc(hlc);
  return parsed ? parsed.wallMs - wallMs : null;
}

/** The largest jump ahead of local wall time that the clock accepted from another timestamp. */
export interface ClockJump {
  readonly aheadMs: number;
  readonly deviceId: string;
  readonly hlc: string;
}

/**
 * Never throws on drift (unlike Actual Budget's max-drift check): refusing a remote timestamp
 * would stop a device from syncing, so the clock accepts it and records the jump for a warning.
 */
export class HybridClock {
  private wallMs = -1;
  private counter = 0;
  private largest: ClockJump | null = null;

  constructor(readonly deviceId: string) {
    if (!DEVICE_ID_PATTERN.test(deviceId)) throw new RangeError(`not a device id: ${deviceId}`);
  }

  /** A timestamp for a local event, later than every timestamp issued or observed before. */
  now(wallMs: number): string {
    const wall = saneWall(wallMs);
    if (wall > this.wallMs) {
      this.wallMs = wall;
      this.counter = 0;
    } else if (this.counter < MAX_COUNTER) {
      this.counter += 1;
    } else if (this.wallMs < MAX_WALL_MS) {
      // Counter exhausted: borrow the next millisecond rather than fail.
      this.wallMs += 1;
      this.counter = 0;
    }
    // At MAX_WALL_MS (year 33658) the timestamp saturates; op ids still order such ops.
    return formatHlc({ wallMs: this.wallMs, counter: this.counter, deviceId: this.deviceId });
  }

  /** Merges a timestamp seen in data (remote ops, and this device's own ops after a restart). */
  observe(remoteHlc: string, wallMs: number): void {
    const remote = parseHlc(remoteHlc);
    if (!remote) return;
    const aheadMs = remote.wallMs - saneWall(wallMs);
    if (aheadMs > 0 && aheadMs > (this.largest?.aheadMs ?? 0)) {
      this.largest = { aheadMs, deviceId: remote.deviceId, hlc: remoteHlc };
    }
    if (
      remote.wallMs > this.wallMs ||
      (remote.wallMs === this.wallMs && remote.counter > this.counter)
    ) {
      this.wallMs = remote.wallMs;
      this.counter = remote.counter;
    }
  }

  get largestJump(): ClockJump | null {
    return this.largest;
  }
}

function saneWall(wallMs: number): number {
  if (!Number.isFinite(wallMs) || wallMs < 0) return 0;
  return Math.min(Math.floor(wallMs), MAX_WALL_MS);
}
