import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Attachment } from '../../shared/attachments';
import { AttachmentsEditor } from '../attachments/AttachmentsEditor';
import { useAttachmentIntake, type AttachmentIntake } from '../attachments/use-attachment-intake';

export interface EscalationScreenshotState {
  readonly attachment: Attachment | null;
  readonly intake: AttachmentIntake;
  clear(): void;
}

/**
 * The screenshot of the complained-about Weibo post, which an escalation may carry in place of
 * (or beside) its link. The form puts `intake.onPaste` on itself, so a screenshot pasted anywhere
 * in the escalation lands here, not among the note's attachments.
 */
export function useEscalationScreenshot(): EscalationScreenshotState {
  const [attachment, setAttachment] = useState<Attachment | null>(null);
  const intake = useAttachmentIntake({ kind: 'picture', enabled: true, onAdded: setAttachment });
  return { attachment, intake, clear: () => setAttachment(null) };
}

export function EscalationScreenshot({ screenshot }: { screenshot: EscalationScreenshotState }) {
  const { t } = useTranslation();
  return (
    <div className="field escalation-screenshot" role="group" aria-labelledby="fu-screenshot-label" aria-describedby="fu-screenshot-hint">
      <span className="field__label" id="fu-screenshot-label">{t('followUps.form.screenshot')}</span>
      <p className="field__hint" id="fu-screenshot-hint">{t('followUps.form.screenshotHint')}</p>
      <AttachmentsEditor
        intake={screenshot.intake}
        items={screenshot.attachment ? [screenshot.attachment] : []}
        onRemove={screenshot.clear}
        issueNamespace="handover"
        pickLabel={screenshot.attachment ? t('followUps.form.replaceScreenshot') : t('followUps.form.pickScreenshot')}
      />
    </div>
  );
}
