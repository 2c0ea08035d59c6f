import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShiftContext } from '../../shared/api/handover-views';
import { FOLLOW_UP_CATEGORIES, type DraftFollowUp, type FollowUpCategory } from '../../shared/handover';
import { instantOfWallTime, wallTimeInZone, type Person } from '../../shared/team-settings';
import type { MessageKey } from '../i18n/resources';
import { useNow } from '../app/clock/use-now';
import { useLanguage } from '../i18n/use-language';
import { useDueZoneHint } from './due-time';
import { EscalationScreenshot, useEscalationScreenshot } from './EscalationScreenshot';
import { followUpFieldErrors, type FollowUpField } from './follow-up-checks';
import { OwnerSelect } from './OwnerSelect';
import { DateTimeField } from '../app/ui/DateFields';

interface Props {
  context: ShiftContext;
  errors?: readonly string[];
  submitLabel: string;
  /** An item already added to the note, being changed: the form starts from it and keeps its id. */
  editing?: DraftFollowUp;
  onCancel?: () => void;
  onSubmit: (item: DraftFollowUp) => Promise<boolean> | boolean;
}

/** The 'Weibo first' countdown runs from the moment the escalation is added; an edit keeps that moment. */
function stamped(escalation: DraftFollowUp['escalation']): DraftFollowUp['escalation'] {
  return escalation ? { ...escalation, escalatedAt: escalation.escalatedAt ?? Date.now() } : null;
}

const ALL_FIELDS: readonly FollowUpField[] = ['title', 'owner', 'dueAt', 'departmentId', 'weiboLink'];

/**
 * A new follow-up: title, category, owner (me unless another member is chosen), due time in the
 * team's zone; an escalation adds the department, the Weibo link or a screenshot, and starts its
 * 'Weibo first' countdown the moment it is added. Each field is checked as it is filled in, by
 * the same rules as the service, and an item cannot be added while one is wrong.
 */
