import { useTranslation } from 'react-i18next';
import { useHandover, useHandoverFeed } from './handover-store';

/** Beside 交接班 in the sidebar: the previous shift's notes waiting for my 签收. */
export function HandoverNavStatus() {
  useHandoverFeed();
  const { t } = useTranslation();
  const waiting = useHandover((s) => s.context?.waitingForMe ?? 0);
  if (waiting === 0) return null;
  return <span className="nav-count nav-count--accent" title={t('handover.navWaiting', { count: waiting })} aria-label={t('handover.navWaiting', { count: waiting })}>{waiting}</span>;
}

/** Beside 待跟进: how many follow-ups are overdue, in the danger colour. */
export function FollowUpsNavStatus() {
  useHandoverFeed();
  const { t } = useTranslation();
  const overdue = useHandover((s) => s.context?.openFollowUps.filter((item) => item.overdue).length ?? 0);
  if (overdue === 0) return null;
  return <span className="nav-count nav-count--danger" title={t('followUps.navOverdue', { count: overdue })} aria-label={t('followUps.navOverdue', { count: overdue })}>{overdue}</span>;
}
