import { useTranslation } from 'react-i18next';
import type { ValidationIssue } from '../../shared/team-settings';
import { SettingsListEditor } from './SettingsListEditor';
import { hasIssueAt, issuesAt, type ShiftTypeRow } from './team-settings-form';

interface Props {
  editable: boolean;
  rows: readonly ShiftTypeRow[];
  issues: readonly ValidationIssue[];
  onChange: (rows: ShiftTypeRow[]) => void;
  newRow: () => ShiftTypeRow;
}

/** The team's shift types: names, and start and end as HH:mm in the team's zone (24:00 is midnight). */
export function ShiftTypesEditor({ editable, rows, issues, onChange, newRow }: Props) {
  const { t } = useTranslation();
  const timeInput = (row: ShiftTypeRow, part: 'start' | 'end', label: string, rowIssues: readonly ValidationIssue[], update: (patch: Partial<ShiftTypeRow>) => void) => (
    <input
      className="input settings-list__time"
      aria-label={`${label} ${t(`teamSettings.${part}`)}`}
      aria-invalid={hasIssueAt(rowIssues, part)}
      placeholder={part === 'start' ? '08:00' : '16:00'}
      inputMode="numeric"
      maxLength={5}
      value={row[part]}
      disabled={row.retired}
      onChange={(event) => update({ [part]: event.target.value })}
    />
  );
  return (
    <SettingsListEditor
      legend={t('teamSettings.shiftTypes')}
      hint={t('teamSettings.shiftTypesHint')}
      editable={editable}
      rows={rows}
      issues={issuesAt(issues, 'shiftTypes')}
      issuesOfRow={(index) => issuesAt(issues, 'shiftTypes', index)}
      rowLabel={(index) => t('teamSettings.shiftRow', { n: index + 1 })}
      addLabel={t('teamSettings.addShiftType')}
      onChange={onChange}
      newRow={newRow}
      extra={(row, update, label, rowIssues) => (
        <span className="settings-list__times">
          {timeInput(row, 'start', label, rowIssues, update)}
          <span aria-hidden="true">–</span>
          {timeInput(row, 'end', label, rowIssues, update)}
        </span>
      )}
    />
  );
}
