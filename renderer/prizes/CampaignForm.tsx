import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrizesOverview } from '../../shared/api/prizes-contract';
import { CAMPAIGN_TYPES, parseYuan, type CampaignType } from '../../shared/prizes';
import type { Department } from '../../shared/team-settings';
import { reportError } from '../app/errors/report-error';
import { baton } from '../bridge/baton';
import { issueText } from './issue-text';
import { useLanguage } from '../i18n/use-language';
import { refreshPrizes } from './prizes-store';
import { DateField } from '../app/ui/DateFields';

/** A new campaign of the team, or a notice of another department's campaign (with the day we heard of it). */
export function CampaignForm({ overview, departments }: { overview: PrizesOverview; departments: readonly Department[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [type, setType] = useState<CampaignType>('repostLottery');
  const [name, setName] = useState('');
  const [startDate, setStart] = useState(overview.today);
  const [endDate, setEnd] = useState(overview.today);
  const [budget, setBudget] = useState('');
  const [department, setDepartment] = useState('');
  const [heardOn, setHeardOn] = useState(overview.today);
  const [error, setError] = useState<string | null>(null);
  const me = overview.members.find((member) => member.memberId === overview.me.memberId);

  const save = async () => {
    const budgetFen = department ? 0 : parseYuan(budget || '0');
    if (budgetFen === null) return setError(t('prizes.issue.not-an-amount'));
    if (!me) return setError(t('prizes.issue.not-in-team'));
    const result = await baton.savePrizeCampaign({
      id: null,
      fields: { type, name, startDate, endDate, owner: { memberId: me.memberId, name: me.name }, budgetFen, department: department || null, heardOn: department ? heardOn : null },
    });
    if (!result.ok) return reportError(result.error, 'errors.couldNotSave');
    if (!result.value.ok) return setError(result.value.issues.map((issue) => issueText(issue, t)).join(' '));
    setError(null);
    // Typed while it was saving: kept.
    setName((current) => (current === name ? '' : current));
    setBudget((current) => (current === budget ? '' : current));
    await refreshPrizes();
  };

  return (
    <form className="prize-form" onSubmit={(event) => { event.preventDefault(); void save(); }}>
      <label className="field__label" htmlFor="campaign-type">{t('prizes.campaigns.type')}</label>
      <select id="campaign-type" className="input" value={type} onChange={(event) => setType(event.target.value as CampaignType)}>
        {CAMPAIGN_TYPES.map((item) => <option key={item} value={item}>{t(`prizes.type.${item}`)}</option>)}
      </select>
      <label className="field__label" htmlFor="campaign-name">{t('prizes.campaigns.name')}</label>
      <input id="campaign-name" className="input" value={name} onChange={(event) => setName(event.target.value)} />
      <div className="prize-form__row">
        <DateField id="campaign-start" label={t('prizes.campaigns.start')} value={startDate} onChange={setStart} />
        <DateField id="campaign-end" label={t('prizes.campaigns.end')} value={endDate} onChange={setEnd} />
      </div>
      <label className="field__label" htmlFor="campaign-department">{t('prizes.campaigns.department')}</label>
      <select id="campaign-department" className="input" value={department} onChange={(event) => setDepartment(event.target.value)}>
        <option value="">{t('prizes.campaigns.ours')}</option>
        {departments.filter((item) => !item.retired).map((item) => <option key={item.id} value={item.id}>{item.name[language]}</option>)}
      </select>
      {department ? (
        <DateField id="campaign-heard" label={t('prizes.campaigns.heardOn')} value={heardOn} onChange={setHeardOn} />
      ) : (
        <>
          <label className="field__label" htmlFor="campaign-budget">{t('prizes.campaigns.budget')}</label>
          <input id="campaign-budget" className="input" inputMode="decimal" placeholder="10000.00" value={budget} onChange={(event) => setBudget(event.target.value)} />
        </>
      )}
      {error && <p className="field__error" role="alert">{error}</p>}
      <button type="submit" className="button button--primary">{t('prizes.campaigns.save')}</button>
    </form>
  );
}
