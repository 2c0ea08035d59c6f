import type { TFunction } from 'i18next';
import type { ApiError, ApiErrorCode } from '../../../shared/api/result';
import type { MessageKey } from '../../i18n/resources';

/** An ApiError in plain words: a sentence for a notice, and a message per field the service named. */
export interface ReadableError {
  summary: string;
  /** Keyed by the issue's path as the service sent it: 'memberName', 'sharedFolder.path'. */
  fields: Record<string, string>;
}

const codeMessages: Record<ApiErrorCode, MessageKey> = {
  'invalid-input': 'errors.code.invalidInput',
  'unknown-operation': 'errors.code.unknownOperation',
  unavailable: 'errors.code.unavailable',
  'not-found': 'errors.code.notFound',
  forbidden: 'errors.code.forbidden',
  conflict: 'errors.code.conflict',
  'too-large': 'errors.code.tooLarge',
  unsupported: 'errors.code.unsupported',
  internal: 'errors.code.internal',
};

const fieldNames: Record<string, MessageKey> = {
  memberName: 'errors.field.memberName',
  sharedFolder: 'errors.field.sharedFolder',
  'sharedFolder.path': 'errors.field.folderPath',
  path: 'errors.field.folderPath',
  language: 'errors.field.language',
  theme: 'errors.field.theme',
  pollIntervalSeconds: 'errors.field.pollInterval',
  url: 'errors.field.link',
};

/**
 * Issues carry only a path and the validator's English sentence, written for the log. We recognise
 * its few shapes (zod 4 wording, and the schema's own refinement) and fall back to a plain "check
 * this" rather than ever showing that sentence to a person.
 */
function issueMessage(message: string, field: string, t: TFunction): string {
  const tooBig = /^Too big: expected string to have <=?(\d+)/.exec(message);
  if (tooBig) return t('errors.issue.tooLong', { field, max: Number(tooBig[1]) });
  if (/^Too small: expected string to have >=?1 /.test(message)) return t('errors.issue.required', { field });
  if (/^Too (small|big): expected number/.test(message)) return t('errors.issue.outOfRange', { field });
  if (message === 'control characters') return t('errors.issue.invisibleChars', { field });
  if (/^Invalid (option|input: expected one of)/.test(message)) return t('errors.issue.notAnOption', { field });
  return t('errors.issue.invalid', { field });
}

export function describeError(error: ApiError, t: TFunction): ReadableError {
  const fields: Record<string, string> = {};
  for (const issue of error.issues ?? []) {
    if (Object.hasOwn(fields, issue.path)) continue;
    const field = t(Object.hasOwn(fieldNames, issue.path) ? fieldNames[issue.path]! : 'errors.field.generic');
    fields[issue.path] = issueMessage(issue.message, field, t);
  }
  const messages = Object.values(fields);
  // One field problem says it all; several, or none we could name, get the general sentence.
  const summary = messages.length === 1 ? messages[0]! : t(Object.hasOwn(codeMessages, error.code) ? codeMessages[error.code] : 'errors.code.internal');
  return { summary, fields };
}
