import { resolve } from 'node:path';

/** Enough for a long day of exports; the oldest are forgotten first. */
const MAX_REMEMBERED = 1000;

/**
 * The files "Show in folder" may reveal: those Baton itself wrote for the person (a PDF saved, an
 * export, an attachment saved to disk: each service calls `remember` with the path it wrote), and
 * those it lists on screen (files of the shared folder set aside, asked through `listed`). Any
 * other path is refused, so that a page that got hold of the bridge cannot probe or open the disk.
 */
export class ShowablePaths {
  private readonly written = new Set<string>();

  constructor(private readonly listed: () => Iterable<string>) {}

  remember(path: string): void {
    const key = resolve(path);
    this.written.delete(key);
    this.written.add(key);
    if (this.written.size > MAX_REMEMBERED) this.written.delete(this.written.values().next().value!);
  }

  mayShow(path: string): boolean {
    const key = resolve(path);
    if (this.written.has(key)) return true;
    for (const listed of this.listed()) if (resolve(listed) === key) return true;
    return false;
  }
}
