import { useTranslation } from 'react-i18next';
import type { SyncProblem, SyncSection } from '../../shared/briefing';
import { Card } from '../app/ui/Card';
import { formatInZone } from '../app/format';
import { useLanguage } from '../i18n/use-language';
import { healthMessages, setAsideMessages, unavailableMessages } from '../sync/health';
import { PlaceLink } from './PlaceLink';

const MINUTE = 60_000;

function ProblemText({ problem }: { problem: SyncProblem }) {
  const { t } = useTranslation();
  switch (problem.code) {
    case 'folder-away':
      return <>{t('briefing.sync.folderAway', { reason: problem.reason ? t(unavailableMessages[problem.reason]) : '' })}</>;
    case 'files-set-aside':
      return <>{t('briefing.sync.setAside', { count: problem.count, reasons: problem.reasons.map((reason) => t(setAsideMessages[reason])).join('；') })}</>;
    case 'my-clock-behind':
      return <>{t('briefing.sync.myClock', { minutes: Math.round(problem.byMs / MINUTE) })}</>;
    case 'device-clock-off':
      return <>{t(problem.skewMs > 0 ? 'briefing.sync.deviceAhead' : 'briefing.sync.deviceBehind', { name: problem.memberName ?? '?', minutes: Math.round(Math.abs(problem.skewMs) / MINUTE) })}</>;
    case 'unpublished':
      return <>{t('briefing.sync.unpublished', { count: problem.count })}</>;
  }
}

/** Whether the team's data can be trusted to be current, in plain words. */
export function SyncHealthCard({ section, timeZone }: { section: SyncSection; timeZone: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const tone = section.health === 'healthy' ? 'badge--ok' : section.health === 'waiting' ? 'badge--accent' : section.health === 'problems' ? 'badge--warning' : 'badge--danger';
  return (
    <Card id="briefing-sync" title={t('briefing.sync.title')} aside={<span className={`badge ${tone}`}>{t(healthMessages[section.health])}</span>}>
      {section.problems.length > 0 && (
        <ul className="briefing__problems">
          {section.problems.map((problem, index) => (
            <li key={index}>
              <ProblemText problem={problem} />
            </li>
          ))}
        </ul>
      )}
      <p className="briefing__meta">
        {section.lastPollAt !== null && <span>{t('briefing.sync.lastPoll', { at: formatInZone(section.lastPollAt, timeZone, language) })}</span>}
        <PlaceLink place={section.place}>{t('briefing.sync.open')}</PlaceLink>
      </p>
    </Card>
  );
}
