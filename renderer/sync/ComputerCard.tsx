import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../shared/sync/status';
import { useLanguage } from '../i18n/use-language';
import { shortDeviceId } from './health';
import { SyncCard } from './SyncCard';
import { WarningIcon } from './SyncIcon';
import { formatDuration } from './time';

/** Who this computer is to the team: its device id, how its key is kept, whether its clock is right. */
export function ComputerCard({ status }: { status: SyncStatus }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const behind = status.localClockBehind;
  const behindName = behind
    ? (status.devices.find((device) => device.deviceId === behind.deviceId)?.memberName ?? t('sync.computer.otherDevice'))
    : '';
  return (
    <SyncCard id="computer" title={t('sync.computer.title')}>
      {behind && (
        <p className="alert sync-alert" role="alert">
          <WarningIcon />
          <span>{t('sync.computer.clockBehind', { duration: formatDuration(behind.byMs, language), name: behindName })}</span>
        </p>
      )}
      <dl className="facts">
        <div className="facts__row">
          <dt>{t('sync.computer.deviceId')}</dt>
          <dd>
            <span className="sync-id sync-id--large" title={status.deviceId}>
              {shortDeviceId(status.deviceId)}
            </span>
            <p className="sync-hint">{t('sync.computer.deviceIdHint')}</p>
          </dd>
        </div>
        <div className="facts__row">
          <dt>{t('sync.computer.key')}</dt>
          <dd>
            {t(status.keyProtection === 'os-encrypted' ? 'sync.computer.keyOsEncrypted' : 'sync.computer.keyPlainFile')}
            <p className="sync-hint">{t('sync.computer.keyNote')}</p>
          </dd>
        </div>
      </dl>
      <details className="sync-details">
        <summary>{t('sync.computer.details')}</summary>
        <dl className="facts">
          <div className="facts__row">
            <dt>{t('sync.computer.fullDeviceId')}</dt>
            <dd className="path sync-select-all">{status.deviceId}</dd>
          </div>
          <div className="facts__row">
            <dt>{t('sync.computer.teamId')}</dt>
            <dd className="path">{status.teamId ?? '—'}</dd>
          </div>
          <div className="facts__row">
            <dt>{t('sync.computer.opsCount')}</dt>
            <dd>{new Intl.NumberFormat(language).format(status.opsCount)}</dd>
          </div>
          <div className="facts__row">
            <dt>{t('sync.computer.stateHash')}</dt>
            <dd className="path">{status.stateHash ?? t('sync.computer.stateHashPending')}</dd>
          </div>
          {status.unavailableDetail && (
            <div className="facts__row">
              <dt>{t('sync.computer.unavailableDetail')}</dt>
              <dd className="path">{status.unavailableDetail}</dd>
            </div>
          )}
        </dl>
      </details>
    </SyncCard>
  );
}