export function FollowUpForm({ context, errors = [], submitLabel, editing, onCancel, onSubmit }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [title, setTitle] = useState(editing?.title ?? '');
  const [category, setCategory] = useState<FollowUpCategory>(editing?.category ?? 'other');
  const [owner, setOwner] = useState<Person | null>(editing?.owner ?? null);
  const [due, setDue] = useState(editing?.dueAt !== null && editing?.dueAt !== undefined ? wallTimeInZone(editing.dueAt, context.timeZone) : '');
  const [departmentId, setDepartmentId] = useState(editing?.departmentId ?? '');
  const [weiboLink, setWeiboLink] = useState(editing?.escalation?.weiboLink ?? '');
  // An edited escalation keeps the screenshot it had unless another is given or it is removed.
  const [keptScreenshot, setKeptScreenshot] = useState(editing?.escalation?.screenshotSha256 ?? null);
  // Fields the person has been to: their problems show at once; the others once "add" is pressed.
  const [visited, setVisited] = useState<ReadonlySet<FollowUpField>>(new Set(editing ? ALL_FIELDS : []));
  const screenshot = useEscalationScreenshot();
  // A due time that passes while the form is open is said to have passed.
  const now = useNow(30_000);
  const escalating = category === 'escalation';
  const departments = context.departments.filter((department) => department.retired !== true);
  const dueZoneHint = useDueZoneHint(context.timeZone);
  const visit = (field: FollowUpField) => setVisited((current) => (current.has(field) ? current : new Set([...current, field])));

  const item: DraftFollowUp = {
    draftId: editing?.draftId ?? '',
    title,
    owner: owner ?? context.me,
    dueAt: instantOfWallTime(due, context.timeZone),
    category,
    departmentId: escalating || departmentId ? departmentId || null : null,
    escalation: escalating
      ? { weiboLink, screenshotSha256: screenshot.attachment?.sha256 ?? keptScreenshot, escalatedAt: editing?.escalation?.escalatedAt ?? null }
      : null,
  };
  const fieldErrors = followUpFieldErrors(item, context, now, t);
  const errorAt = (field: FollowUpField) => (visited.has(field) ? fieldErrors.get(field) : undefined);

  const submit = async () => {
    setVisited(new Set(ALL_FIELDS));
    if (fieldErrors.size > 0) return;
    const done = await onSubmit({
      ...item,
      draftId: editing?.draftId ?? crypto.randomUUID(),
      escalation: stamped(item.escalation),
    });
    if (done && !editing) {
      // The next item, begun while this one was saving, stays as typed.
      setTitle((current) => (current === title ? '' : current));
      setOwner((current) => (current === owner ? null : current));
      setDue((current) => (current === due ? '' : current));
      setWeiboLink((current) => (current === weiboLink ? '' : current));
      setVisited(new Set());
      screenshot.clear();
    }
  };

  const control = (field: FollowUpField, id: string) => ({
    id,
    'aria-invalid': errorAt(field) !== undefined,
    'aria-describedby': errorAt(field) !== undefined ? `${id}-error` : undefined,
    onBlur: () => visit(field),
  });
  const error = (field: FollowUpField, id: string) => {
    const text = errorAt(field);
    return text === undefined ? null : <p className="field__error" id={`${id}-error`}>{text}</p>;
  };
  const invalid = (field: FollowUpField) => (errorAt(field) !== undefined ? 'field--invalid' : undefined);

  return (
    <fieldset className="inset follow-up-form" onPaste={escalating ? screenshot.intake.onPaste : undefined}>
      <legend>{editing ? t('followUps.form.editLegend') : t('followUps.form.legend')}</legend>
      <div className={invalid('title')}>
        <label className="field__label" htmlFor="fu-title">{t('followUps.form.title')}</label>
        <input className="input" value={title} onChange={(e) => { setTitle(e.target.value); visit('title'); }} {...control('title', 'fu-title')} />
        {error('title', 'fu-title')}
      </div>
      <div className="follow-up-form__row">
        <div>
          <label className="field__label" htmlFor="fu-category">{t('followUps.form.category')}</label>
          <select id="fu-category" className="input" value={category} onChange={(e) => setCategory(e.target.value as FollowUpCategory)}>
            {FOLLOW_UP_CATEGORIES.map((value) => (
              <option key={value} value={value}>{t(`followUps.category.${value}` as MessageKey)}</option>
            ))}
          </select>
        </div>
        <div className={invalid('owner')}>
          <label className="field__label" htmlFor="fu-owner">{t('followUps.form.owner')}</label>
          <OwnerSelect me={context.me} value={owner ?? context.me} onChange={(person) => { setOwner(person); visit('owner'); }} {...control('owner', 'fu-owner')} />
          {error('owner', 'fu-owner')}
        </div>
        <div className={invalid('dueAt')}>
          <DateTimeField
            label={escalating ? t('followUps.form.dueOptional') : t('followUps.form.due')}
            value={due}
            onChange={(value) => { setDue(value); visit('dueAt'); }}
            {...control('dueAt', 'fu-due')}
          />
          {error('dueAt', 'fu-due')}
        </div>
      </div>
      {dueZoneHint && <p className="field__hint">{dueZoneHint}</p>}
      {escalating && (
        <div className="follow-up-form__row">
          <div className={invalid('departmentId')}>
            <label className="field__label" htmlFor="fu-department">{t('followUps.form.department')}</label>
            <select className="input" value={departmentId} onChange={(e) => { setDepartmentId(e.target.value); visit('departmentId'); }} {...control('departmentId', 'fu-department')}>
              <option value="">{t('followUps.form.pickDepartment')}</option>
              {departments.map((department) => (
                <option key={department.id} value={department.id}>{department.name[language]}</option>
              ))}
            </select>
            {error('departmentId', 'fu-department')}
          </div>
          <div className={invalid('weiboLink')}>
            <label className="field__label" htmlFor="fu-link">{t('followUps.form.weiboLink')}</label>
            <input className="input" type="url" placeholder="https://weibo.com/…" value={weiboLink} onChange={(e) => setWeiboLink(e.target.value)} {...control('weiboLink', 'fu-link')} />
            {error('weiboLink', 'fu-link')}
          </div>
        </div>
      )}
      {escalating && <EscalationScreenshot screenshot={screenshot} />}
      {escalating && keptScreenshot !== null && screenshot.attachment === null && (
        <p className="field__hint">
          {t('followUps.form.keptScreenshot')}{' '}
          <button type="button" className="link-button" onClick={() => setKeptScreenshot(null)}>{t('attachments.removeShort')}</button>
        </p>
      )}
      {escalating && <p className="field__hint">{t('followUps.form.weiboFirst', { minutes: context.escalationMinutes })}</p>}
      {errors.length > 0 && <p className="field__error">{errors.join(' ')}</p>}
      <div className="button-row">
        <button type="button" className="button" onClick={() => void submit()}>{submitLabel}</button>
        {onCancel && <button type="button" className="button" onClick={onCancel}>{t('followUps.form.cancelEdit')}</button>}
      </div>
    </fieldset>
  );
}
