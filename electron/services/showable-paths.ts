import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import type { Logger } from './log';
import { writeFileAtomicSync } from './sync/durable-fs';

/** Enough for a long day of exports; the oldest are forgotten first. */
const MAX_REMEMBERED = 1000;

const FORMAT = 'baton/showable@1';
const fileSchema = z.strictObject({ format: z.literal(FORMAT), paths: z.array(z.string().min(1).max(4096)).max(MAX_REMEMBERED) });

/**
 * The files "Show in folder" may reveal: those Baton itself wrote for the person (a PDF saved, an
 * export, an attachment saved to disk: each service calls `remember` with the path it wrote), and
 * those it lists on screen (files of the shared folder set aside, asked through `listed`). Any
 * other path is refused, so that a page that got hold of the bridge cannot probe or open the disk.
 * What Baton wrote is kept in the profile (`file`), so that a file saved yesterday can still be
 * shown after a restart.
 */
export class ShowablePaths {
  private readonly written = new Set<string>();

  constructor(
    private readonly listed: () => Iterable<string>,
    private readonly file: string,
    private readonly log: Logger,
  ) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      return; // Nothing saved yet.
    }
    try {
      for (const path of fileSchema.parse(JSON.parse(text)).paths) this.written.add(resolve(path));
    } catch (error) {
      // Only a convenience: a damaged list means older files are not shown until saved again.
      log.warn('app', `${file} is damaged; files saved before are not offered to show in their folder: ${String(error)}`);
    }
  }

  remember(...paths: string[]): void {
    for (const path of paths) {
      const key = resolve(path);
      this.written.delete(key);
      this.written.add(key);
      if (this.written.size > MAX_REMEMBERED) this.written.delete(this.written.values().next().value!);
    }
    try {
      writeFileAtomicSync(this.file, `${JSON.stringify({ format: FORMAT, paths: [...this.written] })}\n`);
    } catch (error) {
      this.log.warn('app', `could not keep the list of files Baton saved (${this.file}); it holds until the app stops: ${String(error)}`);
    }
  }

  mayShow(path: string): boolean {
    const key = resolve(path);
    if (this.written.has(key)) return true;
    for (const listed of this.listed()) if (resolve(listed) === key) return true;
    return false;
  }
}
