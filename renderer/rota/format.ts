import { useTranslation } from 'react-i18next';
import type { RotaShiftType } from '../../shared/api/rota-views';
import type { Duty, Ineligible, RotaCheck } from '../../shared/rota';
import type { Language } from '../../shared/settings/schema';
import { useLanguage } from '../i18n/use-language';
import { useZoneName } from '../team-settings/TimeZoneSelect';

/** Shown things of the rota: names, shift times, the reasons and checks in words. */

export function useNames(members: ReadonlyArray<{ memberId: string; name: string }> | Readonly<Record<string, string>>) {
  const byId = Array.isArray(members) ? new Map(members.map((member) => [member.memberId, member.name])) : new Map(Object.entries(members));
  return (memberId: string | null) => (memberId === null ? '' : (byId.get(memberId) ?? memberId));
}

export function shiftLabel(types: readonly RotaShiftType[], shiftTypeId: string, language: Language): string {
  const type = types.find((candidate) => candidate.id === shiftTypeId);
  return type ? `${type.name[language]} ${type.start}–${type.end}` : shiftTypeId;
}

export function dateLabel(date: string, language: Language): string {
  return new Intl.DateTimeFormat(language, { month: 'short', day: 'numeric', weekday: 'short', timeZone: 'UTC' }).format(Date.parse(`${date}T00:00:00Z`));
}

/** "3月2日" / "Mar 2": a day without its weekday (a week's Monday). */
export function dayLabel(date: string, language: Language): string {
  return new Intl.DateTimeFormat(language, { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(Date.parse(`${date}T00:00:00Z`));
}

/** "2026年3月" / "March 2026" for a yyyy-MM. */
export function monthLabel(month: string, language: Language): string {
  return new Intl.DateTimeFormat(language, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(Date.parse(`${month}-01T00:00:00Z`));
}

/** "Times are in the team's zone, Shanghai" when this computer's zone is another: named as the header names it, not the raw id. */
export function useZoneNote(timeZone: string | undefined): string | null {
  const { t } = useTranslation();
  const zoneName = useZoneName();
  if (!timeZone || Intl.DateTimeFormat().resolvedOptions().timeZone === timeZone) return null;
  return t('rota.zoneNote', { zone: zoneName(timeZone) });
}

export function useReasonText() {
  const { t } = useTranslation();
  return (reason: Ineligible) =>
    reason.code === 'short-rest'
      ? t('rota.reason.short-rest', { hours: Math.floor(reason.minutes / 60), minutes: reason.minutes % 60, min: reason.minHours })
      : t(`rota.reason.${reason.code}`);
}

export function useCheckText(types: readonly RotaShiftType[], name: (id: string | null) => string) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (check: RotaCheck) => {
    const shift = `${dateLabel(check.key.slice(0, 10), language)} ${shiftLabel(types, check.key.slice(11), language)}`;
    const params = { ...check, shift, name: 'memberId' in check ? name(check.memberId) : '', restHours: 'minutes' in check ? `${Math.floor(check.minutes / 60)}:${String(check.minutes % 60).padStart(2, '0')}` : '' };
    return t(`rota.check.${check.code}`, params);
  };
}

export function dutyNames(duty: Duty, name: (id: string | null) => string): string {
  return duty.people.map((person) => name(person.memberId)).join('、');
}
