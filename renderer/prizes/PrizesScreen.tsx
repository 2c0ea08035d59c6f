import { useTranslation } from 'react-i18next';
import '../handover/handover.css';
import { CAMPAIGN_PLACE_PREFIX } from '../../shared/briefing/place';
import { useRevealPlace } from '../app/nav/reveal-place';
import { ApprovalsView } from './ApprovalsView';
import { CampaignsView } from './CampaignsView';
import { PrizeSettingsView } from './PrizeSettingsView';
import './prizes.css';
import { openRequest, showPrizesTab, usePrizes, usePrizesFeed, type PrizesTab } from './prizes-store';
import { RequestForm } from './RequestForm';
import { RequestPage } from './RequestPage';

const TABS: readonly Exclude<PrizesTab, 'request'>[] = ['approvals', 'campaigns', 'new', 'settings'];

/** 奖品审批: my approvals and requests, campaigns with their budget, a new request, one request's page. */
export function PrizesScreen() {
  const { t } = useTranslation();
  usePrizesFeed();
  const { tab, overview } = usePrizes();
  // Opened at a request (its page) or a campaign (the campaigns tab, the campaign marked).
  useRevealPlace('prizes', (item) => (item.startsWith(CAMPAIGN_PLACE_PREFIX) ? showPrizesTab('campaigns') : openRequest(item)));
  if (!overview) return <p className="muted">{t('prizes.loading')}</p>;
  return (
    <div className="prizes">
      <div className="tabs" role="tablist" aria-label={t('prizes.nav')}>
        {TABS.map((id) => (
          <button key={id} type="button" role="tab" aria-selected={tab === id} className={tab === id ? 'tabs__tab tabs__tab--on' : 'tabs__tab'} onClick={() => showPrizesTab(id)}>
            {t(`prizes.tab.${id}`)}
          </button>
        ))}
      </div>
      {tab === 'approvals' && <ApprovalsView overview={overview} />}
      {tab === 'campaigns' && <CampaignsView overview={overview} />}
      {tab === 'new' && <RequestForm overview={overview} />}
      {tab === 'request' && <RequestPage />}
      {tab === 'settings' && <PrizeSettingsView overview={overview} />}
    </div>
  );
}
