import { useTranslation } from 'react-i18next';
import { useLanguage } from '../i18n/use-language';
import { formatDateTime, formatRelative } from './time';

/** A moment as "3 分钟前", with the date and time to the second on hover. */
export function Moment({ at, now }: { at: number; now: number }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const exact = formatDateTime(at, language);
  return (
    <time dateTime={new Date(at).toISOString()} title={exact}>
      {formatRelative(at, now, language, t('sync.time.justNow'))}
    </time>
  );
}
