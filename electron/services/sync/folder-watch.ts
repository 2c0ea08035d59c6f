import { watch, type FSWatcher } from 'chokidar';
import type { Logger } from '../log';

/**
 * File events as a hint only: they make the next poll come early. SMB and NFS shares give no
 * events at all, and engines rename files in ways watchers miss, so the poll never depends on them.
 */
export class FolderWatch {
  private watcher: FSWatcher | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly onHint: () => void,
    private readonly log: Logger,
    // Long enough to gather one burst of an engine's writes, short enough not to delay an edit.
    private readonly settleMs = 50,
  ) {}

  /** Watches `dir` (the team's devices folder) instead of whatever it watched before. */
  async watch(dir: string): Promise<void> {
    await this.close();
    try {
      const watcher = watch(dir, { ignoreInitial: true, depth: 2, ignorePermissionErrors: true, persistent: true });
      watcher.on('all', () => this.hint());
      watcher.on('error', (error) => this.log.warn('sync', `folder watcher: ${String(error)}; polling only`));
      this.watcher = watcher;
    } catch (error) {
      this.log.warn('sync', `cannot watch ${dir}: ${String(error)}; polling only`);
    }
  }

  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const watcher = this.watcher;
    this.watcher = null;
    await watcher?.close().catch(() => undefined);
  }

  /** A burst of events (a sync engine writing many files) becomes one early poll. */
  private hint(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.onHint();
    }, this.settleMs);
  }
}
