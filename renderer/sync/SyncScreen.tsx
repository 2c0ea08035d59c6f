import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { describeError } from '../app/errors/describe-error';
import { AlertIcon } from '../app/ui/icons';
import { ComputerCard } from './ComputerCard';
import { DevicesCard } from './DevicesCard';
import { FolderCard } from './FolderCard';
import { healthOf } from './health';
import { NoticesCard } from './NoticesCard';
import { SetAsideCard } from './SetAsideCard';
import { markNoticesSeen, refreshSyncStatus, useSync, useSyncFeed } from './sync-store';
import { useNow } from './time';
import '../settings/settings.css';
import './sync.css';

/**
 * Pushes leave out changes of the poll time alone, so while this screen is open it reads the
 * status now and then, and "last read" stays true.
 */
const REFRESH_MS = 30_000;

export function SyncScreen() {
  const { t } = useTranslation();
  useSyncFeed();
  const now = useNow();
  const { status, readError, noticesSeenAt } = useSync(
    useShallow((s) => ({ status: s.status, readError: s.readError, noticesSeenAt: s.noticesSeenAt })),
  );

  // Opening the screen reads afresh (the nav dot's feed may have run for hours on pushes alone).
  useEffect(() => {
    void refreshSyncStatus();
    const timer = setInterval(() => void refreshSyncStatus(), REFRESH_MS);
    return () => clearInterval(timer);
  }, []);

  // Notices shown here count as seen: the nav dot stops calling for attention.
  const notices = status?.notices;
  useEffect(() => {
    if (notices) markNoticesSeen();
  }, [notices]);

  const failed = readError && (
    <div className="alert alert--danger sync-alert" role="alert">
      <AlertIcon />
      <span>{t('sync.readFailed', { reason: describeError(readError, t).summary })}</span>
      <button type="button" className="button" onClick={() => void refreshSyncStatus()}>
        {t('sync.retry')}
      </button>
    </div>
  );

  if (!status) {
    return <div className="sync">{failed || <p className="sync-loading">{t('sync.loading')}</p>}</div>;
  }
  const health = healthOf(status, noticesSeenAt);
  // Files that could not be read are told in the first lines, so their card is shown with them.
  const unread = status.setAside.length > 0;
  const setAside = <SetAsideCard files={status.setAside} salvaged={status.salvaged} sharedDir={status.sharedDir} now={now} />;
  return (
    <div className="sync">
      {failed}
      <FolderCard status={status} health={health} now={now} />
      {unread && setAside}
      <NoticesCard notices={status.notices} now={now} />
      {/* The engineer's view (device ids, file names, clocks, keys) is one click away. */}
      <details className="sync-details">
        <summary className="sync-details__summary">{t('sync.summary.details')}</summary>
        <DevicesCard devices={status.devices} selfId={status.deviceId} localBehindMs={status.localClockBehind?.byMs ?? null} now={now} />
        {!unread && setAside}
        <ComputerCard status={status} />
      </details>
    </div>
  );
}
