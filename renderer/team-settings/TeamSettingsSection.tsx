import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TeamSettingsField } from '../../shared/api/team-settings-contract';
import type { ValidationIssue } from '../../shared/team-settings';
import { reportError } from '../app/errors/report-error';
import { Field } from '../app/ui/Field';
import { baton } from '../bridge/baton';
import { issueText } from '../app/format';
import type { MessageKey } from '../i18n/resources';
import { setSaveStatus } from '../app/ui/save-status-store';
import { SettingsSection } from '../app/ui/SettingsSection';
import { ShiftTypesEditor } from './ShiftTypesEditor';
import { DepartmentsEditor } from './DepartmentsEditor';
import { TimeZoneSelect } from './TimeZoneSelect';
import { changesOf, formOf, issuesAt, type TeamSettingsForm } from './team-settings-form';
import { refreshTeamSettings, useMayEditTeamSettings, useTeamSettings } from './use-team-settings';
import './team-settings.css';

const SECTION = 'team';
let rowKeys = 0;
const newKey = () => `new-${++rowKeys}`;

/**
 * The team's settings (as opposed to this computer's, the other cards of the screen): everyone
 * sees them, a lead changes them. What is typed stays in the card until a save is accepted, so a
 * refused save loses nothing.
 */
export function TeamSettingsSection() {
  const { t } = useTranslation();
  const view = useTeamSettings();
  const mayEdit = useMayEditTeamSettings();
  const [draft, setDraft] = useState<TeamSettingsForm | null>(null);
  const [issues, setIssues] = useState<ValidationIssue[]>([]);
  const [saving, setSaving] = useState(false);

  if (!view) return null;
  const form = draft ?? formOf(view.settings);
  const edit = (patch: Partial<TeamSettingsForm>) => setDraft({ ...form, ...patch });
  const textOf = (found: readonly ValidationIssue[]) => (found.length > 0 ? found.map((issue) => issueText(issue, t)).join(' ') : undefined);
  const minutes = Number(form.escalationMinutes);

  const save = async () => {
    const changes = changesOf(form, view.settings);
    if (Array.isArray(changes)) return setIssues(changes);
    setSaving(true);
    const result = await baton.setTeamSettings({ changes });
    setSaving(false);
    if (!result.ok) return reportError(result.error, 'errors.couldNotSave');
    if (!result.value.ok) return setIssues(result.value.issues);
    setIssues([]);
    setDraft(null);
    setSaveStatus(SECTION, { kind: 'saved', at: new Date() });
    await refreshTeamSettings();
  };

  const fieldName = (field: TeamSettingsField) => t(`teamSettings.field.${field}` as MessageKey);
  return (
    <SettingsSection id={SECTION} title={t('teamSettings.title')} description={t('teamSettings.description')}>
      {!mayEdit && <p className="alert" role="note">{t('teamSettings.readOnly')}</p>}
      {view.conflicts.length > 0 && (
        <p className="alert" role="note">{t('teamSettings.conflict', { fields: view.conflicts.map(fieldName).join(t('teamSettings.listSeparator')) })}</p>
      )}
      <form className="team-settings" onSubmit={(event) => { event.preventDefault(); void save(); }}>
        <fieldset className="team-settings__fields" disabled={!mayEdit || saving}>
          <ShiftTypesEditor
            editable={mayEdit}
            rows={form.shiftTypes}
            issues={issues}
            onChange={(shiftTypes) => edit({ shiftTypes })}
            newRow={() => ({ key: newKey(), name: { 'zh-CN': '', en: '' }, start: '', end: '', retired: false })}
          />
          <DepartmentsEditor
            editable={mayEdit}
            rows={form.departments}
            issues={issues}
            onChange={(departments) => edit({ departments })}
            newRow={() => ({ key: newKey(), name: { 'zh-CN': '', en: '' }, contact: '', retired: false })}
          />
          <Field
            id="team-escalation-minutes"
            label={t('teamSettings.minutes')}
            hint={Number.isInteger(minutes) && minutes > 0 ? t('teamSettings.minutesHint', { hours: Math.floor(minutes / 60), minutes: minutes % 60 }) : undefined}
            error={textOf(issuesAt(issues, 'escalationMinutes'))}
          >
            {(control) => (
              <input {...control} className="input team-settings__minutes" type="number" min={1} step={1} inputMode="numeric"
                value={form.escalationMinutes} onChange={(event) => edit({ escalationMinutes: event.target.value })} />
            )}
          </Field>
          <Field id="team-time-zone" label={t('teamSettings.timeZone')} hint={t('teamSettings.timeZoneHint')} error={textOf(issuesAt(issues, 'timeZone'))}>
            {(control) => (
              <TimeZoneSelect {...control} value={form.timeZone} onChange={(timeZone) => edit({ timeZone })} />
            )}
          </Field>
          {mayEdit && (
            <div className="button-row">
              <button type="submit" className="button button--primary">{t('teamSettings.save')}</button>
              {draft && <button type="button" className="button" onClick={() => { setDraft(null); setIssues([]); }}>{t('teamSettings.undo')}</button>}
            </div>
          )}
        </fieldset>
      </form>
    </SettingsSection>
  );
}
