import { useTranslation } from 'react-i18next';
import type { FaultKind, SyncFault } from '../../shared/sync/status';
import { useSettings } from '../app/stores/settings-store';
import type { MessageKey } from '../i18n/resources';
import { useLanguage } from '../i18n/use-language';
import { Moment } from './Moment';
import { WarningIcon } from './SyncIcon';
import { formatInterval } from './time';

/** The folder being away has its own words in the folder card's state, so it is not repeated here. */
const faultMessages: Record<FaultKind, MessageKey | null> = {
  'folder-unavailable': null,
  'publish-failing': 'sync.faults.publishFailing',
  'watch-silent': 'sync.faults.watchSilent',
};

/** What is going wrong right now and how Baton copes with it; gone as soon as it is over. */
export function FaultAlerts({ faults, now }: { faults: readonly SyncFault[]; now: number }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const pollSeconds = useSettings((s) => s.settings?.pollIntervalSeconds ?? 5);
  const shown = faults.flatMap((fault) => {
    const message = faultMessages[fault.kind];
    return message ? [{ fault, message }] : [];
  });
  if (shown.length === 0) return null;
  return (
    <div className="sync-alerts">
      {shown.map(({ fault, message }) => (
        <p key={fault.kind} className={`alert sync-alert sync-fault--${fault.kind}`} role="alert" title={fault.detail}>
          <WarningIcon />
          <span>
            {t(message, { interval: formatInterval(pollSeconds, language) })}{' '}
            <span className="sync-muted">
              {t('sync.faults.since')} <Moment at={fault.since} now={now} />
            </span>
          </span>
        </p>
      ))}
    </div>
  );
}

