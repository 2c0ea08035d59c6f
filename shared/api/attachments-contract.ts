import { z } from 'zod';
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENT_NAME_CHARS, attachmentSchema } from '../attachments';
import { sha256Schema } from '../team-settings';
import { checked } from './checked';
import { defineOperations } from './define-operations';

/** Base64 of the 20 MiB limit, plus a little, so that a file just over it gets the readable code. */
const MAX_BASE64_CHARS = Math.ceil(((MAX_ATTACHMENT_BYTES + 1024) * 4) / 3) + 4;

/**
 * Files any capability attaches (a note's screenshots, an SOP's pictures, a prize request's papers):
 * stored once as a content-addressed blob, referred to by an `Attachment` inside the capability's
 * own op. A refused file is answered with codes (`attachments.issue.*`), not an error.
 */
export const attachmentOperations = defineOperations({
  putAttachment: {
    input: z.object({ name: z.string().min(1).max(MAX_ATTACHMENT_NAME_CHARS * 4), dataBase64: z.string().max(MAX_BASE64_CHARS) }).strict(),
    output: checked({ attachment: attachmentSchema }),
  },
  readAttachment: { input: z.object({ sha256: sha256Schema }).strict(), output: z.object({ mime: z.string(), dataBase64: z.string() }) },
});
