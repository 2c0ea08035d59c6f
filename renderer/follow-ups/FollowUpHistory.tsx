import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShiftContext } from '../../shared/api/handover-views';
import type { FollowUpField, FollowUpFields, FollowUpHistoryEntry } from '../../shared/handover';
import { formatInZone } from '../app/format';
import type { MessageKey } from '../i18n/resources';
import { useLanguage } from '../i18n/use-language';
import { useFieldText } from './use-field-text';

type Updated = Extract<FollowUpHistoryEntry, { event: 'updated' }>;

/**
 * Every change with who and when, oldest first. Of a change, only the fields that lost to a
 * concurrent change are marked (while the conflict is open: the rest of it counts), and the
 * change that decided a conflict says so, so both sides stay readable afterwards.
 */
export function FollowUpHistory({ history, context }: { history: readonly FollowUpHistoryEntry[]; context: ShiftContext }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const text = useFieldText(context);
  const changes = (entry: Updated) =>
    (Object.entries(entry.changes) as Array<[FollowUpField, FollowUpFields[FollowUpField]]>).map(([field, value], index) => {
      const change = t('followUps.event.updated', { field: t(`followUps.field.${field}` as MessageKey), value: text(field, value) });
      return (
        <Fragment key={field}>
          {index > 0 && t('followUps.event.separator')}
          {entry.conflicting.includes(field) ? <span className="fu-history__conflict">{change}{t('followUps.aside', { text: t('followUps.concurrent') })}</span> : change}
        </Fragment>
      );
    });
  return (
    <>
      <h4>{t('followUps.history')}</h4>
      <ol className="fu-history">
        {history.map((entry) => (
          <li key={entry.opId}>
            <span className="muted">{formatInZone(entry.at, context.timeZone, language)} · {entry.by.name} · </span>
            {entry.event === 'created' && t('followUps.event.created')}
            {entry.event === 'commented' && entry.text}
            {entry.event === 'updated' && changes(entry)}
            {entry.event === 'updated' && entry.resolved.length > 0 && t('followUps.aside', { text: t('followUps.resolved') })}
          </li>
        ))}
      </ol>
    </>
  );
}
