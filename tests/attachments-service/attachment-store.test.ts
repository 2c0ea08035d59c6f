import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AttachmentStore } from '../../electron/services/attachments/attachment-store';
import type { Logger } from '../../electron/services/log';
import { teamFolderLayout } from '../../electron/services/sync/layout';
import { MAX_ATTACHMENT_BYTES } from '../../shared/attachments';
import type { SyncStatus } from '../../shared/sync/status';

/** The store alone, on temp folders: the sync service is only its status feed, played by hand here. */

const made: string[] = [];
const stores: AttachmentStore[] = [];
afterEach(() => {
  for (const store of stores.splice(0)) store.close();
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const lines: string[] = [];
const log: Logger = { info: (area, message) => lines.push(`${area}: ${message}`), warn: (area, message) => lines.push(`${area}: ${message}`), error: () => undefined };

function computer() {
  const root = mkdtempSync(join(tmpdir(), 'baton-attachments-'));
  made.push(root);
  const sharedDir = join(root, 'shared');
  const listeners: Array<(status: SyncStatus) => void> = [];
  const store = new AttachmentStore({
    profileDir: join(root, 'profile'),
    sharedDir: () => sharedDir,
    log,
    onStatus: (listener) => {
      listeners.push(listener);
      return () => listeners.splice(listeners.indexOf(listener), 1);
    },
  });
  stores.push(store);
  // A folder holds a team once it has team.json; the store never makes one.
  const makeTeam = () => {
    const teamFile = teamFolderLayout(sharedDir).teamFile;
    mkdirSync(dirname(teamFile), { recursive: true });
    writeFileSync(teamFile, '{}');
  };
  const folderBack = () => listeners.forEach((listener) => listener({ available: true } as SyncStatus));
  const blobDir = (sha256: string) => dirname(teamFolderLayout(sharedDir).blobFile(sha256));
  return { store, makeTeam, folderBack, blobDir };
}

/** The smallest PNG header the sniffer recognises, padded to `size` bytes. */
function pngBase64(size: number): string {
  const bytes = Buffer.alloc(size, 7);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(bytes);
  return bytes.toString('base64');
}

describe('the attachment store', () => {
  it('checks files by their bytes and size, never by name, and stores the same bytes once', async () => {
    const { store, makeTeam, blobDir } = computer();
    makeTeam();
    const ok = await store.put('shot.png', pngBase64(1000));
    expect(ok).toMatchObject({ ok: true, attachment: { mime: 'image/png', size: 1000, name: 'shot.png' } });
    if (!ok.ok) return;
    expect(readdirSync(blobDir(ok.attachment.sha256))).toEqual([ok.attachment.sha256]);
    await store.put('again.png', pngBase64(1000));
    expect(readdirSync(blobDir(ok.attachment.sha256))).toEqual([ok.attachment.sha256]);

    const fake = await store.put('virus.png', Buffer.from('MZ not a picture').toString('base64'));
    expect(fake).toMatchObject({ ok: false, issues: [{ code: 'attachment-type', params: { mime: 'unknown' } }] });
    const big = await store.put('big.png', pngBase64(MAX_ATTACHMENT_BYTES + 1));
    expect(big).toMatchObject({ ok: false, issues: [{ code: 'attachment-too-large', params: { max: MAX_ATTACHMENT_BYTES } }] });
    expect(await store.put('empty.png', '')).toMatchObject({ ok: false });
  });

  it('keeps a file in the profile while the folder has no team, readable, and copies it when the folder is back', async () => {
    const { store, makeTeam, folderBack, blobDir } = computer();
    const put = await store.put('截图.png', pngBase64(64));
    if (!put.ok) throw new Error('refused');
    const { sha256 } = put.attachment;
    expect(await store.read(sha256)).toMatchObject({ mime: 'image/png', dataBase64: pngBase64(64) });

    makeTeam();
    folderBack();
    await store.settled();
    expect(readdirSync(blobDir(sha256))).toEqual([sha256]);
    expect(lines).toContain('attachments: copied 1 waiting attachment(s) into the shared folder');
  });

  it('answers not-found for bytes that have not arrived', async () => {
    const { store } = computer();
    await expect(store.read('a'.repeat(64))).rejects.toMatchObject({ code: 'not-found' });
  });
});
