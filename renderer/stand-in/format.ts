import { useTranslation } from 'react-i18next';
import { formatInZone } from '../app/format';
import { useLanguage } from '../i18n/use-language';

/** An instant of the pack as people read it, in the team's zone ("1/6 10:00"). */
export function useAt(timeZone: string): (at: number) => string {
  const language = useLanguage();
  return (at) => formatInZone(at, timeZone, language);
}

/** A list of names as the language writes one: 小林、老王 / 小林, 老王. */
export function useList(): (items: readonly string[]) => string {
  const { t } = useTranslation();
  return (items) => items.join(t('standIn.separator'));
}
