import type { Logger } from '../log';

/** The folder work the timers start; each runs in the service's queue. */
export interface TimedJobs {
  /** A poll, and a publish of whatever waits (a folder back, a failed publish). */
  poll(): Promise<void>;
  /** A publish of the outbox (it polls first, to notice a copied profile before writing). */
  flush(): Promise<void>;
  writeCache(): Promise<void>;
}

export interface TimerSettings {
  pollIntervalMs: number;
  /** Quiet time after the last edit before the outbox is sealed. */
  flushDelayMs: number;
  cacheDelayMs: number;
}

/** However busy the editing, an edit waits at most this many flush delays. */
const MAX_FLUSH_DELAYS = 10;

/**
 * When the service polls, publishes and writes its cache: a poll every interval (earlier on a file
 * event), a publish a few seconds after the last edit, the cache a while after new files.
 */
export class SyncTimers {
  private pollTimer: NodeJS.Timeout | null = null;
  private flushTimer: NodeJS.Timeout | null = null;
  private cacheTimer: NodeJS.Timeout | null = null;
  private firstUnflushedAt: number | null = null;
  private stopped = false;

  constructor(
    private readonly jobs: TimedJobs,
    private readonly settings: TimerSettings,
    private readonly log: Logger,
    private readonly now: () => number,
  ) {}

  /** Whether an edit is waiting for its quiet time (a poll then leaves the publish to it). */
  get flushPending(): boolean {
    return this.flushTimer !== null;
  }

  schedulePoll(delay = this.settings.pollIntervalMs): void {
    if (this.stopped) return;
    if (this.pollTimer) clearTimeout(this.pollTimer);
    this.pollTimer = setTimeout(() => {
      this.pollTimer = null;
      this.jobs
        .poll()
        .catch((error: unknown) => this.log.error('sync', 'poll failed', error))
        .finally(() => this.schedulePoll());
    }, delay);
  }

  /** A file event: poll now rather than at the next tick. */
  pollSoon(): void {
    this.schedulePoll(0);
  }

  setPollInterval(ms: number): void {
    this.settings.pollIntervalMs = ms;
    this.schedulePoll();
  }

  /** An edit was recorded: publish after the quiet time, or at the latest after ten of them. */
  editRecorded(): void {
    if (this.stopped) return;
    const now = this.now();
    const delay = this.settings.flushDelayMs;
    this.firstUnflushedAt ??= now;
    const wait = Math.max(0, Math.min(delay, this.firstUnflushedAt + delay * MAX_FLUSH_DELAYS - now));
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = setTimeout(() => {
      this.flushTimer = null;
      this.firstUnflushedAt = null;
      this.jobs.flush().catch((error: unknown) => this.log.error('sync', 'publishing failed', error));
    }, wait);
  }

  /** The outbox is being published now, by hand. */
  cancelFlush(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    this.firstUnflushedAt = null;
  }

  cacheChanged(): void {
    if (this.stopped || this.cacheTimer) return;
    this.cacheTimer = setTimeout(() => {
      this.cacheTimer = null;
      this.jobs.writeCache().catch((error: unknown) => this.log.error('sync', 'writing the local cache', error));
    }, this.settings.cacheDelayMs);
  }

  stop(): void {
    this.stopped = true;
    for (const timer of [this.pollTimer, this.flushTimer, this.cacheTimer]) if (timer) clearTimeout(timer);
    this.pollTimer = this.flushTimer = this.cacheTimer = null;
  }
}
