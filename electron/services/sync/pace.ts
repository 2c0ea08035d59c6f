import { setImmediate as nextTurn } from 'node:timers/promises';
import type { OpeningPhase } from '../../../shared/sync/status';

/**
 * How the long loops of an open (installing a team snapshot, folding a first poll's backlog) give
 * the event loop back: after about `sliceMs` of work they pause for a turn, so that the web host
 * and IPC answer meanwhile (with what is known, and the status saying what is still arriving).
 */
export interface Pace {
  /** The current slice has used up its time: pause before the next. */
  due(): boolean;
  /** Lets everything waiting (I/O, timers, API calls) run, then starts a new slice. */
  pause(): Promise<void>;
}

/** 40 ms: an API call waits at most about that for its turn, and the pauses cost under 1 %. */
export const OPEN_SLICE_MS = 40;

export function timePace(sliceMs: number = OPEN_SLICE_MS, now: () => number = () => performance.now()): Pace {
  let started = now();
  return {
    due: () => now() - started >= sliceMs,
    async pause() {
      await nextTurn();
      started = now();
    },
  };
}

/** What an open's steps are given: their pauses, and where to say how far they are (status.opening). */
export interface OpeningProgress {
  pace(): Pace;
  at(phase: OpeningPhase, done: number, total: number): void;
}

/** Never pauses, says nothing: a fold that nothing else waits on. */
export const unpaced: OpeningProgress = {
  pace: () => ({ due: () => false, pause: () => Promise.resolve() }),
  at: () => {},
};
