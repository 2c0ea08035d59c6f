import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FollowUpDetail, ShiftContext } from '../../shared/api/handover-views';
import { type FollowUpFields } from '../../shared/handover';
import { instantOfWallTime, wallTimeInZone, type Person, type ValidationIssue } from '../../shared/team-settings';
import { reportError } from '../app/errors/report-error';
import { Field, labelIdOf } from '../app/ui/Field';
import { baton } from '../bridge/baton';
import { useDueZoneHint } from '../handover/due-time';
import { issueText } from '../app/format';
import { OwnerSelect } from '../handover/OwnerSelect';
import { useLanguage } from '../i18n/use-language';
import { useCanWrite } from '../team/use-can-write';
import { DateTimeField } from '../app/ui/DateFields';

/** What the person has typed, field by field; a field not typed in shows the follow-up as it is now. */
interface Typed {
  title?: string;
  owner?: Person;
  /** The picker's value, in the team's zone; '' when cleared. */
  due?: string;
  /** '' for no department. */
  department?: string;
}

/**
 * Title, owner, due time and department of a follow-up, saved together. Only what differs from
 * the follow-up is written, so a change arriving from another computer meanwhile is not undone;
 * a refused value keeps everything typed, with the reason under its field.
 */
export function FollowUpEditor({ detail, context }: { detail: FollowUpDetail; context: ShiftContext }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const canWrite = useCanWrite();
  const { timeZone } = context;
  const dueZoneHint = useDueZoneHint(timeZone);
  const [typed, setTyped] = useState<Typed>({});
  const [issues, setIssues] = useState<ValidationIssue[]>([]);
  const [saved, setSaved] = useState(false);

  const shown = {
    title: typed.title ?? detail.title,
    owner: typed.owner ?? detail.owner,
    due: typed.due ?? wallTimeInZone(detail.dueAt, timeZone),
    department: typed.department ?? detail.department ?? '',
  };
  const type = (change: Typed) => {
    setTyped((current) => ({ ...current, ...change }));
    setSaved(false);
  };

  const changes = (): Partial<FollowUpFields> | ValidationIssue => {
    const next: Partial<FollowUpFields> = {};
    if (shown.title !== detail.title) next.title = shown.title;
    if (shown.owner.memberId !== detail.owner.memberId) next.owner = shown.owner;
    if (typed.due !== undefined) {
      const dueAt = instantOfWallTime(typed.due, timeZone);
      if (dueAt === null) return { code: 'required', path: ['dueAt'], params: {} };
      if (dueAt !== detail.dueAt) next.dueAt = dueAt;
    }
    if (shown.department !== (detail.department ?? '')) next.department = shown.department || null;
    return next;
  };

  const save = async () => {
    const next = changes();
    if ('code' in next) return setIssues([next]);
    if (Object.keys(next).length === 0) return setTyped({});
    const result = await baton.updateFollowUp({ id: detail.id, changes: next });
    if (!result.ok) return reportError(result.error, 'errors.couldNotSave');
    if (!result.value.ok) return setIssues(result.value.issues);
    setIssues([]);
    setTyped({});
    setSaved(true);
  };

  const errorAt = (field: string) => {
    const texts = issues.filter((issue) => issue.path[0] === field).map((issue) => issueText(issue, t, 'handover'));
    return texts.length > 0 ? texts.join(' ') : undefined;
  };
  const departments = context.departments.filter((department) => department.retired !== true || department.id === detail.department);
  const editing = Object.keys(typed).length > 0;

  // A disabled fieldset disables the inputs in it, not the date field's parts: that one is told.
  return (
    <fieldset className="fu-editor" disabled={!canWrite}>
      <legend className="field__label">{t('followUps.edit.legend')}</legend>
      <Field id={`fu-edit-title-${detail.id}`} label={t('followUps.form.title')} error={errorAt('title')}>
        {(control) => <input className="input" value={shown.title} onChange={(e) => type({ title: e.target.value })} {...control} />}
      </Field>
      <div className="fu-editor__row">
        <Field id={`fu-edit-owner-${detail.id}`} label={t('followUps.form.owner')}>
          {(control) => <OwnerSelect me={context.me} value={shown.owner} onChange={(owner) => type({ owner })} {...control} />}
        </Field>
        <Field id={`fu-edit-due-${detail.id}`} label={t('followUps.form.due')} error={errorAt('dueAt')} hint={dueZoneHint}>
          {(control) => <DateTimeField {...control} aria-labelledby={labelIdOf(control.id)} isDisabled={!canWrite} value={shown.due} onChange={(due) => type({ due })} />}
        </Field>
        <Field id={`fu-edit-department-${detail.id}`} label={t('followUps.edit.department')} error={errorAt('department')}>
          {(control) => (
            <select className="input" value={shown.department} onChange={(e) => type({ department: e.target.value })} {...control}>
              <option value="">{t('followUps.noDepartment')}</option>
              {departments.map((department) => (
                <option key={department.id} value={department.id}>{department.name[language]}</option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="button-row fu-editor__actions">
        <button type="button" className="button button--primary" disabled={!editing} onClick={() => void save()}>{t('followUps.edit.save')}</button>
        {editing && <button type="button" className="button" onClick={() => { setTyped({}); setIssues([]); }}>{t('followUps.edit.discard')}</button>}
        <span className="save-status" role="status">{saved ? t('followUps.edit.saved') : ''}</span>
      </div>
    </fieldset>
  );
}
