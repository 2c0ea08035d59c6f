import { useTranslation } from 'react-i18next';
import type { PrizesOverview } from '../../shared/api/prizes-contract';
import { CAMPAIGN_PLACE_PREFIX } from '../../shared/briefing/place';
import { settingName } from '../app/format';
import { Card } from '../app/ui/Card';
import { useLanguage } from '../i18n/use-language';
import { BudgetLine } from './BudgetLine';
import { CampaignForm } from './CampaignForm';
import { useDepartments } from './use-departments';
import { UnlessArriving } from '../sync/StillArriving';

/** 活动: campaigns with dates, owner and budget (committed, spent); other departments' notices with the days of notice; clashes with other campaigns and with the content calendar. */
export function CampaignsView({ overview }: { overview: PrizesOverview }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const departments = useDepartments();
  return (
    <>
      <Card id="prize-campaigns" title={t('prizes.campaigns.title', { count: overview.campaigns.length })}>
        {overview.campaigns.length === 0 && <UnlessArriving variant="line" className="muted"><p className="muted">{t('prizes.campaigns.none')}</p></UnlessArriving>}
        <ul className="prize-list">
          {overview.campaigns.map(({ campaign, budget, daysOfNotice, clashes, contentClashes, started }) => (
            <li key={campaign.id} className="campaign" data-place={`${CAMPAIGN_PLACE_PREFIX}${campaign.id}`}>
              <p className="campaign__head">
                <strong>{campaign.name}</strong> <span className="prize-status">{t(`prizes.type.${campaign.type}`)}</span>{' '}
                <span className="muted">{t('prizes.campaigns.dates', { start: campaign.startDate, end: campaign.endDate })} · {campaign.owner.name}</span>
                {started && <span className="prize-status"> {t('prizes.campaigns.started')}</span>}
              </p>
              {campaign.department !== null ? (
                <p className={daysOfNotice !== null && daysOfNotice < 7 ? 'campaign__notice campaign__notice--short' : 'campaign__notice'}>
                  {t('prizes.campaigns.notice', { department: settingName(departments, campaign.department, language), heard: campaign.heardOn ?? '—', count: daysOfNotice ?? 0 })}
                </p>
              ) : (
                <BudgetLine figures={budget} label={t('prizes.budget.campaign')} />
              )}
              {clashes.length > 0 && <p className="campaign__clash">{t('prizes.campaigns.clashes', { names: clashes.map((clash) => clash.name).join('、') })}</p>}
              {contentClashes.length > 0 && (
                <details className="campaign__clash">
                  <summary>{t('prizes.campaigns.content', { days: contentClashes.length, posts: contentClashes.reduce((sum, day) => sum + day.posts.length, 0) })}</summary>
                  <ul>
                    {contentClashes.map((day) => <li key={day.date}>{day.date}: {day.posts.map((post) => `${post.slot} ${post.title}`).join('、')}</li>)}
                  </ul>
                </details>
              )}
            </li>
          ))}
        </ul>
      </Card>
      {overview.me.isLead && (
        <Card id="prize-campaign-new" title={t('prizes.campaigns.new')} description={t('prizes.campaigns.newHint')}>
          <CampaignForm overview={overview} departments={departments} />
        </Card>
      )}
    </>
  );
}
