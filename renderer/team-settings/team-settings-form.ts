import type { TeamSettingsChanges } from '../../shared/api/team-settings-contract';
import type { BilingualName, Department, ShiftType, TeamSettings, ValidationIssue } from '../../shared/team-settings';

/**
 * The team's settings as the card holds them while a lead edits: every row keeps what was
 * typed, valid or not, until the service accepts it. A row without an id is new (the service
 * names it); `key` only tells React rows apart.
 */
interface Row {
  readonly key: string;
  readonly id?: string;
  readonly name: BilingualName;
  readonly retired: boolean;
}
export interface ShiftTypeRow extends Row {
  readonly start: string;
  readonly end: string;
  /** Unset until the lead picks one: the default (1 person, the palette's colour) is shown. */
  readonly needed?: number;
  readonly colour?: string;
}
export interface DepartmentRow extends Row {
  /** Who to call there and how, as typed; blank is none. */
  readonly contact: string;
}

export interface TeamSettingsForm {
  readonly shiftTypes: readonly ShiftTypeRow[];
  readonly departments: readonly DepartmentRow[];
  /** As typed: a number of minutes, or not yet. */
  readonly escalationMinutes: string;
  readonly timeZone: string;
}

const row = (item: ShiftType | Department) => ({ key: item.id, id: item.id, name: item.name, retired: item.retired === true });

export function formOf(settings: TeamSettings): TeamSettingsForm {
  return {
    shiftTypes: settings.shiftTypes.map((type) => ({
      ...row(type),
      start: type.start,
      end: type.end,
      ...(type.needed !== undefined && { needed: type.needed }),
      ...(type.colour !== undefined && { colour: type.colour }),
    })),
    departments: settings.departments.map((department) => ({ ...row(department), contact: department.contact ?? '' })),
    escalationMinutes: String(settings.escalationMinutes),
    timeZone: settings.timeZone,
  };
}

const asItem = ({ key: _key, retired, ...rest }: Row) => ({ ...rest, ...(retired ? { retired } : {}) });

/** What changed against the saved settings; a setting left as it was is not written again. */
export function changesOf(form: TeamSettingsForm, saved: TeamSettings): TeamSettingsChanges | ValidationIssue[] {
  const minutes = Number(form.escalationMinutes);
  if (form.escalationMinutes.trim() === '' || !Number.isInteger(minutes)) {
    return [{ code: 'required', path: ['escalationMinutes'], params: {} }];
  }
  const savedForm = formOf(saved);
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const shiftTypes = form.shiftTypes.map((type) => ({ ...asItem(type), start: type.start.trim(), end: type.end.trim() }));
  const departments = form.departments.map(({ contact, ...rest }) => ({ ...asItem(rest), ...(contact.trim() !== '' && { contact: contact.trim() }) }));
  return {
    ...(!same(form.shiftTypes, savedForm.shiftTypes) && { shiftTypes }),
    ...(!same(form.departments, savedForm.departments) && { departments }),
    ...(minutes !== saved.escalationMinutes && { escalationMinutes: minutes }),
    ...(form.timeZone !== saved.timeZone && { timeZone: form.timeZone }),
  };
}

/** The issues of one row (`['shiftTypes', 2, …]`) or, with no index, of the whole setting. */
export function issuesAt(issues: readonly ValidationIssue[], field: keyof TeamSettingsForm, index?: number): ValidationIssue[] {
  return issues.filter((issue) => issue.path[0] === field && (index === undefined ? issue.path.length === 1 : issue.path[1] === index));
}

/** Whether an issue of the row names this part of it (`name.zh-CN`, `start`). */
export const hasIssueAt = (issues: readonly ValidationIssue[], part: string) => issues.some((issue) => issue.path.slice(2).join('.') === part);
