import { z } from 'zod';
import type { LwwFields } from '../sync';
import type { Attachment } from './attachments';
import { isHttpLink, type FollowUpCategory, type FollowUpFields } from './follow-up';
import type { Person } from './fields';
import {
  ALLOWED_ATTACHMENT_MIMES,
  DUE_GRACE_MS,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS,
  MAX_COMMENT_CHARS,
  MAX_LINK_CHARS,
  MAX_SECTION_CHARS,
  MAX_TITLE_CHARS,
  SCREENSHOT_MIMES,
} from './limits';
import { SECTION_KEYS, allSectionsEmpty, isBlank, type Sections } from './sections';
import { teamSettingsFields, type TeamSettings, type TeamSettingsFields } from './team-settings';

/**
 * Checks of what a person typed, before it becomes an op. Each problem is a stable code with
 * params that the UI translates (zh-CN and en); nothing here changes or truncates the input, so
 * the person fixes it with everything they typed still there.
 */
export const VALIDATION_CODES = [
  /** params: {} */
  'required',
  /** params: { max, length } (length only when known) */
  'too-long',
  /** params: { max, count } (count only when known) */
  'too-many',
  /** params: { min } or { max } (an escalation time in the future: { max: now }) */
  'out-of-range',
  /** params: {} — every section of a note is blank */
  'all-sections-empty',
  /** params: { dueAt, now } (epoch ms) */
  'due-in-past',
  /** params: { name, size, max } (bytes) */
  'attachment-too-large',
  /** params: { name, mime, allowed } (mime 'unknown' when unrecognised; allowed comma-separated) */
  'attachment-type',
  /** params: { name, mime } (mime 'unknown' when unrecognised) — a screenshot must be an image */
  'screenshot-type',
  /** params: {} — an http(s) link was expected */
  'not-a-link',
  /** params: {} — an escalation needs the Weibo link or a screenshot */
  'escalation-needs-evidence',
  /** params: { departmentId } — not in the team's list, or retired */
  'unknown-department',
  /** params: { shiftTypeId } */
  'unknown-shift-type',
  /** params: {} — two shift types or departments with one id */
  'duplicate-id',
  /** params: {} — every shift type retired */
  'no-active-shift-type',
  /** params: {} */
  'shift-start-equals-end',
  /** params: {} */
  'unknown-time-zone',
  /** params: { message } — anything else a schema refused (a bug in the caller, mostly) */
  'invalid',
] as const;
export type ValidationCode = (typeof VALIDATION_CODES)[number];

export interface ValidationIssue {
  readonly code: ValidationCode;
  /** Where, e.g. ['sections', 'fans'], ['followUps', 0, 'dueAt']; [] for the whole input. */
  readonly path: ReadonlyArray<string | number>;
  readonly params: Readonly<Record<string, string | number>>;
}

const issue = (code: ValidationCode, path: ReadonlyArray<string | number>, params: ValidationIssue['params'] = {}): ValidationIssue => ({
  code,
  path,
  params,
});

function textIssues(text: string, max: number, path: ReadonlyArray<string | number>, required: boolean): ValidationIssue[] {
  if (required && isBlank(text)) return [issue('required', path)];
  return text.length > max ? [issue('too-long', path, { max, length: text.length })] : [];
}

/** A file about to be attached; `mime` from `detectAttachmentMime` (null: not recognised). */
export interface FileToAttach {
  readonly name: string;
  readonly size: number;
  readonly mime: string | null;
}

function fileIssues(file: FileToAttach, allowed: readonly string[], typeIssue: () => ValidationIssue): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (file.size > MAX_ATTACHMENT_BYTES) {
    issues.push(issue('attachment-too-large', [], { name: file.name, size: file.size, max: MAX_ATTACHMENT_BYTES }));
  }
  if (!allowed.includes(file.mime ?? '')) issues.push(typeIssue());
  return issues;
}

export function validateAttachment(file: FileToAttach): ValidationIssue[] {
  return fileIssues(file, ALLOWED_ATTACHMENT_MIMES, () =>
    issue('attachment-type', [], { name: file.name, mime: file.mime ?? 'unknown', allowed: ALLOWED_ATTACHMENT_MIMES.join(', ') }),
  );
}

