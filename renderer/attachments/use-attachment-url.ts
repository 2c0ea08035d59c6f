import { useEffect, useState } from 'react';
import { attachmentUrl } from './attachment-urls';

/** The blob: URL of a stored attachment; `missing` once the shared folder has answered that it is not there yet. */
export function useAttachmentUrl(sha256: string): { url: string | null; missing: boolean } {
  const [found, setFound] = useState<{ sha256: string; url: string | null } | null>(null);
  useEffect(() => {
    let live = true;
    void attachmentUrl(sha256).then((url) => {
      if (live) setFound({ sha256, url });
    });
    return () => {
      live = false;
    };
  }, [sha256]);
  const current = found?.sha256 === sha256 ? found : null;
  return { url: current?.url ?? null, missing: current !== null && current.url === null };
}
