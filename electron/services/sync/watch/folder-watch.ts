import { basename } from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import { parseSegmentFileName } from '../../../../shared/sync/segment-name';
import type { Logger } from '../../log';

/** What the file events said about the files a poll found (see `FolderWatch.judge`). */
export type WatchVerdict = 'missed' | 'heard' | 'nothing';

/**
 * File events as a hint only: they make the next poll come early. SMB and NFS shares give no
 * events at all, and engines rename files in ways watchers miss, so the poll never depends on them.
 * A watcher can also die without a word (chokidar on a folder a sync engine deleted and made
 * again): `judge` compares what polls find with what the watcher reported, and `rearm` starts it anew.
 */
export class FolderWatch {
  private watcher: FSWatcher | null = null;
  private dir: string | null = null;
  private timer: NodeJS.Timeout | null = null;
  private ready = false;
  /** Names of files the watcher reported since the last judgement. */
  private reported = new Set<string>();
  /** Files polls found before any event about them, with when: an event may still be on its way. */
  private suspects = new Map<string, number>();
  private lastHintAt = 0;

  constructor(
    private readonly onHint: () => void,
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
    // Long enough to gather one burst of an engine's writes, short enough not to delay an edit.
    private readonly settleMs = 50,
    // A busy computer delivers an event seconds late (a new device's folder is scanned before its
    // files are told of): only a file found this long ago without one says the watcher is deaf.
    private readonly lateMs = 10_000,
  ) {}

  /** Watches `dir` (the team's devices folder) instead of whatever it watched before. */
  async watch(dir: string): Promise<void> {
    await this.close();
    this.dir = dir;
    try {
      const watcher = watch(dir, { ignoreInitial: true, depth: 2, ignorePermissionErrors: true, persistent: true });
      watcher.on('all', (_event, path) => {
        const name = basename(path);
        this.reported.add(name);
        // A segment under its final name is what a poll is for: no wait, unless a poll was just
        // hinted (a burst). Anything else (an engine's temp file) may start a burst: gather it first.
        const burst = Date.now() - this.lastHintAt < this.settleMs;
        this.hint(parseSegmentFileName(name) !== null && !burst ? 0 : this.settleMs);
      });
      watcher.on('ready', () => (this.ready = this.watcher === watcher));
      watcher.on('error', (error) => this.log.warn('sync', `folder watcher: ${String(error)}; polling only`));
      this.watcher = watcher;
    } catch (error) {
      this.log.warn('sync', `cannot watch ${dir}: ${String(error)}; polling only`);
    }
  }

  /** Starts watching the same folder anew (it came back, or the watcher went quiet). */
  async rearm(): Promise<void> {
    if (this.dir) await this.watch(this.dir);
  }

  /**
   * After a poll, with the names of the files it found: 'missed' when a file found by an earlier
   * poll, `lateMs` ago or more, never got an event (the watcher is deaf), 'heard' when files found
   * had their events, 'nothing' when there is nothing to judge (no files, or no watcher ready).
   */
  judge(found: readonly string[]): WatchVerdict {
    if (!this.watcher || !this.ready) {
      this.suspects.clear();
      this.reported.clear();
      return 'nothing';
    }
    const now = this.now();
    const heard = [...this.suspects.keys(), ...found].some((name) => this.reported.has(name));
    let missed = false;
    for (const [name, foundAt] of this.suspects) {
      if (this.reported.has(name)) this.suspects.delete(name);
      else if (now - foundAt >= this.lateMs) missed = true;
    }
    for (const name of found) if (!this.reported.has(name) && !this.suspects.has(name)) this.suspects.set(name, now);
    this.reported.clear();
    if (missed) this.suspects.clear();
    return missed ? 'missed' : heard ? 'heard' : 'nothing';
  }

  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const watcher = this.watcher;
    this.watcher = null;
    this.ready = false;
    this.suspects.clear();
    this.reported.clear();
    await watcher?.close().catch(() => undefined);
  }

  /** A burst of events (a sync engine writing many files) becomes one early poll; a final segment name brings it forward. */
  private hint(delayMs: number): void {
    if (this.timer && delayMs > 0) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.lastHintAt = Date.now();
      this.onHint();
    }, delayMs);
  }
}
