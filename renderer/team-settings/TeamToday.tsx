import { useTranslation } from 'react-i18next';
import { dateInZone } from '../../shared/team-settings';
import { useNow } from '../app/clock/use-now';
import { useLanguage } from '../i18n/use-language';
import { useZoneName } from './TimeZoneSelect';
import { useTeamSettings } from './use-team-settings';

const MINUTE = 60_000;

/**
 * Today's date in the header, in the team's time zone (shifts and deadlines are in it); on a
 * computer whose zone is another, it says whose date it is. Before a team exists, this computer's.
 */
export function TeamToday() {
  const { t } = useTranslation();
  const language = useLanguage();
  const zoneName = useZoneName();
  const now = useNow(MINUTE);
  const here = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const timeZone = useTeamSettings()?.settings.timeZone ?? here;
  const date = new Intl.DateTimeFormat(language, { timeZone, month: 'long', day: 'numeric' }).format(now);
  const weekday = new Intl.DateTimeFormat(language, { timeZone, weekday: 'long' }).format(now);
  return (
    <p className="today">
      <time dateTime={dateInZone(now, timeZone)}>{t('frame.today', { date, weekday })}</time>
      {timeZone !== here && <span className="today__zone"> · {t('teamSettings.teamZoneToday', { zone: zoneName(timeZone) })}</span>}
    </p>
  );
}
