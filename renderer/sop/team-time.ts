import { CLOCK_24H } from '../app/format';
import { useLanguage } from '../i18n/use-language';
import { useTeamSettings } from '../team-settings/use-team-settings';

/**
 * SOP instants (a publication, a revision, a review) in the team's time zone, as every team
 * instant is shown: on a computer elsewhere the header names that zone. This computer's zone
 * only until the team settings are read.
 */
export function useTeamTime(): (at: number, options: Intl.DateTimeFormatOptions) => string {
  const language = useLanguage();
  const timeZone = useTeamSettings()?.settings.timeZone;
  return (at, options) => new Intl.DateTimeFormat(language, { ...options, ...CLOCK_24H, ...(timeZone ? { timeZone } : {}) }).format(at);
}
