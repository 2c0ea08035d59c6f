import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../shared/prizes';
import { formatInZone } from '../app/format';
import { Card } from '../app/ui/Card';
import { Attachments } from '../attachments/Attachments';
import { baton } from '../bridge/baton';
import { useLanguage } from '../i18n/use-language';
import { BudgetLine } from './BudgetLine';
import { ChainView, HistoryView } from './ChainView';
import { DecisionForm } from './DecisionForm';
import { FulfilmentPanel } from './FulfilmentPanel';
import { goUnlessMovedOn, prizesPlace, showPrizesTab, usePrizes } from './prizes-store';
import { ReviewPanel } from './ReviewPanel';
import { act, useRequest } from './use-request';

/** One prize request: its lines and total, the chain with every decision, budget, disclosure text, fulfilment. */
export function RequestPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const requestId = usePrizes((s) => s.requestId);
  const detail = useRequest(requestId);
  const [disclosureLanguage, setDisclosureLanguage] = useState<'zh-CN' | 'en'>(language === 'en' ? 'en' : 'zh-CN');
  if (!detail || detail.view.id !== requestId) return <p className="muted">{t('prizes.loading')}</p>;
  const { view } = detail;
  const submission = view.submission;
  const editAgain = async () => {
    if (!submission) return;
    const here = prizesPlace();
    await baton.savePrizeDraft({
      draft: { campaignId: submission.campaignId, lines: submission.lines.map(({ prize, quantity, unitValueFen }) => ({ prize, quantity, unitValueFen })), reason: submission.reason, eligibility: submission.eligibility, drawMethod: submission.drawMethod, drawAt: submission.drawAt, redemption: submission.redemption, delivery: submission.delivery, attachments: submission.attachments },
      requestId: view.id,
    });
    goUnlessMovedOn(here, () => showPrizesTab('new'));
  };
  return (
    <>
      <Card id="prize-request" title={t('prizes.request.title', { campaign: detail.campaign?.name ?? '' })} aside={<span className={`prize-status prize-status--${view.status}`}>{t(`prizes.status.${view.status}`)}</span>}>
        {submission && (
          <>
            <p className="muted">{t('prizes.request.byline', { name: view.requester?.name ?? '', at: formatInZone(submission.at, detail.timeZone, language) })}</p>
            <table className="prize-lines-table">
              <thead><tr><th>{t('prizes.form.prizeHead')}</th><th>{t('prizes.form.quantityHead')}</th><th>{t('prizes.form.unitValueHead')}</th><th>{t('prizes.form.subtotal')}</th></tr></thead>
              <tbody>
                {view.lines.map((line) => <tr key={line.id}><td>{line.prize}</td><td>{line.quantity}</td><td>{formatFen(line.unitValueFen)}</td><td>{formatFen(line.quantity * line.unitValueFen)}</td></tr>)}
              </tbody>
              <tfoot><tr><td colSpan={3}>{t('prizes.form.totalHead')}</td><td><strong>{formatFen(view.totalFen)}</strong></td></tr></tfoot>
            </table>
            <p>{t('prizes.form.reason')}: {submission.reason}</p>
            {submission.attachments.length > 0 && (
              <>
                <p>{t('prizes.form.attachments')}:</p>
                <Attachments items={submission.attachments} />
              </>
            )}
          </>
        )}
        {detail.locked && <p className="campaign__notice" role="note">{t('prizes.request.locked')}</p>}
        {detail.campaignBudget && <BudgetLine figures={detail.campaignBudget} label={t('prizes.budget.campaign')} />}
        <BudgetLine figures={detail.monthBudget} label={t('prizes.budget.thisMonth')} />
        <ReviewPanel detail={detail} />
        <ChainView view={view} timeZone={detail.timeZone} />
        <DecisionForm detail={detail} />
        <div className="button-row">
          {detail.can.recall && <button type="button" className="button" onClick={() => void act(() => baton.recallPrizeRequest({ id: view.id }))}>{t('prizes.request.recall')}</button>}
          {detail.can.resubmit && <button type="button" className="button button--primary" onClick={() => void editAgain()}>{t('prizes.request.editAgain')}</button>}
        </div>
        <HistoryView view={view} timeZone={detail.timeZone} />
      </Card>
      {(view.status === 'approved' || view.status === 'closed' || view.winners.length > 0) && (
        <Card id="prize-fulfilment" title={t('prizes.fulfil.title')} description={t('prizes.fulfil.privacy')}>
          <FulfilmentPanel detail={detail} />
        </Card>
      )}
      <Card id="prize-disclosure" title={t('prizes.disclosure.title')} description={t('prizes.disclosure.hint')}>
        <div className="button-row">
          {(['zh-CN', 'en'] as const).map((lang) => (
            <button key={lang} type="button" className={disclosureLanguage === lang ? 'tabs__tab tabs__tab--on' : 'tabs__tab'} onClick={() => setDisclosureLanguage(lang)}>{lang === 'zh-CN' ? '中文' : 'English'}</button>
          ))}
        </div>
        <pre className="disclosure" lang={disclosureLanguage}>{detail.disclosure[disclosureLanguage]}</pre>
      </Card>
    </>
  );
}
