import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { exportEverything, type ExportFile, type ExportInput } from '../../../shared/export';

/** Where an export may not go: inside the shared folder it would be synced to everyone as foreign files. */
export class ExportPlaceError extends Error {}

function inside(child: string, parent: string): boolean {
  const rel = relative(resolve(parent), resolve(child));
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && !/^[a-zA-Z]:/.test(rel));
}

/** Writes every export file under `outDir` (made if missing); answers the paths written, relative to it. */
export async function writeExport(input: ExportInput, outDir: string, sharedDir: string, more: readonly ExportFile[] = []): Promise<string[]> {
  if (!isAbsolute(outDir)) throw new ExportPlaceError('the export folder must be a full path');
  if (inside(outDir, sharedDir)) throw new ExportPlaceError('the export folder must not be inside the shared folder');
  const files = exportEverything(input, more);
  for (const file of files) {
    const target = join(outDir, ...file.path.split('/'));
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, file.content);
  }
  return files.map((file) => file.path);
}
