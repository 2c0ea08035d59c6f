import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, writeSync } from 'node:fs';
import { open, rename } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Prefix of every temporary file Baton writes, so leftovers after a crash are recognisable. */
export const tempPrefix = '.baton-tmp-';

export const isBatonTempName = (name: string) => name.startsWith(tempPrefix);

const transientRenameCodes = new Set(['EPERM', 'EBUSY', 'EACCES']);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

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

/**
 * Writes a file whole or not at all: a temp file in the same folder, fsync, rename. A rename that
 * an antivirus or sync client refuses for a while (EPERM/EBUSY/EACCES) is retried with backoff.
 */
export async function writeFileAtomic(
  file: string,
  data: Uint8Array | string,
  options: { retries?: number; firstDelayMs?: number } = {},
): Promise<void> {
  const temp = join(dirname(file), `${tempPrefix}${basename(file)}.${randomBytes(4).toString('hex')}`);
  const handle = await open(temp, 'wx');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  const retries = options.retries ?? 8;
  let delay = options.firstDelayMs ?? 50;
  for (let attempt = 0; ; attempt++) {
    try {
      await rename(temp, file);
      break;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      if (!transientRenameCodes.has(code) || attempt >= retries) throw error;
      await sleep(delay);
      delay = Math.min(delay * 2, 2000);
    }
  }
  await syncFolder(dirname(file));
}

/** Synchronous twin for the few writes that must be on disk before a call returns. */
export function appendDurableSync(file: string, text: string): void {
  const fd = openSync(file, 'a');
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export function writeFileAtomicSync(file: string, data: string): void {
  const temp = join(dirname(file), `${tempPrefix}${basename(file)}.${randomBytes(4).toString('hex')}`);
  const fd = openSync(temp, 'wx');
  try {
    writeSync(fd, data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, file);
}
