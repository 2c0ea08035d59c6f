import type { TFunction } from 'i18next';
import type { ShiftType, ValidationIssue } from '../../shared/handover';
import type { Language } from '../../shared/settings/schema';
import type { MessageKey } from '../i18n/resources';

/** Instants shown in the team's time zone (shifts and deadlines are in it), in the UI language. */
export function formatInZone(at: number, timeZone: string, language: string): string {
  return new Intl.DateTimeFormat(language, { timeZone, month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' }).format(at);
}

export function shiftName(shiftTypes: readonly ShiftType[], id: string, language: Language): string {
  return shiftTypes.find((type) => type.id === id)?.name[language] ?? id;
}

/** A validation code with its params, in words; sizes in MB for people. */
export function issueText(issue: ValidationIssue, t: TFunction): string {
  const params: Record<string, string | number> = { ...issue.params };
  for (const key of ['max', 'size'] as const) {
    if (issue.code.startsWith('attachment') && typeof params[key] === 'number') params[key] = `${Math.round((params[key] / 1024 / 1024) * 10) / 10} MB`;
  }
  return t(`handover.issue.${issue.code}` as MessageKey, params);
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

/** "2 h 05 min" or "-0 h 12 min" for a countdown. */
export function formatRemaining(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  return `${sign}${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}
