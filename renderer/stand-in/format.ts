import { formatInZone } from '../app/format';
import { useLanguage } from '../i18n/use-language';

/** An instant of the pack as people read it, in the team's zone ("1/6 10:00"). */
export function useAt(timeZone: string): (at: number) => string {
  const language = useLanguage();
  return (at) => formatInZone(at, timeZone, language);
}
