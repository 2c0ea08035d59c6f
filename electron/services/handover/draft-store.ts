import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { HandoverDraft } from '../../../shared/handover';
import type { Logger } from '../log';
import { isBatonTempName, writeFileAtomic } from '../sync/durable-fs';
import { SerialQueue } from '../sync/serial-queue';

/**
 * The handover draft of the person on this computer: private, never in the shared folder. Each
 * autosave replaces `<profile>/handover/drafts/current.json` atomically (temp file, fsync,
 * rename), so a crash or a power cut leaves the last save whole. Saves run one at a time, and
 * only a newer draft replaces the saved one: autosaves travel on several connections at once and
 * may arrive out of order.
 */
export class DraftStore {
  private readonly dir: string;
  private readonly file: string;
  private readonly queue = new SerialQueue();
  /** Drafts edited up to this instant were submitted or discarded: a late autosave must not bring them back. */
  private closedUpTo = 0;
  /** The edit time of the draft on disk: an older autosave arriving late must not replace it. */
  private savedUpTo = 0;

  constructor(
    profileDir: string,
    private readonly log: Logger,
  ) {
    this.dir = join(profileDir, 'handover', 'drafts');
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    this.file = join(this.dir, 'current.json');
    this.removeLeftovers();
  }

  /** A save cut short by a crash leaves its temp file; the draft before it is whole. */
  private removeLeftovers(): void {
    for (const name of readdirSync(this.dir).filter(isBatonTempName)) {
      try {
        rmSync(join(this.dir, name), { force: true });
      } catch (error) {
        this.log.warn('handover', `could not remove a leftover temp file of a draft: ${String(error)}`);
      }
    }
  }

  /** The saved draft; null when there is none, or it is unreadable (logged and kept aside). */
  read(): HandoverDraft | null {
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch {
      return null;
    }
    try {
      return HandoverDraft.parse(JSON.parse(text));
    } catch (error) {
      this.log.warn('handover', `the saved draft is unreadable; starting a new one: ${String(error)}`);
      return null;
    }
  }

  /** Returns false for an autosave that came late: the draft was submitted, discarded or saved newer since. */
  save(draft: HandoverDraft): Promise<boolean> {
    return this.queue.run(async () => {
      if (draft.updatedAt <= Math.max(this.closedUpTo, this.savedUpTo)) return false;
      // The folder may have gone while the app ran (a cleaner, a profile on a synced drive): what is typed is kept anyway.
      await mkdir(this.dir, { recursive: true, mode: 0o700 });
      await writeFileAtomic(this.file, JSON.stringify(draft), { mode: 0o600 });
      this.savedUpTo = draft.updatedAt;
      return true;
    });
  }

  /** Removes the draft edited up to `updatedAt` (after a submission, or on request). */
  remove(updatedAt: number): Promise<void> {
    return this.queue.run(async () => {
      this.closedUpTo = Math.max(this.closedUpTo, updatedAt);
      rmSync(this.file, { force: true });
    });
  }
}
