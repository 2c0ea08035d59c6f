import { z } from 'zod';
import { PICTURE_MIMES, attachmentSchema, type Attachment } from '../attachments';
import { MAX_SOP_PICTURES } from './limits';

/**
 * Pictures in an SOP (a screenshot of where to click, a sample post): blobs of the attachments
 * module that a revision lists, placed in its Markdown as `![caption](picture:<sha256>)`. The
 * screen turns each reference into the picture's local blob: URL (the sanitiser allows no other
 * images); a revision lists only the pictures its text still shows.
 */

const isPicture = (mime: string): boolean => (PICTURE_MIMES as readonly string[]).includes(mime);
export const sopPictureSchema = attachmentSchema.refine((attachment) => isPicture(attachment.mime), 'only a picture (PNG, JPEG, GIF, WebP) goes in an SOP');
export const sopPicturesSchema = z.array(sopPictureSchema).max(MAX_SOP_PICTURES);

const PICTURE_REFERENCE = /!\[([^\]\n]*)\]\(picture:([0-9a-f]{64})\)/g;

/** The Markdown that shows a picture where the cursor is. Brackets in a file name would end the caption early. */
export function pictureMarkdown(picture: Pick<Attachment, 'name' | 'sha256'>): string {
  return `![${picture.name.replace(/[[\]\n]/g, ' ')}](picture:${picture.sha256})`;
}

/** The pictures the text refers to, each once, in the order of `pictures` (what the editor added). */
export function referencedPictures(body: string, pictures: readonly Attachment[]): Attachment[] {
  const shown = new Set([...body.matchAll(PICTURE_REFERENCE)].map((match) => match[2]));
  const seen = new Set<string>();
  return pictures.filter((picture) => shown.has(picture.sha256) && !seen.has(picture.sha256) && seen.add(picture.sha256));
}

/**
 * The text with each picture reference replaced: by `url(sha256)` when the picture is here, by
 * `missing(caption)` (plain text) while its blob has not arrived or the revision does not list it.
 */
export function resolvePictures(body: string, url: (sha256: string) => string | null, missing: (caption: string) => string): string {
  return body.replace(PICTURE_REFERENCE, (_, caption: string, sha256: string) => {
    const found = url(sha256);
    return found ? `![${caption}](${found})` : missing(caption);
  });
}

/** The text without the references to one picture (the person removed it in the editor). */
export function withoutPicture(body: string, sha256: string): string {
  return body.replace(PICTURE_REFERENCE, (reference: string, _caption: string, referenced: string) => (referenced === sha256 ? '' : reference));
}

const EXTENSIONS: Readonly<Record<string, string>> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif', 'image/webp': 'webp' };

/**
 * Where an export puts a picture, relative to the SOP's Markdown file: named by its bytes (two
 * SOPs showing one screenshot share the file) with the extension of its type, so any Markdown
 * viewer shows it.
 */
export function exportedPicturePath(picture: Pick<Attachment, 'sha256' | 'mime'>): string {
  return `pictures/${picture.sha256}.${EXTENSIONS[picture.mime] ?? 'bin'}`;
}
