import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { writeFileAtomic } from './durable-fs';
import { teamFolderLayout } from './layout';
import { mkdirInTeamFolder } from './team-folder-mkdir';

/**
 * Content-addressed blobs (attachments): `<shared>/baton/blobs/<2 hex>/<sha256>`. A blob is
 * named by its bytes, so it is written once (temp file + rename) and never changed, and two
 * devices writing the same screenshot write the same file. When the shared folder is away (or
 * holds no team yet) the blob waits in the profile and is copied when the folder is back: a note
 * is never refused because the share dropped.
 */
export class BlobStore {
  constructor(
    private readonly profileDir: string,
    private readonly sharedDir: () => string,
  ) {}

  private writeShared(sha256: string, bytes: Uint8Array): Promise<void> {
    const sharedDir = this.sharedDir();
    return writeOnce(teamFolderLayout(sharedDir).blobFile(sha256), bytes, (dir) => mkdirInTeamFolder(sharedDir, dir));
  }

  /** Under handover/ because that is where blobs first waited: profiles of earlier versions keep theirs. */
  private pendingFile(sha256: string): string {
    return join(this.profileDir, 'handover', 'pending-blobs', sha256);
  }

  /** The team folder is usable when it holds a team (team.json); we never create one here. */
  private async sharedReady(): Promise<boolean> {
    try {
      return (await stat(teamFolderLayout(this.sharedDir()).teamFile)).isFile();
    } catch {
      return false;
    }
  }

  /** Stores the bytes; `shared: false` when they wait in the profile for the folder. */
  async put(bytes: Uint8Array): Promise<{ sha256: string; shared: boolean }> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    if (await this.sharedReady()) {
      try {
        await this.writeShared(sha256, bytes);
        return { sha256, shared: true };
      } catch {
        // The share failed mid-write: keep the bytes here, copied later.
      }
    }
    await writeOnce(this.pendingFile(sha256), bytes, (dir) => mkdir(dir, { recursive: true }));
    return { sha256, shared: false };
  }

  /** The bytes, from the shared folder or the profile's waiting ones; null when neither has them (yet). */
  async get(sha256: string): Promise<Buffer | null> {
    return (await readSharedBlob(this.sharedDir(), sha256)) ?? (await readVerified(this.pendingFile(sha256), sha256));
  }

  /** Copies waiting blobs into the shared folder; returns how many moved. */
  async publishPending(): Promise<number> {
    const dir = join(this.profileDir, 'handover', 'pending-blobs');
    let names: string[];
    try {
      names = (await readdir(dir)).filter((name) => /^[0-9a-f]{64}$/.test(name));
    } catch {
      return 0;
    }
    if (names.length === 0 || !(await this.sharedReady())) return 0;
    let moved = 0;
    for (const sha256 of names) {
      const bytes = await readFile(join(dir, sha256));
      await this.writeShared(sha256, bytes);
      await rm(join(dir, sha256), { force: true });
      moved += 1;
    }
    return moved;
  }
}

/** Content-addressed: an existing file of the right size already holds these bytes. */
async function writeOnce(file: string, bytes: Uint8Array, makeDir: (dir: string) => Promise<unknown>): Promise<void> {
  try {
    if ((await stat(file)).size === bytes.byteLength) return;
  } catch {
    // Not there yet.
  }
  await makeDir(dirname(file));
  await writeFileAtomic(file, bytes);
}

/** The bytes of a blob in the shared folder (an export reads them there); null while it has not arrived whole. */
export function readSharedBlob(sharedDir: string, sha256: string): Promise<Buffer | null> {
  return readVerified(teamFolderLayout(sharedDir).blobFile(sha256), sha256);
}

async function readVerified(file: string, sha256: string): Promise<Buffer | null> {
  try {
    const bytes = await readFile(file);
    // A half-synced copy from another device is not the blob.
    return createHash('sha256').update(bytes).digest('hex') === sha256 ? bytes : null;
  } catch {
    return null;
  }
}
