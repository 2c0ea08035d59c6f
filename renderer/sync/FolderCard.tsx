import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../shared/sync/status';
import { describeError } from '../app/errors/describe-error';
import { hrefOf } from '../app/nav/nav-store';
import { notify } from '../app/notices/notices-store';
import { useSettings } from '../app/stores/settings-store';
import { ComputerIcon, FolderIcon } from '../app/ui/icons';
import type { MessageKey } from '../i18n/resources';
import { useLanguage } from '../i18n/use-language';
import { FaultAlerts } from './FaultAlerts';
import { unavailableMessages, type SyncHealth } from './health';
import { Moment } from './Moment';
import { SyncCard } from './SyncCard';
import { SyncSummary } from './SyncSummary';
import { checkNow, useSync } from './sync-store';
import { formatClockTime, formatInterval } from './time';

const headlines: Record<SyncHealth, MessageKey> = {
  healthy: 'sync.folder.headline.healthy',
  waiting: 'sync.folder.headline.waiting',
  problems: 'sync.folder.headline.problems',
  unavailable: 'sync.folder.headline.unavailable',
};

function pendingText(count: number, t: TFunction): string {
  return count === 1 ? t('sync.folder.pendingOne', { count }) : t('sync.folder.pendingMany', { count });
}

/** Why the folder cannot be used, in words a stand-in can act on, and that nothing is lost. */
function Unavailable({ status, embedded }: { status: SyncStatus; embedded: boolean }) {
  const { t } = useTranslation();
  const reason = status.unavailableReason ?? 'unreadable';
  const why = reason === 'folder-missing' && embedded ? 'sync.folder.reason.embeddedMissing' : unavailableMessages[reason];
  return (
    <>
      <p className="sync-state__text">{t(why)}</p>
      <p className="sync-state__text">{t('sync.folder.kept')}</p>
      {status.pendingOutbox > 0 && <p className="sync-state__pending">{pendingText(status.pendingOutbox, t)}</p>}
      {reason === 'no-team' && (
        <p>
          <a href={hrefOf('settings')}>{t('sync.folder.changeInSettings')}</a>
        </p>
      )}
    </>
  );
}

/** The shared folder, whether it can be used, when it was last read and written, and "Check now". */
export function FolderCard({ status, health, now }: { status: SyncStatus; health: SyncHealth; now: number }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const embedded = useSettings((s) => s.settings?.sharedFolder.kind === 'embedded');
  const pollSeconds = useSettings((s) => s.settings?.pollIntervalSeconds ?? 5);
  const checking = useSync((s) => s.checking);
  const [checkedAt, setCheckedAt] = useState<number | null>(null);

  const check = async () => {
    setCheckedAt(null);
    const result = await checkNow();
    if (result.ok) return setCheckedAt(Date.now());
    const { error } = result;
    notify('error', (tr) => tr('sync.folder.checkFailed', { reason: describeError(error, tr).summary }));
  };

  return (
    <SyncCard id="folder" title={t('sync.folder.title')}>
      <div className={`sync-state sync-state--${health}`} role="status">
        <span className={`sync-dot sync-dot--large sync-dot--${health}`} aria-hidden="true" />
        <div className="sync-state__words">
          <p className="sync-state__headline">{t(embedded && health === 'healthy' ? 'sync.summary.embeddedHeadline' : headlines[health])}</p>
          {health === 'unavailable' ? (
            <Unavailable status={status} embedded={embedded} />
          ) : (
            <>
              {health === 'waiting' && <p className="sync-state__pending">{pendingText(status.pendingOutbox, t)}</p>}
              <SyncSummary status={status} health={health} embedded={embedded} />
            </>
          )}
        </div>
      </div>
      <FaultAlerts faults={status.faults} now={now} />
      <dl className="facts">
        <div className="facts__row">
          <dt>{t('sync.folder.path')}</dt>
          <dd className="sync-folder">
            {embedded ? <ComputerIcon /> : <FolderIcon />}
            <div>
              <p className="sync-folder__kind">{t(embedded ? 'sync.folder.embeddedTag' : 'sync.folder.sharedTag')}</p>
              <p className="path">{status.sharedDir}</p>
            </div>
          </dd>
        </div>
        <div className="facts__row">
          <dt>{t('sync.folder.team')}</dt>
          <dd>{status.teamName ?? <span className="sync-muted">{t('sync.folder.noTeamName')}</span>}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('sync.folder.lastPoll')}</dt>
          <dd>{status.lastPollAt === null ? <span className="sync-muted">{t('sync.folder.never')}</span> : <Moment at={status.lastPollAt} now={now} />}</dd>
        </div>
        <div className="facts__row">
          <dt>{t('sync.folder.lastPublish')}</dt>
          <dd>{status.lastPublishAt === null ? <span className="sync-muted">{t('sync.folder.never')}</span> : <Moment at={status.lastPublishAt} now={now} />}</dd>
        </div>
      </dl>
      <div className="sync-check">
        <button type="button" className="button button--primary" onClick={() => void check()} disabled={checking}>
          {checking ? t('sync.folder.checking') : t('sync.folder.checkNow')}
        </button>
        <p className="sync-check__done" role="status">
          {checkedAt !== null && !checking && t('sync.folder.checked', { time: formatClockTime(checkedAt, language) })}
        </p>
      </div>
      <p className="card__note">{t('sync.folder.interval', { interval: formatInterval(pollSeconds, language) })}</p>
    </SyncCard>
  );
}
