import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RotaSettingsView } from '../../shared/api/rota-views';
import type { Holiday } from '../../shared/rota';
import { hrefOf } from '../app/nav/nav-store';
import { Card } from '../app/ui/Card';
import { baton } from '../bridge/baton';
import { useLanguage } from '../i18n/use-language';
import { afterWrite } from './rota-store';
import { DateField } from '../app/ui/DateFields';

/** The lead's rota settings: rules of the checks, approvals, holidays; people needed and colours as the shift types say. */
export function RotaSettings({ settings, onSaved }: { settings: RotaSettingsView; onSaved: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [rules, setRules] = useState(settings.rules);
  const [holiday, setHoliday] = useState<Holiday>({ date: '', kind: 'holiday', name: '' });
  const [message, setMessage] = useState<string | null>(null);
  const saveHolidays = (holidays: Holiday[]) => void afterWrite(baton.setRotaSettings({ holidays })).then(onSaved);
  const number = (field: 'minRestHours' | 'maxDaysInRow' | 'maxWeekHours') => (
    <label className="field">
      <span className="field__label">{t(`rota.settings.${field}`)}</span>
      <input className="input" type="number" min={0} value={rules[field]} onChange={(event) => setRules({ ...rules, [field]: Number(event.target.value) })} />
    </label>
  );
  return (
    <>
      <Card id="rota-rules" title={t('rota.settings.title')}>
        <div className="rota-form">
          {number('minRestHours')}
          {number('maxDaysInRow')}
          {number('maxWeekHours')}
          {(['coverNeedsApproval', 'swapNeedsApproval'] as const).map((field) => (
            <label key={field} className="rota-check">
              <input type="checkbox" checked={rules[field]} onChange={(event) => setRules({ ...rules, [field]: event.target.checked })} />
              {t(`rota.settings.${field}`)}
            </label>
          ))}
        </div>
        <table className="week">
          <thead><tr><th scope="col">{t('rota.shift')}</th><th scope="col">{t('rota.settings.needed')}</th><th scope="col">{t('rota.settings.colour')}</th></tr></thead>
          <tbody>
            {settings.shiftTypes.filter((type) => !type.retired).map((type) => (
              <tr key={type.id}>
                <th scope="row">{type.name[language]} {type.start}–{type.end}</th>
                <td>{type.needed}</td>
                <td><span className="rota-swatch" style={{ background: type.colour }} aria-hidden="true" /></td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="muted">
          {t('rota.settings.shiftTypesIn')} <a href={hrefOf('settings')}>{t('rota.settings.toSettings')}</a>
        </p>
        <div className="button-row">
          <button type="button" className="button button--primary" onClick={() => void afterWrite(baton.setRotaSettings({ rules })).then(onSaved)}>{t('rota.save')}</button>
        </div>
      </Card>
      <Card id="rota-holidays" title={t('rota.holidays.title')} description={t('rota.holidays.explain')}>
        <ul className="rota-list">
          {settings.holidays.map((entry) => (
            <li key={entry.date}>
              {entry.date} · {entry.kind === 'workday' ? t('rota.workday', { name: entry.name }) : entry.name}{' '}
              <button type="button" className="button" onClick={() => saveHolidays(settings.holidays.filter((other) => other.date !== entry.date))}>{t('rota.remove')}</button>
            </li>
          ))}
        </ul>
        <div className="input-row">
          <DateField label={t('rota.holidays.date')} labelHidden value={holiday.date} onChange={(date) => setHoliday({ ...holiday, date })} />
          <select aria-label={t('rota.holidays.kind')} className="input input--medium" value={holiday.kind} onChange={(event) => setHoliday({ ...holiday, kind: event.target.value as Holiday['kind'] })}>
            <option value="holiday">{t('rota.holidays.holiday')}</option>
            <option value="workday">{t('rota.holidays.workday')}</option>
          </select>
          <input aria-label={t('rota.holidays.name')} placeholder={t('rota.holidays.name')} className="input" maxLength={60} value={holiday.name} onChange={(event) => setHoliday({ ...holiday, name: event.target.value })} />
          <button type="button" className="button" disabled={!holiday.date || !holiday.name.trim()} onClick={() => saveHolidays([...settings.holidays.filter((other) => other.date !== holiday.date), holiday])}>{t('rota.add')}</button>
        </div>
        <label className="field">
          <span className="field__label">{t('rota.holidays.import')}</span>
          <input
            type="file"
            accept=".ics,text/calendar"
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (!file) return;
              void file.text().then(async (ics) => {
                const result = await afterWrite(baton.importHolidays({ ics }));
                setMessage(result.ok ? t('rota.holidays.imported', { count: result.value.added }) : result.error.message);
                onSaved();
              });
            }}
          />
        </label>
        {message && <p role="status">{message}</p>}
      </Card>
    </>
  );
}
