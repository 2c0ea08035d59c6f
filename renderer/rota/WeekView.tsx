import { useTranslation } from 'react-i18next';
import type { RotaView } from '../../shared/api/rota-views';
import { useLanguage } from '../i18n/use-language';
import { dateLabel, shiftLabel } from './format';
import { SlotChip } from './MonthGrid';

/** A week as a table: one row per shift type, one column per day. */
export function WeekView({ view }: { view: RotaView }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const types = view.shiftTypes.filter((type) => !type.retired);
  return (
    <table className="week">
      <caption className="sr-only">{t('rota.tabs.week')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('rota.shift')}</th>
          {view.days.map((day) => (
            <th key={day.date} scope="col" className={day.weekend ? 'week__weekend' : undefined}>
              {dateLabel(day.date, language)}
              {day.holiday && <div className="day__holiday">{day.holiday.name}</div>}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {types.map((type) => (
          <tr key={type.id}>
            <th scope="row">{shiftLabel(view.shiftTypes, type.id, language)}</th>
            {view.days.map((day) => {
              const slot = day.slots.find((candidate) => candidate.shiftTypeId === type.id);
              return <td key={day.date}>{slot && <SlotChip slot={slot} view={view} />}</td>;
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
