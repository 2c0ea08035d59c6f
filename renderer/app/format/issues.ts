import type { TFunction } from 'i18next';
import type { ValidationIssue } from '../../../shared/team-settings';
import type { MessageKey } from '../../i18n/resources';

/**
 * A validation code with its params, in words. The codes every capability shares are explained
 * under `issue.*` (./i18n); a capability's own codes under `<namespace>.issue.*`, looked up first
 * (several namespaces in order: a place's own wording before a module's, e.g. handover's "a
 * screenshot must be a picture" before attachments' "only a picture can go here").
 * Byte sizes of attachments are shown in MB.
 */
export function issueText(issue: ValidationIssue, t: TFunction, namespace?: string | readonly string[]): string {
  const params: Record<string, string | number> = { ...issue.params };
  for (const key of ['max', 'size'] as const) {
    if (issue.code.startsWith('attachment') && typeof params[key] === 'number') params[key] = `${Math.round((params[key] / 1024 / 1024) * 10) / 10} MB`;
  }
  const namespaces = namespace === undefined ? [] : typeof namespace === 'string' ? [namespace] : namespace;
  const keys = [...namespaces.map((name) => `${name}.issue.${issue.code}`), `issue.${issue.code}`] as MessageKey[];
  return t(keys, params);
}

/** Issues grouped by where they belong: 'sections.summary', 'followUps.0', 'attachments', ''. */
export function issuesByPlace(issues: readonly ValidationIssue[]): Map<string, ValidationIssue[]> {
  const places = new Map<string, ValidationIssue[]>();
  for (const issue of issues) {
    const place = issue.path.slice(0, 2).join('.');
    places.set(place, [...(places.get(place) ?? []), issue]);
  }
  return places;
}
