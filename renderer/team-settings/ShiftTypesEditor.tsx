import { useTranslation } from 'react-i18next';
import { MAX_PEOPLE_ON_SHIFT, paletteColour, type ValidationIssue } from '../../shared/team-settings';
import { SettingsListEditor, type ListOfSettingProps } from './SettingsListEditor';
import { hasIssueAt, issuesAt, type ShiftTypeRow } from './team-settings-form';

/** The team's shift types: names, start and end as HH:mm in the team's zone (24:00 is midnight), people needed and colour. */
export function ShiftTypesEditor({ editable, rows, issues, onChange, newRow }: ListOfSettingProps<ShiftTypeRow>) {
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
      hints={[t('teamSettings.shiftTypesHint')]}
      editable={editable}
      rows={rows}
      issues={issuesAt(issues, 'shiftTypes')}
      issuesOfRow={(index) => issuesAt(issues, 'shiftTypes', index)}
      rowLabel={(index) => t('teamSettings.shiftRow', { n: index + 1 })}
      addLabel={t('teamSettings.addShiftType')}
      onChange={onChange}
      newRow={newRow}
      extra={(row, update, label, rowIssues) => (
        <>
          <span className="settings-list__times">
            {timeInput(row, 'start', label, rowIssues, update)}
            <span aria-hidden="true">–</span>
            {timeInput(row, 'end', label, rowIssues, update)}
          </span>
          <label className="settings-list__needed">
            <span>{t('teamSettings.needed')}</span>
            <input
              className="input"
              type="number"
              aria-label={`${label} ${t('teamSettings.needed')}`}
              aria-invalid={hasIssueAt(rowIssues, 'needed')}
              min={1}
              max={MAX_PEOPLE_ON_SHIFT}
              value={row.needed ?? 1}
              disabled={row.retired}
              onChange={(event) => update({ needed: Number(event.target.value) })}
            />
          </label>
          <input
            type="color"
            className="settings-list__colour"
            aria-label={`${label} ${t('teamSettings.colour')}`}
            value={row.colour ?? paletteColour(rows.indexOf(row))}
            disabled={row.retired}
            onChange={(event) => update({ colour: event.target.value })}
          />
        </>
      )}
    />
  );
}
