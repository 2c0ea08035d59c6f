import { useTranslation } from 'react-i18next';
import type { RotaDayView, RotaSlotView, RotaView } from '../../shared/api/rota-views';
import { useLanguage } from '../i18n/use-language';
import { useStillArriving } from '../sync/StillArriving';
import { useNames } from './format';
import { setRotaView, useRota } from './rota-store';

/** One slot as a chip: the shift's colour, its people (the draft for a lead), and its marks. */
export function SlotChip({ slot, view }: { slot: RotaSlotView; view: RotaView }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const name = useNames(view.members);
  const selected = useRota((s) => s.selected);
  const type = view.shiftTypes.find((candidate) => candidate.id === slot.shiftTypeId);
  const people = view.me.lead && slot.draft ? slot.draft.primary : (slot.duty?.people.map((person) => person.memberId) ?? []);
  const gaps = slot.duty?.onLeave ?? [];
  const covered = slot.duty?.people.filter((person) => person.via !== 'rota') ?? [];
  // An empty slot already reads as a gap; the mark counts the other checks.
  const warnings = slot.checks.filter((check) => check.code !== 'uncovered');
  // In a month nobody is on yet, an empty shift is not planned rather than a gap to alarm about;
  // while the team's records are still being read, it is neither: its people may only not be read yet.
  const arriving = useStillArriving();
  const planned = view.months.find((month) => month.month === slot.date.slice(0, 7))?.planned ?? true;
  const empty = arriving ? t('rota.arrivingSlot') : planned ? t('rota.gap') : t('rota.notPlanned');
  const emptyClass = arriving ? 'slot__gap slot__gap--unplanned still-arriving' : planned ? 'slot__gap' : 'slot__gap slot__gap--unplanned';
  const label = `${type?.name[language] ?? slot.shiftTypeId}: ${people.map(name).join('、') || empty}`;
  const content = (
    <>
      <span className="slot__type">{type?.name[language] ?? slot.shiftTypeId}</span>
      <span className="slot__people">{people.map(name).join('、') || <em className={emptyClass}>{empty}</em>}</span>
      {gaps.length > 0 && <span className="slot__mark slot__mark--gap">{t('rota.onLeaveMark', { names: gaps.map(name).join('、') })}</span>}
      {covered.map((person) => (
        <span key={person.memberId} className="slot__mark">{t(`rota.via.${person.via}`, { name: name(person.memberId), for: name(person.for) })}</span>
      ))}
      {slot.unpublished && <span className="slot__mark slot__mark--draft">{t('rota.unpublishedMark')}</span>}
      {slot.conflicts.length > 0 && <span className="slot__mark slot__mark--warn">{t('rota.conflictMark')}</span>}
      {warnings.length > 0 && <span className="slot__mark slot__mark--warn">{t('rota.checksMark', { count: warnings.length })}</span>}
    </>
  );
  const style = { borderInlineStartColor: type?.colour ?? '#888' };
  if (!view.me.lead) return <div className="slot" style={style} title={label} data-slot={slot.key}>{content}</div>;
  return (
    <button
      type="button"
      className={`slot slot--button${selected === slot.key ? ' slot--selected' : ''}`}
      style={style}
      aria-label={label}
      aria-pressed={selected === slot.key}
      data-slot={slot.key}
      onClick={() => setRotaView({ selected: slot.key })}
    >
      {content}
    </button>
  );
}

function DayCell({ day, view }: { day: RotaDayView; view: RotaView }) {
  const { t } = useTranslation();
  return (
    <div className={`day${day.weekend ? ' day--weekend' : ''}${day.holiday?.kind === 'holiday' ? ' day--holiday' : ''}`} role="gridcell" data-date={day.date}>
      <div className="day__head">
        <span className="day__number">{Number(day.date.slice(8))}</span>
        {day.holiday && <span className="day__holiday">{day.holiday.kind === 'workday' ? t('rota.workday', { name: day.holiday.name }) : day.holiday.name}</span>}
      </div>
      {day.slots.map((slot) => (
        <SlotChip key={slot.key} slot={slot} view={view} />
      ))}
    </div>
  );
}

/** The month as a calendar, Monday first. */
export function MonthGrid({ view }: { view: RotaView }) {
  const { t } = useTranslation();
  const first = view.days[0];
  const lead = first ? (new Date(`${first.date}T00:00:00Z`).getUTCDay() + 6) % 7 : 0;
  const weeks: Array<Array<RotaDayView | null>> = [];
  const cells: Array<RotaDayView | null> = [...Array.from({ length: lead }, () => null), ...view.days];
  for (let index = 0; index < cells.length; index += 7) weeks.push(cells.slice(index, index + 7));
  return (
    <div className="month" role="grid" aria-label={t('rota.tabs.month')}>
      <div className="month__row month__row--head" role="row">
        {(['0', '1', '2', '3', '4', '5', '6'] as const).map((day) => (
          <div key={day} className="month__weekday" role="columnheader">{t(`rota.weekday.${day}`)}</div>
        ))}
      </div>
      {weeks.map((week, index) => (
        <div key={index} className="month__row" role="row">
          {week.map((day, cell) => (day ? <DayCell key={day.date} day={day} view={view} /> : <div key={`blank-${cell}`} className="day day--blank" role="gridcell" />))}
        </div>
      ))}
    </div>
  );
}
