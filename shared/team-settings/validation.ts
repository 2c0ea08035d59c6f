import { z } from 'zod';
import { teamSettingsFields, type TeamSettings, type TeamSettingsFields } from './team-settings';

/**
 * What every capability's checks share: an issue is a stable code with params that the UI
 * translates (zh-CN and en), placed by its path; nothing here changes or truncates the input, so
 * the person fixes it with everything they typed still there. A capability adds codes of its own
 * (handover: `VALIDATION_CODES` in shared/handover) and texts for them under `<namespace>.issue.*`;
 * the codes here are explained under `issue.*` (renderer/app/format).
 */
export const TEAM_VALIDATION_CODES = [
  /** params: {} */
  'required',
  /** params: { max, length } (length only when known) */
  'too-long',
  /** params: { max, count } (count only when known) */
  'too-many',
  /** params: { min } or { max } (an escalation time in the future: { max: now }) */
  'out-of-range',
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
export type TeamValidationCode = (typeof TEAM_VALIDATION_CODES)[number];

export interface ValidationIssue<Code extends string = string> {
  readonly code: Code;
  /** Where, e.g. ['sections', 'fans'], ['followUps', 0, 'dueAt']; [] for the whole input. */
  readonly path: ReadonlyArray<string | number>;
  readonly params: Readonly<Record<string, string | number>>;
}

export const issue = <Code extends string>(
  code: Code,
  path: ReadonlyArray<string | number>,
  params: ValidationIssue['params'] = {},
): ValidationIssue<Code> => ({ code, path, params });

/** A text a person typed: blank when required, or longer than `max`. */
export function textIssues(text: string, max: number, path: ReadonlyArray<string | number>, required: boolean): ValidationIssue<TeamValidationCode>[] {
  if (required && text.trim() === '') return [issue('required', path)];
  return text.length > max ? [issue('too-long', path, { max, length: text.length })] : [];
}

/** A department chosen for something new: it must be in the team's list and not retired. */
export function departmentIssues(departmentId: string | null, settings: TeamSettings, path: ReadonlyArray<string | number>): ValidationIssue<TeamValidationCode>[] {
  if (departmentId === null) return [];
  const known = settings.departments.some((department) => department.id === departmentId && department.retired !== true);
  return known ? [] : [issue('unknown-department', path, { departmentId })];
}

const teamSettingsChangeSchema = z.object(teamSettingsFields).partial();

/** A lead's edit of the team settings. */
export function validateTeamSettingsChange(changes: Partial<TeamSettingsFields>): ValidationIssue<TeamValidationCode>[] {
  const parsed = teamSettingsChangeSchema.safeParse(changes);
  if (parsed.success) return [];
  // Zod does not say how long a text was: the message tells the person ("now 230").
  return issuesFromZod(parsed.error).map((found) => {
    const value = found.path.reduce<unknown>((at, key) => (at !== null && typeof at === 'object' ? (at as Record<string | number, unknown>)[key] : undefined), changes);
    return found.code === 'too-long' && typeof value === 'string' ? { ...found, params: { ...found.params, length: value.trim().length } } : found;
  });
}

/** Zod's issues as validation codes: a refinement's `params.code` wins, sizes map to their codes. */
export function issuesFromZod(error: z.ZodError): ValidationIssue<TeamValidationCode>[] {
  return error.issues.map((zodIssue) => {
    const path = zodIssue.path.map((part) => (typeof part === 'number' ? part : String(part)));
    if (zodIssue.code === 'custom') {
      const code = (zodIssue.params as { code?: string } | undefined)?.code;
      if (code !== undefined && (TEAM_VALIDATION_CODES as readonly string[]).includes(code)) return issue(code as TeamValidationCode, path);
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
