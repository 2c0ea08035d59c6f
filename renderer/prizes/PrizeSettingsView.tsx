import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrizesOverview } from '../../shared/api/prizes-contract';
import { LEGAL_REVIEW_NAME, fenToYuanText, parseYuan } from '../../shared/prizes';
import { Card } from '../app/ui/Card';
import { baton } from '../bridge/baton';
import { issueText } from './issue-text';
import { act } from './use-request';

const MONEY = ['leadMaxFen', 'approverMaxFen', 'topPrizeCapFen'] as const;
const DAYS = ['contactDays', 'shipDays', 'retentionDays'] as const;

/** The prize settings a lead edits: chain thresholds, named approver, legal review, cap, budget, deadlines, retention. */
export function PrizeSettingsView({ overview }: { overview: PrizesOverview }) {
  const { t } = useTranslation();
  const { settings } = overview;
  const [money, setMoney] = useState<Record<(typeof MONEY)[number], string>>({ leadMaxFen: fenToYuanText(settings.leadMaxFen), approverMaxFen: fenToYuanText(settings.approverMaxFen), topPrizeCapFen: fenToYuanText(settings.topPrizeCapFen) });
  const [monthly, setMonthly] = useState(settings.monthlyBudgetFen === null ? '' : fenToYuanText(settings.monthlyBudgetFen));
  const [days, setDays] = useState<Record<(typeof DAYS)[number], string>>({ contactDays: String(settings.contactDays), shipDays: String(settings.shipDays), retentionDays: String(settings.retentionDays) });
  const [named, setNamed] = useState(settings.namedApprover?.memberId ?? '');
  const [legalOver, setLegalOver] = useState(settings.extraStep ? fenToYuanText(settings.extraStep.overFen) : '');
  const [legalBy, setLegalBy] = useState(settings.extraStep?.reviewer?.memberId ?? '');
  const [contact, setContact] = useState(settings.organiserContact);
  const [error, setError] = useState<string | null>(null);
  const person = (memberId: string) => overview.members.filter((member) => member.memberId === memberId).map((member) => ({ memberId: member.memberId, name: member.name }))[0] ?? null;
  const disabled = !overview.me.isLead;

  const save = async () => {
    const amounts = Object.fromEntries(MONEY.map((key) => [key, parseYuan(money[key])]));
    const monthlyFen = monthly.trim() === '' ? null : parseYuan(monthly);
    const legalFen = legalOver.trim() === '' ? null : parseYuan(legalOver);
    if (Object.values(amounts).some((value) => value === null) || (monthly.trim() !== '' && monthlyFen === null) || (legalOver.trim() !== '' && legalFen === null)) return setError(t('prizes.issue.not-an-amount'));
    const issues = await act(() =>
      baton.setPrizeSettings({
        changes: {
          ...(amounts as Record<(typeof MONEY)[number], number>),
          monthlyBudgetFen: monthlyFen,
          ...Object.fromEntries(DAYS.map((key) => [key, Number(days[key])])),
          namedApprover: person(named),
          extraStep: legalFen === null ? null : { overFen: legalFen, name: LEGAL_REVIEW_NAME, reviewer: person(legalBy) },
          organiserContact: contact,
        },
      }),
    );
    setError(issues.length > 0 ? issues.map((issue) => issueText(issue, t)).join(' ') : null);
  };
  const memberSelect = (id: string, value: string, onChange: (value: string) => void) => (
    <select id={id} className="input" value={value} disabled={disabled} onChange={(event) => onChange(event.target.value)}>
      <option value="">{t('prizes.settings.nobody')}</option>
      {overview.members.map((member) => <option key={member.memberId} value={member.memberId}>{member.name}</option>)}
    </select>
  );
  return (
    <Card id="prize-settings" title={t('prizes.settings.title')} description={t(disabled ? 'prizes.settings.leadOnly' : 'prizes.settings.hint')}>
      <form className="prize-form" onSubmit={(event) => { event.preventDefault(); void save(); }}>
        {MONEY.map((key) => (
          <span key={key}>
            <label className="field__label" htmlFor={`settings-${key}`}>{t(`prizes.settings.${key}`)}</label>
            <input id={`settings-${key}`} className="input" inputMode="decimal" disabled={disabled} value={money[key]} onChange={(event) => setMoney({ ...money, [key]: event.target.value })} />
          </span>
        ))}
        <label className="field__label" htmlFor="settings-named">{t('prizes.settings.namedApprover')}</label>
        {memberSelect('settings-named', named, setNamed)}
        <label className="field__label" htmlFor="settings-legal-over">{t('prizes.settings.legalOver')}</label>
        <input id="settings-legal-over" className="input" inputMode="decimal" disabled={disabled} value={legalOver} onChange={(event) => setLegalOver(event.target.value)} />
        <label className="field__label" htmlFor="settings-legal-by">{t('prizes.settings.legalBy')}</label>
        {memberSelect('settings-legal-by', legalBy, setLegalBy)}
        <label className="field__label" htmlFor="settings-monthly">{t('prizes.settings.monthlyBudget')}</label>
        <input id="settings-monthly" className="input" inputMode="decimal" disabled={disabled} value={monthly} onChange={(event) => setMonthly(event.target.value)} />
        {DAYS.map((key) => (
          <span key={key}>
            <label className="field__label" htmlFor={`settings-${key}`}>{t(`prizes.settings.${key}`)}</label>
            <input id={`settings-${key}`} className="input prize-form__narrow" inputMode="numeric" disabled={disabled} value={days[key]} onChange={(event) => setDays({ ...days, [key]: event.target.value })} />
          </span>
        ))}
        <label className="field__label" htmlFor="settings-contact">{t('prizes.settings.organiserContact')}</label>
        <input id="settings-contact" className="input" disabled={disabled} value={contact} onChange={(event) => setContact(event.target.value)} />
        {error && <p className="field__error" role="alert">{error}</p>}
        {!disabled && <button type="submit" className="button button--primary">{t('prizes.settings.save')}</button>}
      </form>
    </Card>
  );
}
