import { useTranslation } from 'react-i18next';
import type { FollowUpItem, FollowUpsSection } from '../../shared/briefing';
import type { Department } from '../../shared/team-settings';
import { Card } from '../app/ui/Card';
import { useNow } from '../app/clock/use-now';
import { formatInZone, formatRemaining } from '../app/format';
import { useLanguage } from '../i18n/use-language';
import { PlaceLink } from './PlaceLink';

interface Props {
  section: FollowUpsSection;
  timeZone: string;
  departments: readonly Department[];
}

/** The 'Weibo first' countdown, live from the clock between two briefings. */
function Countdown({ item, departments }: { item: FollowUpItem; departments: readonly Department[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const now = useNow();
  const escalation = item.escalation;
  if (!escalation?.running) return null;
  const late = now >= escalation.deadlineAt;
  const department = departments.find((d) => d.id === escalation.department)?.name[language] ?? escalation.department;
  return (
    <span className={late ? 'countdown countdown--late' : 'countdown'} role="timer">
      {department} ·{' '}
      {late ? t('followUps.weiboFirstLate', { time: formatRemaining(now - escalation.deadlineAt) }) : t('followUps.weiboFirstLeft', { time: formatRemaining(escalation.deadlineAt - now) })}
    </span>
  );
}

/** Open follow-ups, overdue and running escalations first; each opens on the follow-up screen. */
export function FollowUpsCard({ section, timeZone, departments }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Card
      id="briefing-follow-ups"
      title={t('briefing.followUps.title', { count: section.items.length + section.more })}
      aside={section.overdueCount > 0 ? <span className="badge badge--danger">{t('briefing.followUps.overdue', { count: section.overdueCount })}</span> : undefined}
    >
      <ul className="briefing__list">
        {section.items.map((item) => (
          <li key={item.id} className={item.overdue ? 'briefing__row briefing__row--overdue' : 'briefing__row'}>
            <div className="briefing__row-main">
              <PlaceLink place={item.place}>{item.title}</PlaceLink>
              <p className="briefing__meta">
                {item.overdue && <span className="badge badge--danger">{t('followUps.overdue')}</span>}
                <span>{item.mine ? t('briefing.followUps.mine') : t('followUps.owner', { name: item.owner.name })}</span>
                <span>{t('followUps.dueAt', { at: formatInZone(item.dueAt, timeZone, language) })}</span>
                <Countdown item={item} departments={departments} />
              </p>
            </div>
          </li>
        ))}
      </ul>
      {section.more > 0 && (
        <PlaceLink place={section.place}>{t('briefing.followUps.more', { count: section.more })}</PlaceLink>
      )}
    </Card>
  );
}
