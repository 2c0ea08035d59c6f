import { createSyncState, type AnyCapability, type Op, type SyncState } from '../../shared/sync';
import type { Person } from '../../shared/team-settings';

/**
 * The people, clock and fold every capability's domain tests share: Wang, Li and Zhao of the
 * sample team, times written as Shanghai wall-clock time, and a replica folded from ops.
 */
export const WANG: Person = { memberId: 'm-wang', name: '王丽' };
export const LI: Person = { memberId: 'm-li', name: '李强' };
export const ZHAO: Person = { memberId: 'm-zhao', name: '赵敏' };

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

/** An instant given as Asia/Shanghai wall-clock time (UTC+8, no DST). */
export function shanghai(date: string, time: string): number {
  return Date.parse(`${date}T${time}:00+08:00`);
}

/** A replica of `capabilities` with `ops` folded in; an op it refuses is a mistake in the test, thrown. */
export function foldedReplica(capabilities: readonly AnyCapability[], ops: readonly Op[]): SyncState {
  const state = createSyncState(capabilities);
  const result = state.apply(ops);
  if (result.invalid.length > 0 || result.failures.length > 0) {
    throw new Error(`unexpected: ${JSON.stringify({ invalid: result.invalid, failures: result.failures })}`);
  }
  return state;
}
