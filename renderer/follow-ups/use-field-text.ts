import { useTranslation } from 'react-i18next';
import type { ShiftContext } from '../../shared/api/handover-views';
import type { FollowUpField, FollowUpFields } from '../../shared/handover';
import type { Person } from '../../shared/team-settings';
import { formatInZone } from '../app/format';
import type { MessageKey } from '../i18n/resources';
import { useLanguage } from '../i18n/use-language';

/**
 * A follow-up field's value in words, the same in the history and the conflict panel: status and
 * department by name (a retired department still by its name), the due time in the team's zone.
 */
export function useFieldText({ timeZone, departments }: ShiftContext): (field: FollowUpField, value: FollowUpFields[FollowUpField]) => string {
  const { t } = useTranslation();
  const language = useLanguage();
  return (field, value) => {
    switch (field) {
      case 'status':
        return t(`followUps.status.${String(value)}` as MessageKey);
      case 'dueAt':
        return formatInZone(Number(value), timeZone, language);
      case 'owner':
        return (value as Person).name;
      case 'department':
        if (value === null) return t('followUps.noDepartment');
        return departments.find((department) => department.id === value)?.name[language] ?? String(value);
      case 'title':
        return String(value);
    }
  };
}
