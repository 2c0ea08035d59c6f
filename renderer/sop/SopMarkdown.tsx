import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Attachment } from '../../shared/attachments';
import { resolvePictures } from '../../shared/sop';
import { attachmentUrl } from '../attachments/attachment-urls';
import { Markdown } from '../markdown/Markdown';

/**
 * An SOP's text with its pictures: each `picture:<sha256>` reference becomes the blob: URL this
 * window made for it (the sanitiser allows no other images); one not arrived yet is named instead.
 */
export function SopMarkdown({ source, pictures }: { source: string; pictures: readonly Attachment[] }) {
  const { t } = useTranslation();
  const [urls, setUrls] = useState<ReadonlyMap<string, string>>(new Map());
  const key = pictures.map((picture) => picture.sha256).join(',');

  useEffect(() => {
    let live = true;
    const shas = key === '' ? [] : key.split(',');
    void Promise.all(shas.map(async (sha256) => [sha256, await attachmentUrl(sha256)] as const)).then((found) => {
      if (live) setUrls(new Map(found.flatMap(([sha256, url]) => (url ? [[sha256, url] as const] : []))));
    });
    return () => {
      live = false;
    };
  }, [key]);

  const text = resolvePictures(source, (sha256) => urls.get(sha256) ?? null, (caption) => `*${t('sop.pictures.notHere', { caption })}*`);
  return <Markdown source={text} />;
}
