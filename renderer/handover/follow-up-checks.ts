import type { TFunction } from 'i18next';
import type { ShiftContext } from '../../shared/api/handover-views';
import { validateFollowUpInput, type FollowUpInput } from '../../shared/handover';
import type { TeamSettings } from '../../shared/team-settings';
import type { MessageKey } from '../i18n/resources';
import { issueText } from '../app/format';

/** The form's fields, each named in its error so that the message says which field is wrong. */
export type FollowUpField = 'title' | 'owner' | 'dueAt' | 'departmentId' | 'weiboLink';

const LABELS: Record<FollowUpField, MessageKey> = {
  title: 'followUps.form.title',
  owner: 'followUps.form.owner',
  dueAt: 'followUps.form.due',
  departmentId: 'followUps.form.department',
  weiboLink: 'followUps.form.weiboLink',
};

/** An issue's path as the field it is shown at: the link and "link or screenshot" both under the link. */
function fieldOf(path: readonly (string | number)[]): FollowUpField | null {
  const [first, second] = path;
  if (first === 'escalation') return second === undefined || second === 'weiboLink' ? 'weiboLink' : null;
  return first === 'title' || first === 'owner' || first === 'dueAt' || first === 'departmentId' ? first : null;
}

/**
 * The shared rules the service applies at submission, run as the person types: every problem
 * in words at its field, named ("升级到哪个部门：请填写这一项。"), before the item is added.
 */
export function followUpFieldErrors(input: FollowUpInput, context: ShiftContext, now: number, t: TFunction): Map<FollowUpField, string> {
  const settings: TeamSettings = {
    shiftTypes: context.shiftTypes,
    departments: context.departments,
    escalationMinutes: context.escalationMinutes,
    timeZone: context.timeZone,
  };
  const errors = new Map<FollowUpField, string>();
  for (const issue of validateFollowUpInput(input, { now, settings })) {
    const field = fieldOf(issue.path);
    if (field === null || errors.has(field)) continue;
    errors.set(field, t('followUps.form.fieldIssue', { field: t(LABELS[field]), problem: issueText(issue, t, 'handover') }));
  }
  return errors;
}
