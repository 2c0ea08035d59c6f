import { useTranslation } from 'react-i18next';
import { shiftPlaceItem, type DutySection, type Moment, type MyShift, type OnDuty } from '../../shared/briefing';
import type { ShiftType } from '../../shared/team-settings';
import { Card } from '../app/ui/Card';
import type { MessageKey } from '../i18n/resources';
import { useLanguage } from '../i18n/use-language';
import { formatInZone, settingName } from '../app/format';
import { formatTime, shiftEnd, shiftHours } from './format';
import { PlaceLink } from './PlaceLink';

interface Props {
  section: DutySection;
  moment: Moment;
  timeZone: string;
  shiftTypes: readonly ShiftType[];
}

/** Where I stand (my shift, my role, the moment) and who is on now and next. */
export function DutyCard({ section, moment, timeZone, shiftTypes }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const name = (mine: { shift: { shiftTypeId: string } }) => settingName(shiftTypes, mine.shift.shiftTypeId, language);
  const role = (mine: MyShift | null) => (mine?.role ? t(`briefing.role.${mine.role}` as MessageKey) : '');
  const { mine } = section;
  const headline = mine
    ? t(`briefing.moment.${moment}` as MessageKey, {
        shift: name(mine),
        start: formatTime(mine.shift.startAt, timeZone, language),
        end: shiftEnd(mine.shift, timeZone, language),
        role: role(mine),
      })
    : moment === 'leave' && section.leaveUntil !== null
      ? t('briefing.moment.leave', { until: formatInZone(section.leaveUntil, timeZone, language) })
      : t('briefing.moment.off');
  const onDuty = (label: MessageKey, duty: OnDuty | null) =>
    duty && (
      <p className="briefing__duty-line">
        <span className="briefing__label">{t(label)}</span> {name(duty)} {shiftHours(duty.shift, timeZone, language)}
        {duty.people.length > 0 && ` · ${duty.people.map(({ person, role: r }) => `${person.name}${t(`briefing.role.${r}` as MessageKey)}`).join('、')}`}
      </p>
    );
  return (
    <Card id="briefing-duty" title={t('briefing.duty.title')}>
      <p className={`briefing__headline briefing__headline--${moment}`}>{headline}</p>
      {mine && <PlaceLink place={{ screen: 'stand-in', item: shiftPlaceItem(mine.shift) }}>{t('standIn.ofShift')}</PlaceLink>}
      {section.myNext && (
        <p className="briefing__duty-line">
          {t('briefing.duty.myNext', { shift: name(section.myNext), at: formatInZone(section.myNext.shift.startAt, timeZone, language), role: role(section.myNext) })}{' '}
          <PlaceLink place={{ screen: 'stand-in', item: shiftPlaceItem(section.myNext.shift) }}>{t('standIn.nav')}</PlaceLink>
        </p>
      )}
      {onDuty('briefing.duty.onNow', section.onNow)}
      {onDuty('briefing.duty.onNext', section.onNext)}
    </Card>
  );
}
