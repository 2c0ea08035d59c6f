import type { Checked } from '../../../shared/api/checked';
import { ApiFailure } from '../../../shared/api/result';
import { MIME_SNIFF_BYTES, detectAttachmentMime, validateAttachment, type Attachment } from '../../../shared/attachments';
import type { SyncStatus } from '../../../shared/sync/status';
import type { ValidationIssue } from '../../../shared/team-settings';
import type { Logger } from '../log';
import { BlobStore } from '../sync/blob-store';

export interface AttachmentStoreOptions {
  readonly profileDir: string;
  readonly sharedDir: () => string;
  readonly log: Logger;
  /** The sync service's status feed: blobs that waited in the profile are copied when the folder is back. */
  readonly onStatus: (listener: (status: SyncStatus) => void) => () => void;
}

/**
 * Attachments as people add them, for every capability: the type is sniffed from the bytes (names
 * and clipboards lie), checked against the limits, and stored as a content-addressed blob. A
 * refused file is refused alone: the draft it was meant for is untouched.
 */
export class AttachmentStore {
  private readonly blobs: BlobStore;
  private readonly log: Logger;
  private readonly unsubscribe: () => void;
  private publishing: Promise<void> | null = null;

  constructor(options: AttachmentStoreOptions) {
    this.blobs = new BlobStore(options.profileDir, options.sharedDir);
    this.log = options.log;
    this.unsubscribe = options.onStatus((status) => {
      if (status.available) this.publishPendingSoon();
    });
  }

  async put(name: string, dataBase64: string): Promise<Checked<{ attachment: Attachment }>> {
    const bytes = Buffer.from(dataBase64, 'base64');
    const mime = detectAttachmentMime(bytes.subarray(0, MIME_SNIFF_BYTES));
    const cleanName = name.trim().slice(0, 255) || 'attachment';
    const issues: ValidationIssue[] = validateAttachment({ name: cleanName, size: bytes.byteLength, mime });
    if (bytes.byteLength === 0) issues.push({ code: 'required', path: [], params: {} });
    if (issues.length > 0 || mime === null) return { ok: false, issues };
    const { sha256 } = await this.blobs.put(bytes);
    return { ok: true, attachment: { sha256, name: cleanName, mime, size: bytes.byteLength } };
  }

  async read(sha256: string): Promise<{ mime: string; dataBase64: string }> {
    const bytes = await this.blobs.get(sha256);
    if (!bytes) throw new ApiFailure('not-found', 'this attachment has not arrived in the shared folder yet');
    return { mime: detectAttachmentMime(bytes.subarray(0, MIME_SNIFF_BYTES)) ?? 'application/octet-stream', dataBase64: bytes.toString('base64') };
  }

  /** Copies blobs that waited in the profile, once at a time; failures are retried at the next call. */
  private publishPendingSoon(): void {
    this.publishing ??= this.blobs
      .publishPending()
      .then((moved) => {
        if (moved > 0) this.log.info('attachments', `copied ${moved} waiting attachment(s) into the shared folder`);
      })
      .catch((error: unknown) => this.log.warn('attachments', `copying waiting attachments failed: ${String(error)}`))
      .finally(() => {
        this.publishing = null;
      });
  }

  /** For tests and shutdown: waits for a copy under way. */
  async settled(): Promise<void> {
    await this.publishing;
  }

  close(): void {
    this.unsubscribe();
  }
}
