import { useTranslation } from 'react-i18next';
import type { ShiftContext } from '../../shared/api/handover-views';
import type { FollowUpField, FollowUpFields, FollowUpHistoryEntry } from '../../shared/handover';
import { formatInZone } from '../handover/format';
import type { MessageKey } from '../i18n/resources';
import { useLanguage } from '../i18n/use-language';
import { useFieldText } from './use-field-text';

/**
 * Every change with who and when, oldest first: a change that lost to a concurrent one is marked
 * while the conflict is open, and the change that decided it says so, so both stay readable.
 */
export function FollowUpHistory({ history, context }: { history: readonly FollowUpHistoryEntry[]; context: ShiftContext }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const text = useFieldText(context);
  const changes = (changed: Partial<FollowUpFields>) =>
    (Object.entries(changed) as Array<[FollowUpField, FollowUpFields[FollowUpField]]>)
      .map(([field, value]) => t('followUps.event.updated', { field: t(`followUps.field.${field}` as MessageKey), value: text(field, value) }))
      .join(t('followUps.event.separator'));
  return (
    <>
      <h4>{t('followUps.history')}</h4>
      <ol className="fu-history">
        {history.map((entry) => (
          <li key={entry.opId} className={entry.event === 'updated' && entry.conflicting.length > 0 ? 'fu-history__conflict' : undefined}>
            <span className="muted">{formatInZone(entry.at, context.timeZone, language)} · {entry.by.name} · </span>
            {entry.event === 'created' && t('followUps.event.created')}
            {entry.event === 'commented' && entry.text}
            {entry.event === 'updated' && changes(entry.changes)}
            {entry.event === 'updated' && entry.conflicting.length > 0 && ` (${t('followUps.concurrent')})`}
            {entry.event === 'updated' && entry.resolved.length > 0 && ` (${t('followUps.resolved')})`}
          </li>
        ))}
      </ol>
    </>
  );
}
