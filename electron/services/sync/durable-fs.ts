import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { link, open, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Prefix of every temporary file Baton writes, so leftovers after a crash are recognisable. */
export const tempPrefix = '.baton-tmp-';

export const isBatonTempName = (name: string) => name.startsWith(tempPrefix);

const transientRenameCodes = new Set(['EPERM', 'EBUSY', 'EACCES']);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The one file operation a test needs to refuse (an antivirus or sync client holding the file). */
export interface RenameFs {
  rename(from: string, to: string): Promise<void>;
}
export const nodeRenameFs: RenameFs = { rename };

export interface AtomicWriteOptions {
  retries?: number;
  firstDelayMs?: number;
  fs?: RenameFs;
}

const tempNameFor = (file: string) => join(dirname(file), `${tempPrefix}${basename(file)}.${randomBytes(4).toString('hex')}`);

/** Makes a rename survive power loss on file systems that need the folder synced too. */
async function syncFolder(folder: string): Promise<void> {
  let handle;
  try {
    handle = await open(folder, 'r');
    await handle.sync();
  } catch {
    // Windows and some network shares cannot open a folder for syncing; the rename still happened.
  } finally {
    await handle?.close();
  }
}

async function writeTemp(temp: string, data: Uint8Array | string, mode?: number): Promise<void> {
  const handle = await open(temp, 'wx', mode);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function removeQuietly(file: string): Promise<void> {
  try {
    await unlink(file);
  } catch {
    // Already gone, or held: it is a temp file of ours, the next start removes it.
  }
}

/** Renames, retrying what an antivirus or sync client refuses for a while (EPERM/EBUSY/EACCES). */
async function renameWithRetry(temp: string, file: string, options: AtomicWriteOptions): Promise<void> {
  const fs = options.fs ?? nodeRenameFs;
  const retries = options.retries ?? 8;
  let delay = options.firstDelayMs ?? 50;
  for (let attempt = 0; ; attempt++) {
    try {
      await fs.rename(temp, file);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      if (!transientRenameCodes.has(code) || attempt >= retries) throw error;
      await sleep(delay);
      delay = Math.min(delay * 2, 2000);
    }
  }
}

/**
 * Writes a file whole or not at all: a temp file in the same folder, fsync, rename. A rename that
 * an antivirus or sync client refuses for a while (EPERM/EBUSY/EACCES) is retried with backoff; if
 * it never succeeds the temp file is removed and the error thrown (the caller keeps its data).
 */
export async function writeFileAtomic(
  file: string,
  data: Uint8Array | string,
  options: AtomicWriteOptions & { mode?: number } = {},
): Promise<void> {
  const temp = tempNameFor(file);
  try {
    await writeTemp(temp, data, options.mode);
    await renameWithRetry(temp, file, options);
  } catch (error) {
    await removeQuietly(temp);
    throw error;
  }
  await syncFolder(dirname(file));
}

/**
 * Creates a file that must never be overwritten (team.json, device.json): whole, and only if no
 * file of that name exists. A hard link fails on an existing name, atomically; file systems without
 * hard links (FAT, some network shares) get a check followed by a rename instead.
 * Returns false if the file already existed.
 */
export async function writeFileOnce(file: string, data: string, options: AtomicWriteOptions = {}): Promise<boolean> {
  const temp = tempNameFor(file);
  try {
    await writeTemp(temp, data);
    try {
      await link(temp, file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') return false;
      if (await exists(file)) return false;
      await renameWithRetry(temp, file, options);
      return true;
    }
    await syncFolder(dirname(file));
    return true;
  } finally {
    await removeQuietly(temp);
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}

/** writeSync may write less than asked (rare on local files, possible on some mounts). */
function writeAllSync(fd: number, text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  for (let offset = 0; offset < bytes.length; ) offset += writeSync(fd, bytes, offset);
}

/** Synchronous twin for the few writes that must be on disk before a call returns. */
export function appendDurableSync(file: string, text: string): void {
  const fd = openSync(file, 'a');
  try {
    writeAllSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export function writeFileAtomicSync(file: string, data: string, options: { mode?: number } = {}): void {
  const temp = tempNameFor(file);
  try {
    const fd = openSync(temp, 'wx', options.mode);
    try {
      writeAllSync(fd, data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, file);
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {
      // Never created, or already renamed.
    }
    throw error;
  }
}
