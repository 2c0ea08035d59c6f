import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FOLLOW_UP_STATUSES, type FollowUpStatus } from '../../shared/handover';
import { type ValidationIssue } from '../../shared/team-settings';
import { reportError } from '../app/errors/report-error';
import { baton } from '../bridge/baton';
import { useLatestAnswer } from '../app/stores/latest-answer';
import type { MessageKey } from '../i18n/resources';
import { useCanWrite } from '../team/use-can-write';
import { issueText } from '../app/format';
import { useHandover } from '../handover/handover-store';
import { ConflictPanel } from './ConflictPanel';
import { EscalationScreenshotView } from './EscalationScreenshotView';
import { FollowUpEditor } from './FollowUpEditor';
import { FollowUpHistory } from './FollowUpHistory';

/** A follow-up opened: conflicts to decide, status and the other fields, the history with who changed what and when, comments. */
export function FollowUpDetailView({ id, revision }: { id: string; revision: number }) {
  const { t } = useTranslation();
  const canWrite = useCanWrite();
  const context = useHandover((s) => s.context);
  const detail = useLatestAnswer(() => baton.getFollowUp({ id }), [id, revision]);
  const [comment, setComment] = useState('');
  const [issues, setIssues] = useState<ValidationIssue[]>([]);
  if (!detail || !context) return null;

  const setStatus = async (status: FollowUpStatus) => {
    const result = await baton.updateFollowUp({ id, changes: { status } });
    if (!result.ok) reportError(result.error, 'errors.couldNotSave');
    else if (!result.value.ok) setIssues(result.value.issues);
  };
  const addComment = async () => {
    const result = await baton.commentFollowUp({ id, text: comment });
    if (!result.ok) return reportError(result.error, 'errors.couldNotSave');
    if (!result.value.ok) return setIssues(result.value.issues);
    setIssues([]);
    // Typed while it was saving: kept.
    setComment((current) => (current === comment ? '' : current));
  };

  return (
    <div className="fu-detail">
      <ConflictPanel detail={detail} context={context} />
      <div className="fu-detail__status">
        <label className="field__label" htmlFor={`status-${id}`}>{t('followUps.changeStatus')}</label>
        <select id={`status-${id}`} className="input" value={detail.status} disabled={!canWrite} title={canWrite ? undefined : t('team.readOnly')} onChange={(e) => void setStatus(e.target.value as FollowUpStatus)}>
          {FOLLOW_UP_STATUSES.map((status) => (
            <option key={status} value={status}>{t(`followUps.status.${status}` as MessageKey)}</option>
          ))}
        </select>
        {!canWrite && <p className="field__hint">{t('team.readOnly')}</p>}
      </div>
      <FollowUpEditor detail={detail} context={context} />
      {detail.escalation?.weiboLink && (
        <p>
          <a href={detail.escalation.weiboLink} onClick={(e) => { e.preventDefault(); void baton.openExternal({ url: detail.escalation!.weiboLink! }); }}>
            {detail.escalation.weiboLink}
          </a>
        </p>
      )}
      {detail.escalation?.screenshotSha256 && <EscalationScreenshotView sha256={detail.escalation.screenshotSha256} />}
      <FollowUpHistory history={detail.history} context={context} />
      <label className="field__label" htmlFor={`comment-${id}`}>{t('followUps.comment')}</label>
      <textarea id={`comment-${id}`} className="input" rows={2} value={comment} disabled={!canWrite} onChange={(e) => setComment(e.target.value)} />
      {issues.length > 0 && <p className="field__error">{issues.map((issue) => issueText(issue, t, 'handover')).join(' ')}</p>}
      <div className="button-row">
        <button type="button" className="button" disabled={!canWrite} title={canWrite ? undefined : t('team.readOnly')} onClick={() => void addComment()}>{t('followUps.addComment')}</button>
      </div>
    </div>
  );
}
