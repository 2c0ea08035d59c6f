import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMonthDay, formatWeekday, isoDay } from '../format';
import { useLanguage } from '../../i18n/use-language';

const msUntilTomorrow = (now: Date) =>
  new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1).getTime() - now.getTime();

/** Today's date in the header; it turns over at midnight for whoever is on the late shift. */
export function Today() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [today, setToday] = useState(() => new Date());
  useEffect(() => {
    const timer = setTimeout(() => setToday(new Date()), msUntilTomorrow(today) + 1000);
    return () => clearTimeout(timer);
  }, [today]);
  return (
    <time className="today" dateTime={isoDay(today)}>
      {t('frame.today', { date: formatMonthDay(today, language), weekday: formatWeekday(today, language) })}
    </time>
  );
}
