import { HybridClock, formatOpId, type Op } from '../../shared/sync';

export const ALICE = 'aaaaaaaaaaaaaaaaaaaaaaaaaa';
export const BOB = 'bbbbbbbbbbbbbbbbbbbbbbbbbb';
export const CAROL = 'cccccccccccccccccccccccccc';

/** 2026-01-05 09:00 Asia/Shanghai */
export const MONDAY_9AM = Date.UTC(2026, 0, 5, 1, 0, 0);
export const DAY = 24 * 60 * 60 * 1000;

/** A device that writes ops with its own clock and op counter, the way the app will. */
export class TestDevice {
  readonly clock: HybridClock;
  private counter = 0;

  constructor(readonly deviceId: string) {
    this.clock = new HybridClock(deviceId);
  }

  op(wallMs: number, type: string, entity: string, data: Record<string, unknown>): Op {
    this.counter += 1;
    return { id: formatOpId(this.deviceId, this.counter), hlc: this.clock.now(wallMs), type, entity, data };
  }

  /** Everything a device folds also moves its clock, so its next op sorts after what it saw. */
  receive(ops: readonly Op[], wallMs: number): void {
    for (const op of ops) this.clock.observe(op.hlc, wallMs);
  }
}
