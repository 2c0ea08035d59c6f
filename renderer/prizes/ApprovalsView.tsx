import { useTranslation } from 'react-i18next';
import type { PrizesOverview } from '../../shared/api/prizes-contract';
import { reportError } from '../app/errors/report-error';
import { formatInZone } from '../app/format';
import { Card } from '../app/ui/Card';
import { baton } from '../bridge/baton';
import { useLanguage } from '../i18n/use-language';
import { BudgetLine } from './BudgetLine';
import { refreshPrizes } from './prizes-store';
import { RequestList } from './RequestList';
import { UnlessArriving } from '../sync/StillArriving';

/** 待我审批: the steps waiting for me, requests needing review (leads), my requests, fulfilment deadlines. */
export function ApprovalsView({ overview }: { overview: PrizesOverview }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { timeZone } = overview;
  const others = overview.members.filter((member) => member.memberId !== overview.me.memberId);
  return (
    <>
      <Card id="prize-waiting" title={t('prizes.waiting.title', { count: overview.waiting.length })}>
        {overview.waiting.length === 0 && <UnlessArriving variant="line" className="muted"><p className="muted">{t('prizes.waiting.none')}</p></UnlessArriving>}
        <RequestList
          items={overview.waiting.map((item) => item.request)}
          timeZone={timeZone}
          note={(item) => {
            const entry = overview.waiting.find((waiting) => waiting.request.id === item.id);
            return entry?.asDelegateOf ? t('prizes.asDelegateOf', { name: entry.asDelegateOf }) : null;
          }}
        />
      </Card>
      {overview.needsReview.length > 0 && (
        <Card id="prize-review" title={t('prizes.review.listTitle', { count: overview.needsReview.length })} description={t('prizes.review.listHint')}>
          <RequestList items={overview.needsReview} timeZone={timeZone} />
        </Card>
      )}
      <Card id="prize-timers" title={t('prizes.timers.title')}>
        {overview.timers.length === 0 && <UnlessArriving variant="line" className="muted"><p className="muted">{t('prizes.timers.none')}</p></UnlessArriving>}
        <ul className="prize-list">
          {overview.timers.map((timer) => (
            <li key={`${timer.requestId}-${timer.kind}`} className={timer.overdue ? 'prize-timer prize-timer--overdue' : 'prize-timer'}>
              {t(`prizes.timers.${timer.kind}`, { count: timer.pending, due: formatInZone(timer.dueAt, timeZone, language) })}
            </li>
          ))}
        </ul>
      </Card>
      <Card id="prize-mine" title={t('prizes.mine.title', { count: overview.mine.length })}>
        {overview.mine.length === 0 && <UnlessArriving variant="line" className="muted"><p className="muted">{t('prizes.mine.none')}</p></UnlessArriving>}
        <RequestList items={overview.mine} timeZone={timeZone} />
      </Card>
      <Card id="prize-all" title={t('prizes.all.title', { count: overview.all.length })}>
        <BudgetLine figures={overview.month.budget} label={t('prizes.budget.month', { month: overview.month.month })} />
        <RequestList items={overview.all} timeZone={timeZone} />
      </Card>
      <Card id="prize-delegate" title={t('prizes.delegate.title')} description={t('prizes.delegate.hint')}>
        <label className="field__label" htmlFor="prize-delegate-select">{t('prizes.delegate.label')}</label>
        <select
          id="prize-delegate-select"
          className="input"
          value={overview.me.delegate ?? ''}
          onChange={async (event) => {
            const result = await baton.setPrizeDelegate({ delegate: event.target.value || null });
            if (!result.ok) reportError(result.error, 'errors.couldNotSave');
            await refreshPrizes();
          }}
        >
          <option value="">{t('prizes.delegate.nobody')}</option>
          {others.map((member) => (
            <option key={member.memberId} value={member.memberId}>{member.name}</option>
          ))}
        </select>
      </Card>
    </>
  );
}
