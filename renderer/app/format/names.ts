import type { BilingualName } from '../../../shared/team-settings';
import type { Language } from '../../../shared/settings/schema';

/**
 * The name of a shift type or department in the UI language; its id when the team's list has no
 * such item (settings written by a newer version), '' for none.
 */
export function settingName(list: ReadonlyArray<{ readonly id: string; readonly name: BilingualName }>, id: string | null, language: Language): string {
  if (id === null) return '';
  return list.find((item) => item.id === id)?.name[language] ?? id;
}
