import { z } from 'zod';
import { sha256Schema } from '../team-settings';
import { ALLOWED_ATTACHMENT_MIMES, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENT_NAME_CHARS, type AttachmentMime } from './limits';

/**
 * An attachment is a reference to a content-addressed blob (`blobs/<2 hex>/<sha256>` in the shared
 * folder): the note names the bytes, the blob store holds them once however often they are attached.
 */
export const attachmentSchema = z.object({
  sha256: sha256Schema,
  /** The file name as the person saw it; a pasted screenshot gets one from the UI. */
  name: z.string().trim().min(1).max(MAX_ATTACHMENT_NAME_CHARS),
  mime: z.enum(ALLOWED_ATTACHMENT_MIMES),
  size: z.number().int().min(1).max(MAX_ATTACHMENT_BYTES),
});
export type Attachment = z.output<typeof attachmentSchema>;

const SIGNATURES: ReadonlyArray<{ readonly mime: AttachmentMime; readonly test: (bytes: Uint8Array) => boolean }> = [
  { mime: 'image/png', test: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { mime: 'image/jpeg', test: (b) => startsWith(b, [0xff, 0xd8, 0xff]) },
  { mime: 'image/gif', test: (b) => ascii(b, 0, 'GIF87a') || ascii(b, 0, 'GIF89a') },
  { mime: 'image/webp', test: (b) => ascii(b, 0, 'RIFF') && ascii(b, 8, 'WEBP') },
  { mime: 'application/pdf', test: (b) => ascii(b, 0, '%PDF-') },
];

/** Bytes needed by `detectAttachmentMime`: read this much of a file, not all 20 MB. */
export const MIME_SNIFF_BYTES = 16;

/**
 * The type of a file from its first bytes. The name's extension and the clipboard's claimed type
 * lie often enough (a .png that is a HEIC, an .exe renamed) that the stored `mime` is this.
 * Null for anything else.
 */
export function detectAttachmentMime(head: Uint8Array): AttachmentMime | null {
  return SIGNATURES.find((signature) => signature.test(head))?.mime ?? null;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

function ascii(bytes: Uint8Array, offset: number, text: string): boolean {
  return [...text].every((char, index) => bytes[offset + index] === char.charCodeAt(0));
}
