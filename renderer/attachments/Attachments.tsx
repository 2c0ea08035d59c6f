import { useTranslation } from 'react-i18next';
import type { Attachment } from '../../shared/attachments';
import { useAttachmentUrl } from './use-attachment-url';
import './attachments.css';

function AttachmentItem({ attachment, onRemove }: { attachment: Attachment; onRemove?: (() => void) | undefined }) {
  const { t } = useTranslation();
  const { url, missing } = useAttachmentUrl(attachment.sha256);
  const image = attachment.mime.startsWith('image/');
  return (
    <li className="attachment">
      {image && url ? (
        <img className="attachment__image" src={url} alt={attachment.name} />
      ) : (
        <a className="attachment__file" href={url ?? undefined} download={attachment.name}>
          {attachment.name}
        </a>
      )}
      <span className="attachment__meta">
        {attachment.name} · {Math.max(1, Math.round(attachment.size / 1024))} KB
        {missing && ` · ${t('attachments.notArrived')}`}
      </span>
      {onRemove && (
        <button type="button" className="button no-print" onClick={onRemove} aria-label={t('attachments.remove', { name: attachment.name })}>
          {t('attachments.removeShort')}
        </button>
      )}
    </li>
  );
}

/** Attachments shown inline: images as pictures (from blob: URLs), PDFs as downloads. */
export function Attachments({ items, onRemove }: { items: readonly Attachment[]; onRemove?: (sha256: string) => void }) {
  if (items.length === 0) return null;
  return (
    <ul className="attachments">
      {items.map((attachment) => (
        <AttachmentItem key={attachment.sha256} attachment={attachment} onRemove={onRemove ? () => onRemove(attachment.sha256) : undefined} />
      ))}
    </ul>
  );
}
