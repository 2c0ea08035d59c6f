import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../shared/sync/status';
import { hrefOf } from '../app/nav/nav-store';
import { useLanguage } from '../i18n/use-language';
import type { SyncHealth } from './health';
import { formatHourMinute } from './time';

/**
 * What the Sync screen says first, in a stand-in's words: whose changes are here up to when, how
 * many files could not be read and that nothing is lost. On Baton's own folder (no team folder
 * chosen) it says that nothing is shared yet, never that the team's edits sync.
 */
export function SyncSummary({ status, health, embedded }: { status: SyncStatus; health: Exclude<SyncHealth, 'unavailable'>; embedded: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const unread = status.setAside.length;
  return (
    <>
      {embedded ? (
        <>
          <p className="sync-state__text">{t('sync.summary.embedded')}</p>
          <p><a href={hrefOf('settings')}>{t('sync.summary.chooseShared')}</a></p>
        </>
      ) : (
        status.lastPollAt !== null && <p className="sync-state__text">{t('sync.summary.upTo', { time: formatHourMinute(status.lastPollAt, language) })}</p>
      )}
      {unread > 0 && <p className="sync-state__text">{t('sync.summary.unread', { count: unread })}</p>}
      {health === 'healthy' && !embedded && <p className="sync-state__text">{t('sync.summary.nothingToDo')}</p>}
      {health === 'waiting' && <p className="sync-state__text">{t('sync.folder.lead.waiting')}</p>}
      {health === 'problems' && unread === 0 && <p className="sync-state__text">{t('sync.folder.lead.problems')}</p>}
    </>
  );
}
