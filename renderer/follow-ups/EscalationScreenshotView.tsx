import { useTranslation } from 'react-i18next';
import { useAttachmentUrl } from '../attachments/use-attachment-url';

/** The screenshot an escalation was made with, large enough to read the post. */
export function EscalationScreenshotView({ sha256 }: { sha256: string }) {
  const { t } = useTranslation();
  const { url, missing } = useAttachmentUrl(sha256);
  return (
    <figure className="escalation-shot">
      {url ? (
        <img className="escalation-shot__image" src={url} alt={t('followUps.screenshotAlt')} />
      ) : (
        <p className="muted">{missing ? t('followUps.screenshotNotArrived') : t('handover.loading')}</p>
      )}
      <figcaption className="field__hint">{t('followUps.screenshotCaption')}</figcaption>
    </figure>
  );
}
