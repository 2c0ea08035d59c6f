import { useTranslation } from 'react-i18next';
import { useZoneName } from '../team-settings/TimeZoneSelect';

/**
 * Due-time pickers show the team's wall-clock time (deadlines are in the team's zone, see
 * `wallTimeInZone`). When this computer is set to another zone, say so under the picker.
 */
export function useDueZoneHint(timeZone: string): string | undefined {
  const { t } = useTranslation();
  const zoneName = useZoneName();
  const own = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return own === timeZone ? undefined : t('followUps.form.dueZone', { zone: zoneName(timeZone) });
}
