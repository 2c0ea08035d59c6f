import { issuesFromZod, type Person, type ValidationIssue } from '../team-settings';
import { followUpCreatedSchema, type FollowUpCreatedData } from './follow-up';
import { escalationDeadline } from './follow-up-rules';
import { validateFollowUpInput, type FollowUpInput, type ValidationContext } from './validation';

/** The data of a `followUp.created` op from what a person entered, or why it cannot be made. */

export type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly issues: readonly ValidationIssue[] };

export interface CreateFollowUpContext extends ValidationContext {
  /** Who creates it (and, for an escalation, who escalates). */
  readonly by: Person;
  /** The note it is created in, if any. */
  readonly handoverId?: string;
}

export function followUpCreatedData(input: FollowUpInput, context: CreateFollowUpContext): Checked<FollowUpCreatedData> {
  const issues = validateFollowUpInput(input, context);
  if (issues.length > 0) return { ok: false, issues };
  const { now, settings, by, handoverId } = context;
  const link = input.escalation?.weiboLink.trim() ?? '';
  const screenshot = input.escalation?.screenshotSha256 ?? null;
  const escalatedAt = input.escalation?.escalatedAt ?? now;
  const escalation =
    input.category === 'escalation'
      ? {
          escalatedBy: by,
          escalatedAt,
          department: input.departmentId,
          ...(link === '' ? {} : { weiboLink: link }),
          ...(screenshot === null ? {} : { screenshotSha256: screenshot }),
          deadlineAt: escalationDeadline(escalatedAt, settings),
        }
      : null;
  // Absent rather than undefined: the op is compared and hashed as the JSON it becomes.
  const candidate = {
    title: input.title.trim(),
    owner: input.owner,
    // An escalation without its own due time is due by its 'Weibo first' deadline.
    dueAt: input.dueAt ?? escalation?.deadlineAt,
    category: input.category,
    ...(input.departmentId === null ? {} : { department: input.departmentId }),
    ...(handoverId === undefined ? {} : { handoverId }),
    createdBy: by,
    at: now,
    ...(escalation === null ? {} : { escalation }),
  };
  // The op schema has the last word: an op it refuses would be set aside on every device.
  const parsed = followUpCreatedSchema.safeParse(candidate);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, issues: issuesFromZod(parsed.error) };
}
