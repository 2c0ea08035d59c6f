import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { BilingualName, ValidationIssue } from '../../shared/team-settings';
import { issueText } from '../app/format';
import { hasIssueAt } from './team-settings-form';

interface ListRow {
  readonly key: string;
  readonly id?: string;
  readonly name: BilingualName;
  readonly retired: boolean;
}

interface Props<R extends ListRow> {
  legend: string;
  /** One line each, under the legend. */
  hints?: readonly string[];
  /** False for a person who may only read: no buttons that could not be used. */
  editable: boolean;
  rows: readonly R[];
  /** Issues of the setting as a whole (two ids alike, none in use). */
  issues: readonly ValidationIssue[];
  issuesOfRow: (index: number) => ValidationIssue[];
  /** '班次 3': names each row's controls for screen readers. */
  rowLabel: (index: number) => string;
  addLabel: string;
  onChange: (rows: R[]) => void;
  newRow: () => R;
  /** More controls after the names (a shift's start and end, a department's contact). */
  extra?: (row: R, update: (patch: Partial<R>) => void, label: string, rowIssues: readonly ValidationIssue[]) => ReactNode;
}

/** What the team settings card gives the editor of one of its lists (shift types, departments). */
export interface ListOfSettingProps<R> {
  editable: boolean;
  rows: readonly R[];
  /** Every issue of the save: the editor picks its setting's. */
  issues: readonly ValidationIssue[];
  onChange: (rows: R[]) => void;
  newRow: () => R;
}

/**
 * A list a lead edits: names in both languages, add, and retire. A saved item is retired (kept
 * for old notes, no longer offered) and can be restored; one added since the last save is removed.
 */
export function SettingsListEditor<R extends ListRow>({ legend, hints = [], editable, rows, issues, issuesOfRow, rowLabel, addLabel, onChange, newRow, extra }: Props<R>) {
  const { t } = useTranslation();
  const replace = (index: number, patch: Partial<R>) => onChange(rows.map((row, at) => (at === index ? { ...row, ...patch } : row)));

  return (
    <fieldset className="settings-list">
      <legend className="field__label">{legend}</legend>
      {hints.map((hint) => (
        <p key={hint} className="field__hint">{hint}</p>
      ))}
      <ul className="settings-list__rows">
        {rows.map((row, index) => {
          const label = rowLabel(index);
          const rowIssues = issuesOfRow(index);
          const update = (patch: Partial<R>) => replace(index, patch);
          const action = row.retired ? t('teamSettings.restore') : row.id ? t('teamSettings.retire') : t('teamSettings.remove');
          const act = () => (row.id === undefined ? onChange(rows.filter((_, at) => at !== index)) : update({ retired: !row.retired } as Partial<R>));
          const nameInput = (language: keyof BilingualName, text: string) => (
            <input
              className="input"
              aria-label={`${label} ${text}`}
              aria-invalid={hasIssueAt(rowIssues, `name.${language}`)}
              placeholder={text}
              value={row.name[language]}
              disabled={row.retired}
              onChange={(event) => update({ name: { ...row.name, [language]: event.target.value } } as Partial<R>)}
            />
          );
          return (
            <li key={row.key} className={row.retired ? 'settings-list__row settings-list__row--retired' : 'settings-list__row'}>
              <div className="settings-list__controls">
                {nameInput('zh-CN', t('teamSettings.zhName'))}
                {nameInput('en', t('teamSettings.enName'))}
                {extra?.(row, update, label, rowIssues)}
                {editable && (
                  <button type="button" className="button" aria-label={`${action} ${label}`} onClick={act}>
                    {action}
                  </button>
                )}
                {row.retired && <span className="badge">{t('teamSettings.retired')}</span>}
              </div>
              {rowIssues.length > 0 && <p className="field__error">{rowIssues.map((issue) => issueText(issue, t)).join(' ')}</p>}
            </li>
          );
        })}
      </ul>
      {issues.length > 0 && <p className="field__error">{issues.map((issue) => issueText(issue, t)).join(' ')}</p>}
      {editable && (
        <div className="button-row">
          <button type="button" className="button" onClick={() => onChange([...rows, newRow()])}>
            {addLabel}
          </button>
        </div>
      )}
    </fieldset>
  );
}
