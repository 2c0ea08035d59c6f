import { useTranslation } from 'react-i18next';
import { SettingsListEditor, type ListOfSettingProps } from './SettingsListEditor';
import { hasIssueAt, issuesAt, type DepartmentRow } from './team-settings-form';

/** The departments escalations go to: names, and who to call there and how (the stand-in pack prints it). */
export function DepartmentsEditor({ editable, rows, issues, onChange, newRow }: ListOfSettingProps<DepartmentRow>) {
  const { t } = useTranslation();
  return (
    <SettingsListEditor
      legend={t('teamSettings.departments')}
      hints={[t('teamSettings.retiredHint'), t('teamSettings.contactHint')]}
      editable={editable}
      rows={rows}
      issues={issuesAt(issues, 'departments')}
      issuesOfRow={(index) => issuesAt(issues, 'departments', index)}
      rowLabel={(index) => t('teamSettings.departmentRow', { n: index + 1 })}
      addLabel={t('teamSettings.addDepartment')}
      onChange={onChange}
      newRow={newRow}
      extra={(row, update, label, rowIssues) => (
        <input
          className="input settings-list__contact"
          aria-label={`${label} ${t('teamSettings.contact')}`}
          aria-invalid={hasIssueAt(rowIssues, 'contact')}
          placeholder={t('teamSettings.contactPlaceholder')}
          value={row.contact}
          disabled={row.retired}
          onChange={(event) => update({ contact: event.target.value })}
        />
      )}
    />
  );
}
