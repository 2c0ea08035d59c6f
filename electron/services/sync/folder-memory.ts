import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { randomIdSchema } from '../../../shared/sync/team-files';
import { writeFileAtomicSync } from './durable-fs';

/**
 * Which team each shared folder held when last seen (`<profile>/sync/folders.json`), so that the
 * team's data is shown from the local cache while its folder is away (a share that dropped).
 */
const FORMAT = 'baton/folders@1';
const schema = z.strictObject({ format: z.literal(FORMAT), folders: z.record(z.string(), randomIdSchema) });

export class FolderMemory {
  private folders: Record<string, string> = {};

  constructor(private readonly file: string) {
    try {
      const parsed = schema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
      if (parsed.success) this.folders = parsed.data.folders;
    } catch {
      // None yet, or damaged: it is only a convenience, rebuilt the next time a folder is seen.
    }
  }

  teamOf(sharedDir: string): string | null {
    return this.folders[sharedDir] ?? null;
  }

  remember(sharedDir: string, teamId: string): void {
    if (this.folders[sharedDir] === teamId) return;
    this.folders = { ...this.folders, [sharedDir]: teamId };
    writeFileAtomicSync(this.file, `${JSON.stringify({ format: FORMAT, folders: this.folders })}\n`);
  }
}
