/**
 * What any capability may attach (a handover note, an SOP's pictures, a prize request's papers), in
 * one place so that the op schemas, the validation messages and the file pickers agree.
 */

/** 20 MiB, the limit the team was promised for screenshots and PDFs. */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
export const MAX_ATTACHMENT_NAME_CHARS = 255;

export const ALLOWED_ATTACHMENT_MIMES = [
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'application/pdf',
] as const;
export type AttachmentMime = (typeof ALLOWED_ATTACHMENT_MIMES)[number];

/** Where only a picture makes sense (an escalation's screenshot, a picture in an SOP): the image types, not PDF. */
export const PICTURE_MIMES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const satisfies readonly AttachmentMime[];
