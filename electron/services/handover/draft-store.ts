import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { HandoverDraft } from '../../../shared/handover';
import type { Logger } from '../log';
import { writeFileAtomic } from '../sync/durable-fs';
import { SerialQueue } from '../sync/serial-queue';

/**
 * The handover draft of the person on this computer: private, never in the shared folder. Each
 * autosave replaces `<profile>/handover/drafts/current.json` atomically (temp file, fsync,
 * rename), so a crash or a power cut leaves the last save whole. Saves run one at a time.
 */
export class DraftStore {
  private readonly file: string;
  private readonly queue = new SerialQueue();
  /** Drafts edited up to this instant were submitted or discarded: a late autosave must not bring them back. */
  private closedUpTo = 0;

  constructor(
    profileDir: string,
    private readonly log: Logger,
  ) {
    const dir = join(profileDir, 'handover', 'drafts');
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    this.file = join(dir, 'current.json');
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

  /** Returns false when the draft was already submitted or discarded (an autosave that came late). */
  save(draft: HandoverDraft): Promise<boolean> {
    return this.queue.run(async () => {
      if (draft.updatedAt <= this.closedUpTo) return false;
      await writeFileAtomic(this.file, JSON.stringify(draft), { mode: 0o600 });
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
