import type { attachmentOperations } from '../../../shared/api/attachments-contract';
import type { HandlersOf } from '../dispatch';
import type { AttachmentStore } from './attachment-store';

/** The bridge's attachment operations, for every capability that attaches files. */
export function attachmentHandlers(store: AttachmentStore): HandlersOf<typeof attachmentOperations> {
  return {
    putAttachment: async ({ name, dataBase64 }) => store.put(name, dataBase64),
    readAttachment: async ({ sha256 }) => store.read(sha256),
  };
}
