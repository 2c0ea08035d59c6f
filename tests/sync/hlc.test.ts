import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  HybridClock,
  MAX_COUNTER,
  clockSkewMs,
  deviceIdFromRandom,
  formatHlc,
  isDeviceId,
  parseHlc,
} from '../../shared/sync';
import { MAX_WALL_MS, hlcFloor } from '../../shared/sync/hlc';
import { ALICE, BOB, DAY, MONDAY_9AM } from './devices';

const HOUR = 60 * 60 * 1000;

describe('hlc format', () => {
  it('round-trips and sorts as a string in (wall, counter, device) order', () => {
    const hlc = formatHlc({ wallMs: MONDAY_9AM, counter: 0x1a, deviceId: ALICE });
    expect(hlc).toBe(`00${MONDAY_9AM}-001a-${ALICE}`);
    expect(parseHlc(hlc)).toEqual({ wallMs: MONDAY_9AM, counter: 0x1a, deviceId: ALICE });
    expect(formatHlc({ wallMs: 9, counter: 0xffff, deviceId: BOB }) < formatHlc({ wallMs: 10, counter: 0, deviceId: ALICE })).toBe(true);
    expect(formatHlc({ wallMs: 10, counter: 1, deviceId: BOB }) < formatHlc({ wallMs: 10, counter: 2, deviceId: ALICE })).toBe(true);
  });

  it('returns null on garbage instead of throwing', () => {
    for (const garbage of [
      '',
      'hello',
      `00${MONDAY_9AM}-001A-${ALICE}`,
      `0${MONDAY_9AM}-001a-${ALICE}`,
      `00${MONDAY_9AM}-001a-${ALICE.toUpperCase()}`,
      `00${MONDAY_9AM}-001a-${ALICE}x`,
      `00${MONDAY_9AM}-01a-${ALICE}`,
    ]) {
      expect(parseHlc(garbage), garbage).toBeNull();
    }
  });

  it('hlcFloor: timestamps of that wall time or later compare >= it, earlier ones <', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_WALL_MS }), fc.integer({ min: -3, max: 3 }), fc.integer({ min: 0, max: MAX_COUNTER }), (wallMs, offset, counter) => {
        const at = Math.min(MAX_WALL_MS, Math.max(0, wallMs + offset));
        const hlc = formatHlc({ wallMs: at, counter, deviceId: ALICE });
        expect(hlc >= hlcFloor(wallMs)).toBe(at >= wallMs);
      }),
    );
    expect(hlcFloor(-5)).toBe(hlcFloor(0));
    expect(formatHlc({ wallMs: 11, counter: 0, deviceId: ALICE }) >= hlcFloor(10.5)).toBe(true);
    expect(formatHlc({ wallMs: MAX_WALL_MS, counter: MAX_COUNTER, deviceId: ALICE }) >= hlcFloor(MAX_WALL_MS + 1)).toBe(false);
    expect(() => hlcFloor(Number.NaN)).toThrow(RangeError);
  });

  it('refuses to format out-of-range parts', () => {
    expect(() => formatHlc({ wallMs: -1, counter: 0, deviceId: ALICE })).toThrow(RangeError);
    expect(() => formatHlc({ wallMs: 1, counter: MAX_COUNTER + 1, deviceId: ALICE })).toThrow(RangeError);
    expect(() => formatHlc({ wallMs: 1, counter: 0, deviceId: 'Alice' })).toThrow(RangeError);
  });
});

