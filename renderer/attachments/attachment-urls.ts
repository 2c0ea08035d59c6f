import { baton } from '../bridge/baton';

/** blob: URLs of attachments, made once per window: the Markdown sanitiser allows images only from these. */
const urls = new Map<string, Promise<string | null>>();

export function attachmentUrl(sha256: string): Promise<string | null> {
  let url = urls.get(sha256);
  if (!url) {
    url = baton.readAttachment({ sha256 }).then((result) => {
      if (!result.ok) {
        urls.delete(sha256);
        return null;
      }
      const bytes = Uint8Array.from(atob(result.value.dataBase64), (char) => char.charCodeAt(0));
      return URL.createObjectURL(new Blob([bytes], { type: result.value.mime }));
    });
    urls.set(sha256, url);
  }
  return url;
}

/** A file as base64 for the bridge. */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}
