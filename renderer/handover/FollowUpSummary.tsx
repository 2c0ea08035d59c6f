import { useTranslation } from 'react-i18next';
import type { FollowUpView } from '../../shared/api/handover-views';
import type { MessageKey } from '../i18n/resources';
import { useLanguage } from '../i18n/use-language';
import { formatInZone, formatRemaining } from '../app/format';
import { useNow } from '../app/clock/use-now';

interface Props {
  item: FollowUpView;
  timeZone: string;
  departmentName: (id: string | null) => string;
}

/**
 * One follow-up on a line: title, owner, due time; overdue in red; a conflict waiting for a
 * person marked; an escalation with its live 'Weibo first' countdown. The overdue state is
 * recomputed from the clock, not taken from the service's answer, so it turns red while the
 * screen is open.
 */
export function FollowUpSummary({ item, timeZone, departmentName }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const now = useNow();
  const running = item.status === 'open' || item.status === 'waiting';
  const overdue = running && now >= item.effectiveDueAt;
  const deadline = item.escalation?.deadlineAt ?? null;
  return (
    <div className={overdue ? 'fu-line fu-line--overdue' : 'fu-line'}>
      <div className="fu-line__title">
        {overdue && <span className="badge badge--danger">{t('followUps.overdue')}</span>}
        <span className="badge">{t(`followUps.category.${item.category}` as MessageKey)}</span>
        {item.hasConflicts && <span className="badge badge--warning">{t('followUps.hasConflict')}</span>}
        <strong>{item.title}</strong>
      </div>
      <div className="fu-line__meta">
        <span>{t('followUps.owner', { name: item.owner.name })}</span>
        <span>{t('followUps.dueAt', { at: formatInZone(item.effectiveDueAt, timeZone, language) })}</span>
        <span>{t(`followUps.status.${item.status}` as MessageKey)}</span>
        {item.department && <span>{departmentName(item.department)}</span>}
      </div>
      {deadline !== null && running && (
        <p className={now >= deadline ? 'countdown countdown--late' : 'countdown'} role="timer">
          {now >= deadline
            ? t('followUps.weiboFirstLate', { time: formatRemaining(now - deadline) })
            : t('followUps.weiboFirstLeft', { time: formatRemaining(deadline - now) })}
        </p>
      )}
    </div>
  );
}
