import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Attachment } from '../../shared/attachments';
import type { ValidationIssue } from '../../shared/team-settings';
import { reportError } from '../app/errors/report-error';
import { baton } from '../bridge/baton';
import { useCanWrite } from '../team/use-can-write';
import { AttachmentsEditor } from '../attachments/AttachmentsEditor';
import { issueText, issuesByPlace } from '../app/format';
import { useAttachmentIntake, withAttachment } from '../attachments/use-attachment-intake';

/**
 * A 补充说明 to a submitted note: words, and screenshots or PDFs pasted into the box or picked.
 * The note itself never changes; the addendum is shown after it with who added it and when.
 */
export function AddendumForm({ noteId }: { noteId: string }) {
  const { t } = useTranslation();
  const canWrite = useCanWrite();
  const [text, setText] = useState('');
  const [attachments, setAttachments] = useState<Attachment[]>([]);
  const [issues, setIssues] = useState<ValidationIssue[]>([]);
  const intake = useAttachmentIntake({ kind: 'attachment', enabled: canWrite, onAdded: (added) => setAttachments((current) => withAttachment(current, added)) });

  const save = async () => {
    const result = await baton.addHandoverAddendum({ id: noteId, text, attachments });
    if (!result.ok) return reportError(result.error, 'errors.couldNotSave');
    if (!result.value.ok) return setIssues(result.value.issues);
    setIssues([]);
    // Typed or attached while it was saving: kept.
    setText((current) => (current === text ? '' : current));
    setAttachments((current) => (current === attachments ? [] : current));
  };

  const places = issuesByPlace(issues);
  const textsAt = (place: string) => (places.get(place) ?? []).map((issue) => issueText(issue, t, 'handover'));
  return (
    <div className="field addendum no-print" onPaste={intake.onPaste}>
      <label className="field__label" htmlFor="addendum">{t('handover.note.addAddendum')}</label>
      <textarea
        id="addendum"
        className="input"
        rows={3}
        value={text}
        disabled={!canWrite}
        aria-describedby="addendum-hint"
        aria-invalid={textsAt('text').length > 0}
        onChange={(event) => setText(event.target.value)}
      />
      <p className="field__hint" id="addendum-hint">{canWrite ? t('handover.note.addendumHint') : t('team.readOnly')}</p>
      {textsAt('text').length > 0 && <p className="field__error" role="alert">{textsAt('text').join(' ')}</p>}
      <AttachmentsEditor
        intake={intake}
        items={attachments}
        onRemove={(sha) => setAttachments((current) => current.filter((item) => item.sha256 !== sha))}
        pickLabel={t('handover.attachments.pick')}
        errors={textsAt('attachments')}
        multiple
        disabled={!canWrite}
      />
      <div className="button-row">
        <button type="button" className="button" disabled={!canWrite} onClick={() => void save()}>{t('handover.note.saveAddendum')}</button>
      </div>
    </div>
  );
}
