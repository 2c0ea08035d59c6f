import { useTranslation } from 'react-i18next';
import type { RequestSummary } from '../../shared/api/prizes-contract';
import { formatFen } from '../../shared/prizes';
import { formatInZone } from '../app/format';
import { useLanguage } from '../i18n/use-language';
import { openRequest } from './prizes-store';

/** Requests as rows: campaign, requester, total, state; a click opens the request's page. */
export function RequestList({ items, timeZone, note }: { items: readonly RequestSummary[]; timeZone: string; note?: (item: RequestSummary) => string | null }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <ul className="prize-list">
      {items.map((item) => (
        <li key={item.id}>
          <button type="button" className="prize-row" onClick={() => openRequest(item.id)}>
            <span className="prize-row__main">{item.campaignName}</span>
            <span className="muted">{item.requester} · {formatInZone(item.submittedAt, timeZone, language)}</span>
            <span className="prize-row__amount">{formatFen(item.totalFen)}</span>
            <span className={`prize-status prize-status--${item.status}`}>
              {t(`prizes.status.${item.status}`)}
              {item.currentStep !== null && ` · ${t('prizes.stepOf', { step: item.currentStep + 1, count: item.stepCount })}`}
            </span>
            {note?.(item) && <span className="prize-row__note">{note(item)}</span>}
          </button>
        </li>
      ))}
    </ul>
  );
}
