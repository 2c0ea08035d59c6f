import { useTranslation } from 'react-i18next';
import type { PendingAcknowledgement } from '../../shared/sop';
import { reportError } from '../app/errors/report-error';
import { Card } from '../app/ui/Card';
import { baton } from '../bridge/baton';
import { DiffView } from './DiffView';
import { refreshLibrary, useSop } from './sop-store';

/**
 * 已读确认: what changed since the version I last acknowledged, and the button that records it. A
 * first read has no diff: the whole text is the document shown above it, with its pictures.
 */
export function AcknowledgeCard({ id, pending }: { id: string; pending: PendingAcknowledgement }) {
  const { t } = useTranslation();
  const acknowledge = async () => {
    const result = await baton.acknowledgeSop({ id, revision: pending.revision });
    if (!result.ok) return reportError(result.error, 'errors.couldNotSave');
    useSop.setState((s) => ({ revision: s.revision + 1 }));
    await refreshLibrary();
  };
  return (
    <Card
      id="sop-ack"
      title={t('sop.ack.title', { version: pending.version })}
      description={pending.lastAcknowledgedVersion === null ? t('sop.ack.first') : t('sop.ack.since', { version: pending.lastAcknowledgedVersion })}
    >
      {pending.lastAcknowledgedVersion !== null && <DiffView lines={pending.diff} />}
      <button type="button" className="button button--primary" onClick={() => void acknowledge()}>
        {t('sop.ack.button', { version: pending.version })}
      </button>
    </Card>
  );
}
