import { issue, type ValidationIssue } from '../team-settings';
import { ALLOWED_ATTACHMENT_MIMES, MAX_ATTACHMENT_BYTES, PICTURE_MIMES } from './limits';

/** The codes of a refused file; the texts are under `attachments.issue.*` in the renderer. */
export const ATTACHMENT_VALIDATION_CODES = [
  /** params: { name, size, max } (bytes) */
  'attachment-too-large',
  /** params: { name, mime, allowed } (mime 'unknown' when unrecognised; allowed comma-separated) */
  'attachment-type',
  /** params: { name, mime } (mime 'unknown' when unrecognised) — only a picture may go here */
  'picture-type',
] as const;
export type AttachmentValidationCode = (typeof ATTACHMENT_VALIDATION_CODES)[number];
type Issue = ValidationIssue<AttachmentValidationCode>;

/** A file about to be attached; `mime` from `detectAttachmentMime` (null: not recognised). */
export interface FileToAttach {
  readonly name: string;
  readonly size: number;
  readonly mime: string | null;
}

function fileIssues(file: FileToAttach, allowed: readonly string[], typeIssue: () => Issue): Issue[] {
  const issues: Issue[] = [];
  if (file.size > MAX_ATTACHMENT_BYTES) {
    issues.push(issue('attachment-too-large', [], { name: file.name, size: file.size, max: MAX_ATTACHMENT_BYTES }));
  }
  if (!allowed.includes(file.mime ?? '')) issues.push(typeIssue());
  return issues;
}

export function validateAttachment(file: FileToAttach): Issue[] {
  return fileIssues(file, ALLOWED_ATTACHMENT_MIMES, () =>
    issue('attachment-type', [], { name: file.name, mime: file.mime ?? 'unknown', allowed: ALLOWED_ATTACHMENT_MIMES.join(', ') }),
  );
}

/** A file that must be a picture (an escalation's screenshot, a picture in an SOP): a PDF is not one. */
export function validatePicture(file: FileToAttach): Issue[] {
  return fileIssues(file, PICTURE_MIMES, () => issue('picture-type', [], { name: file.name, mime: file.mime ?? 'unknown' }));
}