/** An escalation's screenshot: an attachment that is a picture (a PDF of the post is not one). */
export function validateScreenshot(file: FileToAttach): ValidationIssue[] {
  return fileIssues(file, SCREENSHOT_MIMES, () => issue('screenshot-type', [], { name: file.name, mime: file.mime ?? 'unknown' }));
}

function attachmentCountIssues(attachments: readonly Attachment[], path: ReadonlyArray<string | number>): ValidationIssue[] {
  return attachments.length > MAX_ATTACHMENTS ? [issue('too-many', path, { max: MAX_ATTACHMENTS, count: attachments.length })] : [];
}

export function validateSections(sections: Sections): ValidationIssue[] {
  const issues = SECTION_KEYS.flatMap((key) => textIssues(sections[key], MAX_SECTION_CHARS, ['sections', key], false));
  if (allSectionsEmpty(sections)) issues.push(issue('all-sections-empty', ['sections']));
  return issues;
}

export function validateAddendum(input: { readonly text: string; readonly attachments: readonly Attachment[] }): ValidationIssue[] {
  return [...textIssues(input.text, MAX_SECTION_CHARS, ['text'], true), ...attachmentCountIssues(input.attachments, ['attachments'])];
}

export function validateComment(text: string): ValidationIssue[] {
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

function departmentIssues(departmentId: string | null, settings: TeamSettings, path: ReadonlyArray<string | number>): ValidationIssue[] {
  if (departmentId === null) return [];
  const known = settings.departments.some((department) => department.id === departmentId && department.retired !== true);
  return known ? [] : [issue('unknown-department', path, { departmentId })];
}

function dueIssues(dueAt: number, now: number, path: ReadonlyArray<string | number>): ValidationIssue[] {
  return dueAt < now - DUE_GRACE_MS ? [issue('due-in-past', path, { dueAt, now })] : [];
}

export function validateFollowUpInput(input: FollowUpInput, { now, settings }: ValidationContext): ValidationIssue[] {
  const issues = [
    ...textIssues(input.title, MAX_TITLE_CHARS, ['title'], true),
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
): ValidationIssue[] {
  const held = <K extends 'dueAt' | 'department'>(field: K, value: FollowUpFields[K]) => {
    const shown = fields[field];
    return shown !== undefined && [shown, ...shown.conflicts].some((write) => write.value === value);
  };
  const { title, dueAt, department } = changes;
  return [
    ...(title === undefined ? [] : textIssues(title, MAX_TITLE_CHARS, ['title'], true)),
    ...(dueAt === undefined || held('dueAt', dueAt) ? [] : dueIssues(dueAt, now, ['dueAt'])),
    ...(department === undefined || held('department', department) ? [] : departmentIssues(department, settings, ['department'])),
  ];
}

const teamSettingsChangeSchema = z.object(teamSettingsFields).partial();

/** A lead's edit of the team settings. */
export function validateTeamSettingsChange(changes: Partial<TeamSettingsFields>): ValidationIssue[] {
  const parsed = teamSettingsChangeSchema.safeParse(changes);
  return parsed.success ? [] : issuesFromZod(parsed.error);
}

/** Zod's issues as validation codes: a refinement's `params.code` wins, sizes map to their codes. */
export function issuesFromZod(error: z.ZodError): ValidationIssue[] {
  return error.issues.map((zodIssue) => {
    const path = zodIssue.path.map((part) => (typeof part === 'number' ? part : String(part)));
    if (zodIssue.code === 'custom') {
      const code = (zodIssue.params as { code?: string } | undefined)?.code;
      if (code !== undefined && (VALIDATION_CODES as readonly string[]).includes(code)) return issue(code as ValidationCode, path);
    }
    if (zodIssue.code === 'too_big') {
      const max = Number(zodIssue.maximum);
      if (zodIssue.origin === 'string') return issue('too-long', path, { max });
      if (zodIssue.origin === 'array') return issue('too-many', path, { max });
      return issue('out-of-range', path, { max });
    }
    if (zodIssue.code === 'too_small') {
      const min = Number(zodIssue.minimum);
      if (zodIssue.origin === 'string' || zodIssue.origin === 'array') return issue('required', path);
      return issue('out-of-range', path, { min });
    }
    return issue('invalid', path, { message: zodIssue.message });
  });
}
