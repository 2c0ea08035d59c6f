import { useMemo, type ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../shared/settings/schema';
import { useNow } from '../app/clock/use-now';
import { useLanguage } from '../i18n/use-language';

const HOUR = 3_600_000;

/** Where Weibo teams usually are, first in the list, named in the UI's language. */
const COMMON = [
  ['Asia/Shanghai', 'shanghai'],
  ['Asia/Hong_Kong', 'hongKong'],
  ['Asia/Taipei', 'taipei'],
  ['Asia/Singapore', 'singapore'],
  ['Asia/Tokyo', 'tokyo'],
  ['Asia/Seoul', 'seoul'],
  ['Europe/London', 'london'],
  ['Europe/Berlin', 'berlin'],
  ['America/New_York', 'newYork'],
  ['America/Los_Angeles', 'losAngeles'],
  ['Australia/Sydney', 'sydney'],
  ['UTC', 'utc'],
] as const;

/** "GMT+8" as it is now (summer time included), in the UI's language. */
function offsetOf(zone: string, language: Language, now: number): string {
  const part = new Intl.DateTimeFormat(language, { timeZone: zone, timeZoneName: 'shortOffset' }).formatToParts(now).find((p) => p.type === 'timeZoneName');
  return part?.value ?? '';
}

/** The zone's name as people say it ("中国标准时间", "Central European Time"), from Intl. */
function genericName(zone: string, language: Language, now: number): string {
  return new Intl.DateTimeFormat(language, { timeZone: zone, timeZoneName: 'longGeneric' }).formatToParts(now).find((p) => p.type === 'timeZoneName')?.value ?? zone;
}

/** A zone as the UI names it: a common one by its city in the UI's language, another by Intl's name. */
export function useZoneName(): (zone: string) => string {
  const { t } = useTranslation();
  const language = useLanguage();
  return (zone) => {
    const key = COMMON.find(([common]) => common === zone)?.[1];
    return key ? t(`teamSettings.zones.${key}`) : genericName(zone, language, Date.now());
  };
}

/**
 * The team's time zone: the common ones first with their city in the UI's language, then every
 * other zone, each with its offset, instead of ~400 raw English ids in the Chinese UI.
 */
export function TimeZoneSelect({ value, onChange, ...control }: Omit<ComponentProps<'select'>, 'value' | 'onChange'> & { value: string; onChange(zone: string): void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  // Offsets change with summer time: read again each hour.
  const now = useNow(HOUR);
  const options = useMemo(() => {
    const common = new Set<string>(COMMON.map(([zone]) => zone));
    const label = (zone: string, name: string) => (language === 'en' ? `${name} (${offsetOf(zone, language, now)})` : `${name}（${offsetOf(zone, language, now)}）`);
    const first = COMMON.map(([zone, key]) => ({ zone, label: label(zone, t(`teamSettings.zones.${key}`)) }));
    const rest = Intl.supportedValuesOf('timeZone').filter((zone) => !common.has(zone))
      .map((zone) => ({ zone, label: label(zone, `${genericName(zone, language, now)} · ${zone.replaceAll('_', ' ')}`) }));
    return { first, rest };
  }, [language, t, now]);
  const known = options.first.some((o) => o.zone === value) || options.rest.some((o) => o.zone === value);
  return (
    <select {...control} className="input input--medium" value={value} onChange={(event) => onChange(event.target.value)}>
      {!known && <option value={value}>{value}</option>}
      <optgroup label={t('teamSettings.zonesCommon')}>
        {options.first.map((o) => <option key={o.zone} value={o.zone}>{o.label}</option>)}
      </optgroup>
      <optgroup label={t('teamSettings.zonesAll')}>
        {options.rest.map((o) => <option key={o.zone} value={o.zone}>{o.label}</option>)}
      </optgroup>
    </select>
  );
}
