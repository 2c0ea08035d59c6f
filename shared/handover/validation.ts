import type { LwwFields } from '../sync';
import {
  TEAM_VALIDATION_CODES,
  departmentIssues,
  issue,
  textIssues,
  type Person,
  type TeamSettings,
  type ValidationIssue,
} from '../team-settings';
import { NOT_ONE_LINE, isOneLine } from '../text/one-line';
import type { Attachment } from '../attachments';
import { isHttpLink, type FollowUpCategory, type FollowUpFields } from './follow-up';
import {
  DUE_GRACE_MS,
  MAX_ATTACHMENTS,
  MAX_COMMENT_CHARS,
  MAX_LINK_CHARS,
  MAX_SECTION_CHARS,
  MAX_TITLE_CHARS,
} from './limits';
import { SECTION_KEYS, allSectionsEmpty, type Sections } from './sections';

/**
 * Checks of what a person typed into a note or a follow-up, before it becomes an op. The codes
 * shared with the team settings (`required`, `too-long`, …) and the issue shape are in
 * shared/team-settings, a refused file's in shared/attachments; these are handover's own.
 */
export const VALIDATION_CODES = [
  ...TEAM_VALIDATION_CODES,
  /** params: {} — every section of a note is blank */
  'all-sections-empty',
  /** params: { dueAt, now } (epoch ms) */
  'due-in-past',
  /** params: {} — an http(s) link was expected */
  'not-a-link',
  /** params: {} — an escalation needs the Weibo link or a screenshot */
  'escalation-needs-evidence',
] as const;
export type ValidationCode = (typeof VALIDATION_CODES)[number];
type Issue = ValidationIssue<ValidationCode>;

function attachmentCountIssues(attachments: readonly Attachment[], path: ReadonlyArray<string | number>): Issue[] {
  return attachments.length > MAX_ATTACHMENTS ? [issue('too-many', path, { max: MAX_ATTACHMENTS, count: attachments.length })] : [];
}

export function validateSections(sections: Sections): Issue[] {
  const issues: Issue[] = SECTION_KEYS.flatMap((key) => textIssues(sections[key], MAX_SECTION_CHARS, ['sections', key], false));
  if (allSectionsEmpty(sections)) issues.push(issue('all-sections-empty', ['sections']));
  return issues;
}

export function validateAddendum(input: { readonly text: string; readonly attachments: readonly Attachment[] }): Issue[] {
  return [...textIssues(input.text, MAX_SECTION_CHARS, ['text'], true), ...attachmentCountIssues(input.attachments, ['attachments'])];
}

export function validateComment(text: string): Issue[] {
  return textIssues(text, MAX_COMMENT_CHARS, ['text'], true);
}

/** A follow-up as a form (or a draft) holds it: anything may still be missing. */
export interface FollowUpInput {
  readonly title: string;
  readonly owner: Person | null;
  /** Null on an escalation means "the 'Weibo first' deadline". */
  readonly dueAt: number | null;
  readonly category: FollowUpCategory;
  readonly departmentId: string | null;
  /** Only for category 'escalation'. */
  readonly escalation: {
    /** '' when there is none. */
    readonly weiboLink: string;
    readonly screenshotSha256: string | null;
    /** When it was escalated, if earlier than now (recorded afterwards, e.g. in a draft). */
    readonly escalatedAt: number | null;
  } | null;
}

export interface ValidationContext {
  readonly now: number;
  readonly settings: TeamSettings;
}

/** A title is one line of well-formed text, like every name (shared/text/one-line.ts). */
function titleIssues(title: string, path: ReadonlyArray<string | number>): Issue[] {
  const issues: Issue[] = textIssues(title, MAX_TITLE_CHARS, path, true);
  return issues.length === 0 && !isOneLine(title) ? [issue('invalid', path, { message: NOT_ONE_LINE })] : issues;
}

function dueIssues(dueAt: number, now: number, path: ReadonlyArray<string | number>): Issue[] {
  return dueAt < now - DUE_GRACE_MS ? [issue('due-in-past', path, { dueAt, now })] : [];
}

export function validateFollowUpInput(input: FollowUpInput, { now, settings }: ValidationContext): Issue[] {
  const issues: Issue[] = [
    ...titleIssues(input.title, ['title']),
    ...(input.owner === null ? [issue('required', ['owner'])] : []),
    ...departmentIssues(input.departmentId, settings, ['departmentId']),
  ];
  const escalating = input.category === 'escalation';
  if (input.dueAt !== null) issues.push(...dueIssues(input.dueAt, now, ['dueAt']));
  else if (!escalating) issues.push(issue('required', ['dueAt']));
  if (!escalating) return issues;

  if (input.departmentId === null) issues.push(issue('required', ['departmentId']));
  const escalatedAt = input.escalation?.escalatedAt ?? null;
  // Recording an escalation made earlier is normal; one made in the future is a typo.
  if (escalatedAt !== null && escalatedAt > now + DUE_GRACE_MS) {
    issues.push(issue('out-of-range', ['escalation', 'escalatedAt'], { max: now }));
  }
  const link = input.escalation?.weiboLink.trim() ?? '';
  if (link === '') {
    if ((input.escalation?.screenshotSha256 ?? null) === null) issues.push(issue('escalation-needs-evidence', ['escalation']));
  } else if (link.length > MAX_LINK_CHARS) {
    issues.push(issue('too-long', ['escalation', 'weiboLink'], { max: MAX_LINK_CHARS, length: link.length }));
  } else if (!isHttpLink(link)) {
    issues.push(issue('not-a-link', ['escalation', 'weiboLink']));
  }
  return issues;
}

/**
 * Changes to an existing follow-up, as shown in `fields`. A due time may not be moved into the
 * past, nor a retired department chosen; keeping a value the field already holds (its value or a
 * conflicting one, which is how a conflict is resolved) is not a move, even once it has passed.
 */
export function validateFollowUpChanges(
  changes: Partial<FollowUpFields>,
  { now, settings }: ValidationContext,
  fields: LwwFields<FollowUpFields> = {},
): Issue[] {
  const held = <K extends 'dueAt' | 'department'>(field: K, value: FollowUpFields[K]) => {
    const shown = fields[field];
    return shown !== undefined && [shown, ...shown.conflicts].some((write) => write.value === value);
  };
  const { title, dueAt, department } = changes;
  return [
    ...(title === undefined ? [] : titleIssues(title, ['title'])),
    ...(dueAt === undefined || held('dueAt', dueAt) ? [] : dueIssues(dueAt, now, ['dueAt'])),
    ...(department === undefined || held('department', department) ? [] : departmentIssues(department, settings, ['department'])),
  ];
}
