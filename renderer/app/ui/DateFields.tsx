import { parseDate, parseDateTime, type CalendarDate, type CalendarDateTime } from '@internationalized/date';
import {
  Button, Calendar, CalendarCell, CalendarGrid, DateInput, DatePicker, DateSegment, Dialog, Group, Heading, I18nProvider, Label, Popover,
} from 'react-aria-components';
import { useLanguage } from '../../i18n/use-language';
import { CalendarIcon, ChevronLeftIcon, ChevronRightIcon } from './icons';
import './date-fields.css';

/**
 * How a date field is named: by its own visible label, by a label already on the screen
 * (`aria-labelledby`, e.g. a Field's), or by a name read out only (a compact row of controls).
 */
type Naming = { label: string; labelHidden?: boolean } | { 'aria-labelledby': string };

type FieldProps = Naming & {
  id?: string;
  'aria-describedby'?: string | undefined;
  'aria-invalid'?: boolean;
  isDisabled?: boolean;
  className?: string;
  /** When focus leaves the whole field (its parts and its calendar button). */
  onBlur?: () => void;
};

/** The calendar a date field opens: month by month, in the UI's language. */
function PickerCalendar() {
  return (
    <Popover className="date-popover" placement="bottom start">
      <Dialog className="date-popover__dialog">
        <Calendar className="date-calendar">
          <header className="date-calendar__header">
            <Button slot="previous" className="icon-button"><ChevronLeftIcon /></Button>
            <Heading className="date-calendar__heading" />
            <Button slot="next" className="icon-button"><ChevronRightIcon /></Button>
          </header>
          <CalendarGrid className="date-calendar__grid">
            {(date) => <CalendarCell date={date} className="date-calendar__cell" />}
          </CalendarGrid>
        </Calendar>
      </Dialog>
    </Popover>
  );
}

function Picker({ value, onChange, granularity, field }: {
  value: CalendarDate | CalendarDateTime | null;
  onChange(value: string): void;
  granularity: 'day' | 'minute';
  field: FieldProps;
}) {
  // The fields follow the UI's language, not the browser's or the system's: Chromium's own date
  // inputs showed mm/dd/yyyy and AM/PM in the Chinese UI. Shifts are written 08:00–16:00
  // everywhere in Baton, so the hour is 24-hour in both languages.
  const language = useLanguage();
  const { id, className, isDisabled, onBlur } = field;
  const named = 'label' in field
    ? (field.labelHidden ? { 'aria-label': field.label } : {})
    : { 'aria-labelledby': field['aria-labelledby'] };
  return (
    <I18nProvider locale={language}>
      <DatePicker
        id={id}
        className={['date-field', className].filter(Boolean).join(' ')}
        value={value}
        // 'yyyy-MM-dd' for a day, 'yyyy-MM-ddTHH:mm' for a moment (seconds are never picked).
        onChange={(picked) => onChange(picked?.toString().slice(0, 16) ?? '')}
        granularity={granularity}
        hourCycle={24}
        shouldForceLeadingZeros
        isDisabled={isDisabled}
        onBlur={onBlur}
        isInvalid={field['aria-invalid']}
        aria-describedby={field['aria-describedby']}
        data-value={value?.toString().slice(0, 16) ?? ''}
        {...named}
      >
        {'label' in field && !field.labelHidden && <Label className="field__label">{field.label}</Label>}
        <Group className="input date-field__group">
          <DateInput className="date-field__input">
            {(segment) => <DateSegment segment={segment} className="date-field__segment" />}
          </DateInput>
          <Button className="icon-button date-field__button"><CalendarIcon /></Button>
        </Group>
        <PickerCalendar />
      </DatePicker>
    </I18nProvider>
  );
}

function parsed<T>(value: string, parse: (value: string) => T): T | null {
  try {
    return value ? parse(value) : null;
  } catch {
    return null;
  }
}

/** A day, `yyyy-MM-dd` ('' while empty or incomplete), as the team's other date fields keep it. */
export function DateField({ value, onChange, ...field }: FieldProps & { value: string; onChange(value: string): void }) {
  return <Picker value={parsed(value, parseDate)} onChange={onChange} granularity="day" field={field} />;
}

/** A wall-clock moment, `yyyy-MM-ddTHH:mm` ('' while empty or incomplete): what `instantOfWallTime` reads. */
export function DateTimeField({ value, onChange, ...field }: FieldProps & { value: string; onChange(value: string): void }) {
  return <Picker value={parsed(value, parseDateTime)} onChange={onChange} granularity="minute" field={field} />;
}
