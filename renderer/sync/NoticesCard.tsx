import { useTranslation } from 'react-i18next';
import type { SyncNotice } from '../../shared/sync/status';
import { noticeMessages, shortDeviceId } from './health';
import { Moment } from './Moment';
import { SyncCard } from './SyncCard';

/** What Baton noticed and mostly already put right, newest first; the technical detail on hover. */
export function NoticesCard({ notices, now }: { notices: readonly SyncNotice[]; now: number }) {
  const { t } = useTranslation();
  const newestFirst = [...notices].sort((a, b) => b.at - a.at);
  return (
    <SyncCard id="notices" title={t('sync.notices.title')}>
      {newestFirst.length === 0 ? (
        <p className="sync-empty">{t('sync.notices.empty')}</p>
      ) : (
        <ul className="sync-notices">
          {newestFirst.map((notice, index) => (
            <li key={`${notice.at}-${notice.kind}-${index}`} className={`sync-notice sync-notice--${notice.kind}`}>
              <span className="sync-notice__time">
                <Moment at={notice.at} now={now} />
              </span>
              <p title={notice.detail}>
                {t(noticeMessages[notice.kind], {
                  newId: shortDeviceId(notice.data.newDeviceId ?? ''),
                  entity: notice.data.entity ?? '',
                  path: notice.data.path ?? '',
                })}
              </p>
            </li>
          ))}
        </ul>
      )}
    </SyncCard>
  );
}
