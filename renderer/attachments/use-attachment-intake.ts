import { useState, type ClipboardEvent } from 'react';
import { ALLOWED_ATTACHMENT_MIMES, MIME_SNIFF_BYTES, PICTURE_MIMES, detectAttachmentMime, validateAttachment, validatePicture, type Attachment, type FileToAttach } from '../../shared/attachments';
import { type ValidationIssue } from '../../shared/team-settings';
import { reportError } from '../app/errors/report-error';
import { baton } from '../bridge/baton';
import { fileToBase64 } from './attachment-urls';

/** What a place takes: a note or an addendum any attachment, an escalation's screenshot or an SOP only a picture. */
const KINDS = {
  attachment: { check: validateAttachment, mimes: ALLOWED_ATTACHMENT_MIMES },
  picture: { check: validatePicture, mimes: PICTURE_MIMES },
} as const satisfies Record<string, { check: (file: FileToAttach) => ValidationIssue[]; mimes: readonly string[] }>;

export interface AttachmentIntake {
  /** For the file picker's `accept`. */
  readonly accept: string;
  /** Why the files last given were refused, each naming its file; empty once all were taken. */
  readonly issues: readonly ValidationIssue[];
  add(files: readonly File[]): Promise<void>;
  /** Takes pasted files (a screenshot) and keeps the paste from reaching an outer place. */
  onPaste(event: ClipboardEvent): void;
}

interface Options {
  kind: keyof typeof KINDS;
  /** False while this computer may not write: a paste then does nothing. */
  enabled: boolean;
  onAdded: (attachment: Attachment) => void;
}

/** A list with the attachment added once: the same bytes attached twice are one blob and one entry. */
export const withAttachment = (list: readonly Attachment[], attachment: Attachment): Attachment[] =>
  list.some((item) => item.sha256 === attachment.sha256) ? [...list] : [...list, attachment];

/** Clipboards call every picture "image.png": a pasted one is named by when it was pasted. */
function namePasted(files: readonly File[]): File[] {
  const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
  return files.map((file, index) => {
    if (file.name && file.name !== 'image.png') return file;
    const extension = file.type.startsWith('image/') ? file.type.slice('image/'.length).replace('jpeg', 'jpg') : 'png';
    return new File([file], `screenshot-${stamp}-${index + 1}.${extension}`, { type: file.type });
  });
}

/**
 * Files picked or pasted, checked where the person is and stored as blobs. The size and the
 * first bytes are checked here, before a refused file is read whole and sent (up to 20 MB); the
 * service checks again. A refused file is refused alone: nothing typed around it changes.
 */
export function useAttachmentIntake({ kind, enabled, onAdded }: Options): AttachmentIntake {
  const [issues, setIssues] = useState<ValidationIssue[]>([]);
  const { check, mimes } = KINDS[kind];

  const add = async (files: readonly File[]) => {
    const refused: ValidationIssue[] = [];
    for (const file of files) {
      const head = new Uint8Array(await file.slice(0, MIME_SNIFF_BYTES).arrayBuffer());
      const problems = check({ name: file.name, size: file.size, mime: detectAttachmentMime(head) });
      if (problems.length > 0) {
        refused.push(...problems);
        continue;
      }
      const result = await baton.putAttachment({ name: file.name, dataBase64: await fileToBase64(file) });
      if (!result.ok) reportError(result.error, 'errors.couldNotAttach');
      else if (!result.value.ok) refused.push(...result.value.issues);
      else onAdded(result.value.attachment);
    }
    setIssues(refused);
  };

  const onPaste = (event: ClipboardEvent) => {
    const files = [...event.clipboardData.files];
    if (files.length === 0 || !enabled) return;
    event.preventDefault();
    event.stopPropagation();
    void add(namePasted(files));
  };

  return { accept: mimes.join(','), issues, add, onPaste };
}
