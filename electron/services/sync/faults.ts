import type { FaultKind, SyncFault } from '../../../shared/sync/status';
import type { Logger } from '../log';

/**
 * Problems that last (the folder away, publishing refused, a silent watcher): one WARN line when
 * each starts, one INFO line when it ends, and the list of those going on for the Sync screen.
 * A fault raised again while it lasts says nothing more (a poll every 5 s would flood the log).
 */
export class Faults {
  private readonly active = new Map<FaultKind, SyncFault>();

  constructor(
    private readonly log: Logger,
    private readonly now: () => number,
  ) {}

  /** Starts a fault, or keeps it going; true when it started now. */
  raise(kind: FaultKind, detail: string): boolean {
    const current = this.active.get(kind);
    if (current) {
      if (current.detail !== detail) this.active.set(kind, { ...current, detail });
      return false;
    }
    this.active.set(kind, { kind, since: this.now(), detail });
    this.log.warn('sync', detail);
    return true;
  }

  /** Ends a fault; `recovery` says what came right, given how long it lasted. Null when none was going on. */
  clear(kind: FaultKind, recovery: (lastedMs: number) => string): SyncFault | null {
    const current = this.active.get(kind);
    if (!current) return null;
    this.active.delete(kind);
    this.log.info('sync', recovery(this.now() - current.since));
    return current;
  }

  has(kind: FaultKind): boolean {
    return this.active.has(kind);
  }

  get all(): SyncFault[] {
    return [...this.active.values()].sort((a, b) => a.since - b.since);
  }
}

/** "34 s", "3 min 5 s": how long a fault lasted, in a log line. */
export function lasted(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}
