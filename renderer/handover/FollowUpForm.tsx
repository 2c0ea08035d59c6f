import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShiftContext } from '../../shared/api/handover-views';
import { FOLLOW_UP_CATEGORIES, type DraftFollowUp, type FollowUpCategory } from '../../shared/handover';
import { instantOfWallTime, type Person } from '../../shared/team-settings';
import type { MessageKey } from '../i18n/resources';
import { useLanguage } from '../i18n/use-language';
import { useDueZoneHint } from './due-time';
import { EscalationScreenshot, useEscalationScreenshot } from './EscalationScreenshot';
import { OwnerSelect } from './OwnerSelect';

interface Props {
  context: ShiftContext;
  errors?: readonly string[];
  submitLabel: string;
  onSubmit: (item: DraftFollowUp) => Promise<boolean> | boolean;
}

/**
 * A new follow-up: title, category, owner (me unless another member is chosen), due time in the
 * team's zone; an escalation adds the department, the Weibo link
 * and starts its 'Weibo first' countdown the moment it is added.
 */
export function FollowUpForm({ context, errors = [], submitLabel, onSubmit }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [title, setTitle] = useState('');
  const [category, setCategory] = useState<FollowUpCategory>('other');
  const [owner, setOwner] = useState<Person | null>(null);
  const [due, setDue] = useState('');
  const [departmentId, setDepartmentId] = useState('');
  const [weiboLink, setWeiboLink] = useState('');
  const screenshot = useEscalationScreenshot();
  const escalating = category === 'escalation';
  const departments = context.departments.filter((department) => department.retired !== true);
  const dueZoneHint = useDueZoneHint(context.timeZone);

  const submit = async () => {
    const done = await onSubmit({
      draftId: crypto.randomUUID(),
      title,
      owner: owner ?? context.me,
      dueAt: instantOfWallTime(due, context.timeZone),
      category,
      departmentId: escalating || departmentId ? departmentId || null : null,
      escalation: escalating ? { weiboLink, screenshotSha256: screenshot.attachment?.sha256 ?? null, escalatedAt: Date.now() } : null,
    });
    if (done) {
      setTitle('');
      setOwner(null);
      setDue('');
      setWeiboLink('');
      screenshot.clear();
    }
  };

  return (
    <fieldset className="follow-up-form" onPaste={escalating ? screenshot.intake.onPaste : undefined}>
      <legend>{t('followUps.form.legend')}</legend>
      <label className="field__label" htmlFor="fu-title">{t('followUps.form.title')}</label>
      <input id="fu-title" className="input" value={title} onChange={(e) => setTitle(e.target.value)} />
      <div className="follow-up-form__row">
        <div>
          <label className="field__label" htmlFor="fu-category">{t('followUps.form.category')}</label>
          <select id="fu-category" className="input" value={category} onChange={(e) => setCategory(e.target.value as FollowUpCategory)}>
            {FOLLOW_UP_CATEGORIES.map((value) => (
              <option key={value} value={value}>{t(`followUps.category.${value}` as MessageKey)}</option>
            ))}
          </select>
        </div>
        <div>
          <label className="field__label" htmlFor="fu-owner">{t('followUps.form.owner')}</label>
          <OwnerSelect id="fu-owner" me={context.me} value={owner ?? context.me} onChange={setOwner} />
        </div>
        <div>
          <label className="field__label" htmlFor="fu-due">{escalating ? t('followUps.form.dueOptional') : t('followUps.form.due')}</label>
          <input id="fu-due" type="datetime-local" className="input" value={due} onChange={(e) => setDue(e.target.value)} />
        </div>
      </div>
      {dueZoneHint && <p className="field__hint">{dueZoneHint}</p>}
      {escalating && (
        <div className="follow-up-form__row">
          <div>
            <label className="field__label" htmlFor="fu-department">{t('followUps.form.department')}</label>
            <select id="fu-department" className="input" value={departmentId} onChange={(e) => setDepartmentId(e.target.value)}>
              <option value="">{t('followUps.form.pickDepartment')}</option>
              {departments.map((department) => (
                <option key={department.id} value={department.id}>{department.name[language]}</option>
              ))}
            </select>
          </div>
          <div>
            <label className="field__label" htmlFor="fu-link">{t('followUps.form.weiboLink')}</label>
            <input id="fu-link" className="input" type="url" placeholder="https://weibo.com/…" value={weiboLink} onChange={(e) => setWeiboLink(e.target.value)} />
          </div>
        </div>
      )}
      {escalating && <EscalationScreenshot screenshot={screenshot} />}
      {escalating && <p className="field__hint">{t('followUps.form.weiboFirst', { minutes: context.escalationMinutes })}</p>}
      {errors.length > 0 && <p className="field__error">{errors.join(' ')}</p>}
      <div className="button-row">
        <button type="button" className="button" onClick={() => void submit()}>{submitLabel}</button>
      </div>
    </fieldset>
  );
}
