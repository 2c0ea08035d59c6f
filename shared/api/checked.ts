import type { ValidationIssue } from '../team-settings';

/**
 * The answer of an operation whose input a person typed: done, or every problem at once as
 * validation codes the UI places next to their fields (not an error: the person fixes and retries).
 */
export type Checked<T> = ({ ok: true } & T) | { ok: false; issues: ValidationIssue[] };
