import type { TFunction } from 'i18next';
import type { PrizeIssueOut } from '../../shared/api/prizes-contract';
import { formatFen } from '../../shared/prizes';
import type { MessageKey } from '../i18n/resources';

/**
 * A prize issue in words: `prizes.issue.<code>` with its params (a line number from the path, a
 * cap in yuan), or the generic message for a code without its own text.
 */
export function issueText(issue: PrizeIssueOut, t: TFunction, prefix = ''): string {
  const line = /lines\.(\d+)/.exec(issue.path ?? '');
  const params: Record<string, string | number> = { ...issue.params, line: line ? Number(line[1]) + 1 : '' };
  if (typeof issue.params.capFen === 'number') params.cap = formatFen(issue.params.capFen);
  return t([`prizes.issue.${prefix}${issue.code}`, 'prizes.issue.invalid'] as MessageKey[], params);
}
