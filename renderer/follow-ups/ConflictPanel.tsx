import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FollowUpDetail, ShiftContext } from '../../shared/api/handover-views';
import type { FollowUpConflict } from '../../shared/handover';
import type { ValidationIssue } from '../../shared/team-settings';
import { reportError } from '../app/errors/report-error';
import { AlertIcon } from '../app/ui/icons';
import { baton } from '../bridge/baton';
import { formatInZone, issueText } from '../app/format';
import type { MessageKey } from '../i18n/resources';
import { useLanguage } from '../i18n/use-language';
import { useCanWrite } from '../team/use-can-write';
import { useFieldText } from './use-field-text';

/**
 * Two computers changed the same field without seeing each other's change: every computer shows
 * the same winner, and here a person keeps one value. Keeping it writes the field again having
 * seen both, which clears the conflict on every computer; the history keeps all three changes.
 */
export function ConflictPanel({ detail, context }: { detail: FollowUpDetail; context: ShiftContext }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const canWrite = useCanWrite();
  const text = useFieldText(context);
  const [issues, setIssues] = useState<ValidationIssue[]>([]);
  if (detail.conflicts.length === 0) return null;

  const keep = async (conflict: FollowUpConflict, value: FollowUpConflict['winner']['value']) => {
    const result = await baton.updateFollowUp({ id: detail.id, changes: { [conflict.field]: value } });
    if (!result.ok) reportError(result.error, 'errors.couldNotSave');
    else setIssues(result.value.ok ? [] : result.value.issues);
  };

  return (
    <section className="alert alert--danger fu-conflicts" aria-labelledby={`fu-conflicts-${detail.id}`}>
      <AlertIcon />
      <div className="fu-conflicts__body">
        <h4 id={`fu-conflicts-${detail.id}`}>{t('followUps.conflicts.title')}</h4>
        <p>{t('followUps.conflict')}</p>
        {detail.conflicts.map((conflict) => (
          <div key={conflict.field} className="fu-conflict" role="group" aria-label={t(`followUps.field.${conflict.field}` as MessageKey)}>
            <h5 className="fu-conflict__field">{t('followUps.conflicts.field', { field: t(`followUps.field.${conflict.field}` as MessageKey) })}</h5>
            <ul className="fu-conflict__choices">
              {[conflict.winner, ...conflict.others].map((write, index) => (
                <li key={write.hlc} className="fu-conflict__choice">
                  <span className={index === 0 ? 'badge badge--ok' : 'badge'}>{index === 0 ? t('followUps.conflicts.inEffect') : t('followUps.conflicts.notApplied')}</span>
                  <strong>{text(conflict.field, write.value)}</strong>
                  <span className="muted">{t('followUps.conflicts.byline', { name: write.by.name, at: formatInZone(write.at, context.timeZone, language) })}</span>
                  <button type="button" className="button button--small" disabled={!canWrite} title={canWrite ? undefined : t('team.readOnly')} onClick={() => void keep(conflict, write.value)}>
                    {t('followUps.conflicts.keep')}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        ))}
        {issues.length > 0 && <p className="field__error" role="alert">{issues.map((issue) => issueText(issue, t, 'handover')).join(' ')}</p>}
      </div>
    </section>
  );
}