describe('HybridClock', () => {
  it('stays strictly monotonic whatever the wall clock does', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2 ** 45 }), { minLength: 1, maxLength: 300 }), (walls) => {
        const clock = new HybridClock(ALICE);
        let previous = '';
        for (const wall of walls) {
          const next = clock.now(wall);
          expect(next > previous).toBe(true);
          previous = next;
        }
      }),
    );
  });

  it('keeps going forward when the wall clock jumps back two days mid-session', () => {
    const clock = new HybridClock(ALICE);
    const before = clock.now(MONDAY_9AM);
    const after = clock.now(MONDAY_9AM - 2 * DAY);
    expect(after > before).toBe(true);
    expect(parseHlc(after)).toMatchObject({ wallMs: MONDAY_9AM, counter: 1 });
  });

  it('rolls a full counter into the next millisecond instead of throwing', () => {
    const clock = new HybridClock(ALICE);
    let last = '';
    for (let i = 0; i <= MAX_COUNTER + 1; i += 1) last = clock.now(MONDAY_9AM);
    expect(parseHlc(last)).toEqual({ wallMs: MONDAY_9AM + 1, counter: 0, deviceId: ALICE });
    expect(parseHlc(clock.now(MONDAY_9AM))).toEqual({ wallMs: MONDAY_9AM + 1, counter: 1, deviceId: ALICE });
  });

  it('orders its next event after an observed remote one, even from a clock 3 hours ahead', () => {
    const alice = new HybridClock(ALICE);
    const bob = new HybridClock(BOB);
    const remote = bob.now(MONDAY_9AM + 3 * HOUR);
    alice.observe(remote, MONDAY_9AM);
    expect(alice.now(MONDAY_9AM) > remote).toBe(true);
  });

  it('never throws on drift, and records the largest jump ahead with the device that caused it', () => {
    const alice = new HybridClock(ALICE);
    const bob = new HybridClock(BOB);
    alice.observe(bob.now(MONDAY_9AM + HOUR), MONDAY_9AM);
    const farAhead = bob.now(MONDAY_9AM + 400 * DAY);
    alice.observe(farAhead, MONDAY_9AM);
    alice.observe(bob.now(MONDAY_9AM + 2 * HOUR), MONDAY_9AM);
    expect(alice.largestJump).toEqual({ aheadMs: 400 * DAY, deviceId: BOB, hlc: farAhead });
    expect(() => alice.now(MONDAY_9AM)).not.toThrow();
  });

  it('reports no jump for remotes behind local time, and ignores garbage', () => {
    const alice = new HybridClock(ALICE);
    alice.observe(new HybridClock(BOB).now(MONDAY_9AM - 2 * DAY), MONDAY_9AM);
    alice.observe('not a timestamp', MONDAY_9AM);
    expect(alice.largestJump).toBeNull();
    expect(parseHlc(alice.now(MONDAY_9AM))).toMatchObject({ wallMs: MONDAY_9AM, counter: 0 });
  });

  it('survives a nonsense wall clock', () => {
    const clock = new HybridClock(ALICE);
    const a = clock.now(Number.NaN);
    const b = clock.now(-5);
    const c = clock.now(1e20);
    expect(a < b && b < c).toBe(true);
  });
});

describe('clockSkewMs', () => {
  it('says how far a timestamp is ahead of (or behind) the local wall clock', () => {
    const clock = new HybridClock(BOB);
    expect(clockSkewMs(clock.now(MONDAY_9AM + 3 * HOUR), MONDAY_9AM)).toBe(3 * HOUR);
    expect(clockSkewMs(new HybridClock(ALICE).now(MONDAY_9AM - 2 * DAY), MONDAY_9AM)).toBe(-2 * DAY);
    expect(clockSkewMs('garbage', MONDAY_9AM)).toBeNull();
  });
});

describe('device ids', () => {
  it('mints 26 lowercase base32 characters from 16 random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 16, maxLength: 16 }), (bytes) => {
        expect(isDeviceId(deviceIdFromRandom(bytes))).toBe(true);
      }),
    );
    expect(deviceIdFromRandom(new Uint8Array(16))).toBe('a'.repeat(26));
    expect(deviceIdFromRandom(new Uint8Array(16).fill(255))).toBe(`${'7'.repeat(25)}4`) // RFC 4648: 7777…74======;
    expect(() => deviceIdFromRandom(new Uint8Array(15))).toThrow(RangeError);
  });

  it('keeps distinct random bytes distinct', () => {
    const a = new Uint8Array(16);
    const b = new Uint8Array(16);
    b[15] = 1;
    expect(deviceIdFromRandom(a)).not.toBe(deviceIdFromRandom(b));
  });
});
