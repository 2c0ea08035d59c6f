import { readFileSync, rmSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { RequestInputSchema, type RequestInputValue } from '../../../shared/api/prizes-contract';
import { entityIdSchema } from '../../../shared/team-settings';
import type { Logger } from '../log';
import { writeFileAtomic } from '../sync/durable-fs';
import { SerialQueue } from '../sync/serial-queue';

/**
 * The prize request being written on this computer: private, in the profile, until submitted.
 * `requestId` is set while a returned request is being edited for resubmission.
 */
const draftFileSchema = z.object({ draft: RequestInputSchema, requestId: entityIdSchema.nullable() });

export class PrizeDraftFile {
  private readonly file: string;
  private readonly queue = new SerialQueue();

  constructor(
    private readonly profileDir: string,
    private readonly log: Logger,
  ) {
    this.file = join(profileDir, 'prizes', 'draft.json');
  }

  read(): { draft: RequestInputValue | null; requestId: string | null } {
    try {
      return draftFileSchema.parse(JSON.parse(readFileSync(this.file, 'utf8')));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') this.log.warn('prizes', `the saved prize request draft is unreadable; starting a new one: ${String(error)}`);
      return { draft: null, requestId: null };
    }
  }

  save(draft: RequestInputValue, requestId: string | null): Promise<void> {
    return this.queue.run(async () => {
      await mkdir(join(this.profileDir, 'prizes'), { recursive: true, mode: 0o700 });
      await writeFileAtomic(this.file, JSON.stringify({ draft, requestId }), { mode: 0o600 });
    });
  }

  remove(): Promise<void> {
    return this.queue.run(async () => rmSync(this.file, { force: true }));
  }
}
