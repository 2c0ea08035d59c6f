import { useTranslation } from 'react-i18next';
import type { SyncDeviceStatus } from '../../shared/sync/status';
import { useSettings } from '../app/stores/settings-store';
import { useLanguage } from '../i18n/use-language';
import { shortDeviceId } from './health';
import { Moment } from './Moment';
import { SyncCard } from './SyncCard';
import { WarningIcon } from './SyncIcon';
import { formatDuration } from './time';

/** This computer first, then colleagues by name; the service lists them by device id. */
function ordered(devices: readonly SyncDeviceStatus[], selfId: string): SyncDeviceStatus[] {
  const name = (d: SyncDeviceStatus) => d.memberName ?? '\uffff';
  return [...devices].sort((a, b) =>
    a.deviceId === selfId ? -1 : b.deviceId === selfId ? 1 : name(a).localeCompare(name(b)) || a.deviceId.localeCompare(b.deviceId),
  );
}

function ClockCell({ device, self, behindMs }: { device: SyncDeviceStatus; self: boolean; behindMs: number | null }) {
  const { t } = useTranslation();
  const language = useLanguage();
  // Every other clock is measured against this one; a wrong one here is told in "This computer".
  if (self && behindMs !== null) {
    return (
      <span className="sync-warning-text">
        <WarningIcon />
        {t('sync.devices.clockBehind', { duration: formatDuration(behindMs, language) })}
      </span>
    );
  }
  if (self) {
    return (
      <span className="sync-muted" title={t('sync.devices.clockReferenceHint')}>
        {t('sync.devices.clockReference')}
      </span>
    );
  }
  if (device.clockSkewMs === null) return <span className="sync-muted">{t('sync.devices.clockUnknown')}</span>;
  if (!device.clockSkewWarning) return <span>{t('sync.devices.clockOk')}</span>;
  const duration = formatDuration(device.clockSkewMs, language);
  return (
    <span className="sync-warning-text">
      <WarningIcon />
      {t(device.clockSkewMs > 0 ? 'sync.devices.clockAhead' : 'sync.devices.clockBehind', { duration })}
    </span>
  );
}

/** Every device that wrote to the folder: who, which files, when last heard of, whether its clock is right. */
interface DevicesCardProps {
  devices: readonly SyncDeviceStatus[];
  selfId: string;
  /** How far this computer's clock seems behind (status.localClockBehind), or null. */
  localBehindMs: number | null;
  now: number;
}

export function DevicesCard({ devices, selfId, localBehindMs, now }: DevicesCardProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const myName = useSettings((s) => s.settings?.memberName ?? null);
  // This computer's own device.json is read back a poll after it is written: its name is known already.
  const rows = ordered(devices, selfId).map((device) =>
    device.deviceId === selfId && device.memberName === null ? { ...device, memberName: myName } : device,
  );
  const others = rows.filter((device) => device.deviceId !== selfId);
  const nameOf = (device: SyncDeviceStatus) => device.memberName ?? shortDeviceId(device.deviceId);
  const wrongClocks = others.filter((device) => device.clockSkewWarning && device.clockSkewMs !== null);

  return (
    <SyncCard id="devices" title={t('sync.devices.title')} description={t('sync.devices.description')}>
      {wrongClocks.length > 0 && (
        <div className="sync-alerts">
          {wrongClocks.map((device) => (
            <p key={device.deviceId} className="alert sync-alert" role="alert">
              <WarningIcon />
              <span>
                {t(device.clockSkewMs! > 0 ? 'sync.devices.skewWarning' : 'sync.devices.skewWarningBehind', {
                  name: nameOf(device),
                  duration: formatDuration(device.clockSkewMs!, language),
                })}
              </span>
            </p>
          ))}
        </div>
      )}
      {rows.length > 0 && (
        <div className="sync-table-wrap">
          <table className="sync-table">
            <thead>
              <tr>
                <th scope="col">{t('sync.devices.member')}</th>
                <th scope="col">{t('sync.devices.device')}</th>
                <th scope="col">{t('sync.devices.files')}</th>
                <th scope="col">{t('sync.devices.lastSeen')}</th>
                <th scope="col">{t('sync.devices.clock')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((device) => (
                <tr key={device.deviceId}>
                  <th scope="row" className="sync-table__member">
                    {device.memberName ?? <span className="sync-muted">{t('sync.devices.unknownMember')}</span>}
                    {device.deviceId === selfId && <span className="badge badge--accent sync-tag">{t('sync.devices.thisComputer')}</span>}
                  </th>
                  <td>
                    <span className="sync-id" title={device.deviceId}>
                      {shortDeviceId(device.deviceId)}
                    </span>
                  </td>
                  <td>
                    <span className="sync-table__count">{device.segments}</span>
                    {device.lastSegment && <span className="sync-table__file">{device.lastSegment}</span>}
                  </td>
                  <td>{device.lastSeenAt === null ? <span className="sync-muted">{t('sync.devices.nothingYet')}</span> : <Moment at={device.lastSeenAt} now={now} />}</td>
                  <td>
                    <ClockCell device={device} self={device.deviceId === selfId} behindMs={localBehindMs} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {others.length === 0 && <p className="sync-empty">{t('sync.devices.noOthers')}</p>}
    </SyncCard>
  );
}
