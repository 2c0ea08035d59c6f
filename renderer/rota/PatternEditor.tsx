import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RotaSettingsView, RotaView } from '../../shared/api/rota-views';
import type { Pattern } from '../../shared/rota';
import { Card } from '../app/ui/Card';
import { baton } from '../bridge/baton';
import { useLanguage } from '../i18n/use-language';
import { PatternCell } from './PatternCell';
import { afterWrite, useRota } from './rota-store';
import { DateField } from '../app/ui/DateFields';

const emptyDays = (length: number): Pattern['days'] => Array.from({ length }, () => ({}));

/** A recurring rotation over named people (as many per shift and day of the cycle as it needs), applied to a range of the draft. */
export function PatternEditor({ view, settings, onSaved }: { view: RotaView; settings: RotaSettingsView; onSaved: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [pattern, setPattern] = useState<Pattern>(() => settings.patterns[0] ?? { id: `p${Date.now().toString(36)}`, name: t('rota.pattern.defaultName'), days: emptyDays(14) });
  const [range, setRange] = useState({ from: view.days[0]?.date ?? '', to: view.days.at(-1)?.date ?? '' });
  const [message, setMessage] = useState<string | null>(null);
  const types = view.shiftTypes.filter((type) => !type.retired);
  const nameInput = useRef<HTMLInputElement>(null);
  // Arrived from the empty rota's "make a pattern": bring the card into view, ready to type.
  useEffect(() => {
    if (useRota.getState().focus !== 'pattern') return;
    useRota.setState({ focus: null });
    nameInput.current?.scrollIntoView({ block: 'start' });
    nameInput.current?.focus();
  }, []);
  const setCell = (day: number, shiftTypeId: string, people: string[]) =>
    setPattern({ ...pattern, days: pattern.days.map((entry, index) => (index === day ? { ...entry, [shiftTypeId]: people } : entry)) });
  const save = () => afterWrite(baton.setRotaSettings({ patterns: [...settings.patterns.filter((other) => other.id !== pattern.id), pattern] })).then(onSaved);
  return (
    <Card id="rota-pattern" title={t('rota.pattern.title')} description={t('rota.pattern.explain')}>
      <div className="input-row">
        <input ref={nameInput} aria-label={t('rota.pattern.name')} className="input" maxLength={60} value={pattern.name} onChange={(event) => setPattern({ ...pattern, name: event.target.value })} />
        <select aria-label={t('rota.pattern.length')} className="input input--medium" value={pattern.days.length} onChange={(event) => setPattern({ ...pattern, days: emptyDays(Number(event.target.value)).map((day, index) => pattern.days[index] ?? day) })}>
          {[7, 14, 21, 28].map((length) => <option key={length} value={length}>{t('rota.pattern.days', { count: length })}</option>)}
        </select>
      </div>
      <div className="pattern-scroll">
        <table className="week">
          <thead>
            <tr>
              <th scope="col">{t('rota.shift')}</th>
              {pattern.days.map((_, index) => <th key={index} scope="col">{index + 1}</th>)}
            </tr>
          </thead>
          <tbody>
            {types.map((type) => (
              <tr key={type.id}>
                <th scope="row">
                  {type.name[language]}
                  {type.needed > 1 && <span className="muted"> {t('rota.pattern.needs', { count: type.needed })}</span>}
                </th>
                {pattern.days.map((day, index) => (
                  <td key={index}>
                    <PatternCell
                      label={t('rota.pattern.cell', { day: index + 1, shift: type.name[language] })}
                      people={day[type.id] ?? []}
                      members={view.members}
                      needed={type.needed}
                      onChange={(people) => setCell(index, type.id, people)}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="button-row">
        <button type="button" className="button" disabled={!pattern.name.trim()} onClick={() => void save()}>{t('rota.pattern.save')}</button>
      </div>
      <div className="input-row">
        <DateField label={t('rota.leave.from')} labelHidden value={range.from} onChange={(from) => setRange({ ...range, from })} />
        <DateField label={t('rota.leave.to')} labelHidden value={range.to} onChange={(to) => setRange({ ...range, to })} />
        <button
          type="button"
          className="button button--primary"
          disabled={!settings.patterns.some((other) => other.id === pattern.id)}
          onClick={() => void afterWrite(baton.applyRotaPattern({ patternId: pattern.id, ...range })).then((result) => setMessage(result.ok ? t('rota.pattern.applied', { count: result.value.slots }) : result.error.message))}
        >
          {t('rota.pattern.apply')}
        </button>
      </div>
      <p className="muted">{t('rota.pattern.past')}</p>
      {message && <p role="status">{message}</p>}
    </Card>
  );
}
