import { open, readdir, stat } from 'node:fs/promises';

/**
 * The file reads of the folder reader, behind an interface so that tests can count them or make
 * them fail the way a network share does (EIO, EACCES, a file vanishing mid-read).
 */
export interface FileInfo {
  readonly size: number;
  readonly mtimeMs: number;
  /** Status change time: moves when the content is rewritten even if the mtime is set back. */
  readonly ctimeMs?: number;
  readonly isFile: boolean;
  readonly isDirectory: boolean;
}

/** An open file read in parts (a team snapshot, parsed while the rest of it arrives). */
export interface ReadHandle {
  /** Its size when opened. */
  readonly size: number;
  /** Reads up to `length` bytes at `position` into `into` at `offset`; the bytes read (0 at the end). */
  read(into: Uint8Array, offset: number, length: number, position: number): Promise<number>;
  close(): Promise<void>;
}

export interface ReaderFs {
  stat(path: string): Promise<FileInfo>;
  readdir(path: string): Promise<string[]>;
  readFile(path: string): Promise<Uint8Array>;
  /** Without it, a file read in parts is read whole first (`readFile`). */
  openRead?(path: string): Promise<ReadHandle>;
}

export const nodeReaderFs: ReaderFs = {
  async stat(path) {
    const info = await stat(path);
    return { size: info.size, mtimeMs: info.mtimeMs, ctimeMs: info.ctimeMs, isFile: info.isFile(), isDirectory: info.isDirectory() };
  },
  readdir: (path) => readdir(path),
  readFile: readWhole,
  openRead: async (path) => {
    const handle = await open(path, 'r');
    try {
      const { size } = await handle.stat();
      return {
        size,
        read: async (into, offset, length, position) => (await handle.read(into, offset, length, position)).bytesRead,
        close: () => handle.close(),
      };
    } catch (error) {
      await handle.close();
      throw error;
    }
  },
};

/** From this size on, a file is read into shared memory: a snapshot is hashed on another thread. */
const SHARED_FROM_BYTES = 32 * 1024 * 1024;

/**
 * One read of the size the file has when opened: `fs.readFile` reads in 512 KiB steps, a thread
 * pool round trip each, which made reading a 160 MB snapshot a third slower. A file that grows
 * meanwhile is read up to that size (the caller compares sizes); one that shrinks, up to its end.
 */
async function readWhole(path: string): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const bytes = size >= SHARED_FROM_BYTES ? Buffer.from(new SharedArrayBuffer(size)) : Buffer.allocUnsafe(size);
    let offset = 0;
    while (offset < size) {
      const { bytesRead } = await handle.read(bytes, offset, size - offset, offset);
      if (bytesRead === 0) break;
      offset += bytesRead;
    }
    return bytes.subarray(0, offset);
  } finally {
    await handle.close();
  }
}

export const errorCode = (error: unknown): string => (error as NodeJS.ErrnoException | null)?.code ?? '';

/** Errors a share gives for a while and then not: look again at the next poll. */
const transientCodes = new Set(['EIO', 'ENOENT', 'EAGAIN', 'EBUSY', 'ETIMEDOUT', 'ECONNRESET', 'EHOSTDOWN', 'ESTALE', 'EINTR', 'EMFILE', 'ENFILE', 'EACCES', 'EPERM', 'UNKNOWN']);
export const isTransientReadError = (error: unknown) => transientCodes.has(errorCode(error));
