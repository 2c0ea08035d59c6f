import { useTranslation } from 'react-i18next';
import type { CampaignsSection, PrizesSection, RotaRequestItem, RotaRequestsSection } from '../../shared/briefing';
import type { ShiftType } from '../../shared/team-settings';
import { Card } from '../app/ui/Card';
import { formatInZone, settingName } from '../app/format';
import { formatFen } from '../../shared/prizes';
import { useLanguage } from '../i18n/use-language';
import type { MessageKey } from '../i18n/resources';
import { PlaceLink } from './PlaceLink';

/** Prize steps waiting for me (待我审批), my requests still moving, the fulfilment deadlines running. */
export function PrizesCard({ section, timeZone }: { section: PrizesSection; timeZone: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Card
      id="briefing-prizes"
      title={t('briefing.prizes.title')}
      aside={section.waiting.length > 0 ? <span className="badge badge--warning">{t('briefing.prizes.waiting', { count: section.waiting.length })}</span> : undefined}
    >
      <ul className="briefing__list">
        {section.waiting.map((item) => (
          <li key={item.requestId} className="briefing__row">
            <div className="briefing__row-main">
              <PlaceLink place={item.place}>{t('briefing.prizes.decide', { campaign: item.campaign, amount: formatFen(item.totalFen) })}</PlaceLink>
              <p className="briefing__meta">
                <span>{t('prizes.stepN', { step: item.step + 1 })}</span>
                {item.requester && <span>{t('briefing.prizes.by', { name: item.requester.name })}</span>}
                {item.asDelegateOf && <span>{t('prizes.asDelegateOf', { name: item.asDelegateOf.name })}</span>}
              </p>
            </div>
          </li>
        ))}
        {section.mine.map((item) => (
          <li key={item.requestId} className="briefing__row">
            <div className="briefing__row-main">
              <PlaceLink place={item.place}>{t('briefing.prizes.mine', { campaign: item.campaign, amount: formatFen(item.totalFen) })}</PlaceLink>
              <p className="briefing__meta">
                <span className="badge">{t(`prizes.status.${item.status}` as MessageKey)}</span>
              </p>
            </div>
          </li>
        ))}
        {section.fulfilment.map((item) => (
          <li key={`${item.requestId}:${item.kind}`} className={item.overdue ? 'briefing__row briefing__row--overdue' : 'briefing__row'}>
            <div className="briefing__row-main">
              <PlaceLink place={item.place}>{item.campaign}</PlaceLink>
              <p className="briefing__meta">
                <span>{t(`prizes.timers.${item.kind}` as MessageKey, { count: item.pending, due: formatInZone(item.dueAt, timeZone, language) })}</span>
              </p>
            </div>
          </li>
        ))}
      </ul>
    </Card>
  );
}

function requestStatus(item: RotaRequestItem, t: (key: MessageKey, values?: Record<string, unknown>) => string): string {
  return t(`rota.${item.kind}Status.${item.status}` as MessageKey, { name: item.other?.name ?? '' });
}

/** Colleagues' cover asks I may take, and my leave, cover and swap requests (a swap offered to me waits for my answer). */
export function RotaRequestsCard({ section, shiftTypes }: { section: RotaRequestsSection; shiftTypes: readonly ShiftType[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const shiftName = (id: string | null) => (id === null ? '' : settingName(shiftTypes, id, language));
  return (
    <Card id="briefing-rota" title={t('briefing.rota.title')}>
      <ul className="briefing__list">
        {section.coverAsks.map((ask) => (
          <li key={ask.id} className="briefing__row">
            <div className="briefing__row-main">
              <PlaceLink place={ask.place}>{t('briefing.rota.coverAsk', { name: ask.requester.name, date: ask.shift.date, shift: shiftName(ask.shift.shiftTypeId) })}</PlaceLink>
              {ask.urgent && <p className="briefing__meta"><span className="badge badge--danger">{t('briefing.rota.urgent')}</span></p>}
            </div>
          </li>
        ))}
        {section.requests.map((item) => (
          <li key={`${item.kind}:${item.id}`} className="briefing__row">
            <div className="briefing__row-main">
              <PlaceLink place={item.place}>{t(`briefing.rota.${item.kind}` as MessageKey, { date: item.date, shift: shiftName(item.shiftTypeId), name: item.other?.name ?? '' })}</PlaceLink>
              <p className="briefing__meta">
                <span className={item.waitsForMe ? 'badge badge--warning' : 'badge'}>{item.waitsForMe ? t('briefing.rota.answer') : requestStatus(item, t)}</span>
              </p>
            </div>
          </li>
        ))}
      </ul>
    </Card>
  );
}

/** Campaigns running today and starting within the week. */
export function CampaignsCard({ section }: { section: CampaignsSection }) {
  const { t } = useTranslation();
  const rows = [...section.running.map((item) => ({ item, running: true })), ...section.startingSoon.map((item) => ({ item, running: false }))];
  return (
    <Card id="briefing-campaigns" title={t('briefing.campaigns.title')}>
      <ul className="briefing__list">
        {rows.map(({ item, running }) => (
          <li key={item.id} className="briefing__row">
            <div className="briefing__row-main">
              <PlaceLink place={item.place}>{item.name}</PlaceLink>
              <p className="briefing__meta">
                <span className="badge">{t(`prizes.type.${item.type}` as MessageKey)}</span>
                <span>{t(running ? 'briefing.campaigns.running' : 'briefing.campaigns.starting', { start: item.startDate, end: item.endDate })}</span>
              </p>
            </div>
          </li>
        ))}
      </ul>
    </Card>
  );
}
