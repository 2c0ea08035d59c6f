import type { Logger } from '../../log';

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
  /**
   * The least time between two publishes started by edits, and so the longest an edit waits: the
   * first edit after a quiet spell is published at once, the ones that follow go together.
   */
  flushDelayMs: number;
  cacheDelayMs: number;
}

/**
 * When the service polls, publishes and writes its cache: a poll every interval (earlier on a file
 * event), a publish at once for an edit after a quiet spell and at most one per flush delay while
 * edits keep coming (the file count is compaction's job, not the wait's), the cache a while after
 * new files.
 */
export class SyncTimers {
  private pollTimer: NodeJS.Timeout | null = null;
  private flushTimer: NodeJS.Timeout | null = null;
  private cacheTimer: NodeJS.Timeout | null = null;
  /** When the last publish for edits started; the start counts as one (it publishes the outbox). */
  private lastFlushAt: number;
  private stopped = false;

  constructor(
    private readonly jobs: TimedJobs,
    private readonly settings: TimerSettings,
    private readonly log: Logger,
    private readonly now: () => number,
  ) {
    this.lastFlushAt = now();
  }

  /** Whether an edit is waiting for its quiet time (a poll then leaves the publish to it). */
  get flushPending(): boolean {
    return this.flushTimer !== null;
  }

  get pollIntervalMs(): number {
    return this.settings.pollIntervalMs;
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

  /**
   * An edit was recorded: publish now after a quiet spell, else when a flush delay has passed since
   * the last publish started. An edit already waiting means a publish is due that takes this one too
   * (never pushed back: someone who keeps typing holds nothing back).
   */
  editRecorded(): void {
    if (this.stopped || this.flushTimer) return;
    const wait = Math.max(0, this.lastFlushAt + this.settings.flushDelayMs - this.now());
    this.flushTimer = setTimeout(() => {
      this.flushTimer = null;
      this.lastFlushAt = this.now();
      this.jobs.flush().catch((error: unknown) => this.log.error('sync', 'publishing failed', error));
    }, wait);
  }

  /** The outbox is being published now, by hand. */
  cancelFlush(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    this.lastFlushAt = this.now();
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
