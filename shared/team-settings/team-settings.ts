import { z } from 'zod';
import { defineCapability, foldLww, lwwSetSchema, opBuilders, opsOfType, type LwwFields } from '../sync';
import { bilingualNameSchema, settingIdSchema } from './fields';
import { DEFAULT_SHIFT_TYPES, activeShiftTypes, shiftTypeSchema, type ShiftType } from './shift-types';

/**
 * The team's settings (as opposed to this computer's settings in `shared/settings`), a lead edits: shift types, departments escalations go to, the 'Weibo first'
 * deadline and the team's time zone. One entity per team; each setting is a last-writer-wins
 * field, so two leads editing different settings both keep their change, and two editing the
 * same one see the loser as a conflict.
 */

export const TEAM_SETTINGS_KIND = 'teamSettings';
/** The one op type of the team settings. */
export const TEAM_SETTINGS_SET = 'teamSettings.set';
/** The one entity: `teamSettings:team`. */
export const TEAM_SETTINGS_ID = 'team';
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** 'Weibo first' (微博优先): how long a department has to answer an escalated complaint, by default. */
export const DEFAULT_ESCALATION_MINUTES = 120;
export const MAX_ESCALATION_MINUTES = 7 * 24 * 60;

/** A department's contact fits a line of the stand-in pack: a name, a phone, a group chat. */
export const MAX_DEPARTMENT_CONTACT_CHARS = 200;

export const departmentSchema = z.object({
  id: settingIdSchema,
  name: bilingualNameSchema,
  /**
   * Who to call there and how ("张敏 138 0000 1234 / 企业微信：客服值班群"), printed in the stand-in
   * pack. Optional: departments written before it have none.
   */
  contact: z.string().trim().max(MAX_DEPARTMENT_CONTACT_CHARS).optional(),
  /** No longer offered for new escalations; kept so that old follow-ups still show the name. */
  retired: z.boolean().optional(),
});
export type Department = z.output<typeof departmentSchema>;

export const DEFAULT_DEPARTMENTS: readonly Department[] = [
  { id: 'customer-service', name: { 'zh-CN': '客服部', en: 'Customer service' } },
  { id: 'marketing', name: { 'zh-CN': '市场部', en: 'Marketing' } },
  { id: 'ecommerce', name: { 'zh-CN': '电商部', en: 'E-commerce' } },
  { id: 'legal', name: { 'zh-CN': '法务部', en: 'Legal' } },
];

const uniqueIds = (items: ReadonlyArray<{ id: string }>) => new Set(items.map((item) => item.id)).size === items.length;

/**
 * Checked with the runtime's own time-zone data, which every device of a team shares (one
 * Electron version): a zone it does not know could not be computed with anyway.
 */
export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export const teamSettingsFields = {
  shiftTypes: z
    .array(shiftTypeSchema)
    .min(1)
    .max(12)
    .refine(uniqueIds, { message: 'two shift types share an id', params: { code: 'duplicate-id' } })
    .refine((types) => activeShiftTypes(types).length > 0, {
      message: 'at least one shift type must be in use',
      params: { code: 'no-active-shift-type' },
    }),
  departments: z
    .array(departmentSchema)
    .max(50)
    .refine(uniqueIds, { message: 'two departments share an id', params: { code: 'duplicate-id' } }),
  escalationMinutes: z.number().int().min(1).max(MAX_ESCALATION_MINUTES),
  timeZone: z
    .string()
    .min(1)
    .max(64)
    .refine(isTimeZone, { message: 'not a time zone', params: { code: 'unknown-time-zone' } }),
};

export interface TeamSettings {
  readonly shiftTypes: readonly ShiftType[];
  readonly departments: readonly Department[];
  /** 'Weibo first' (微博优先): minutes from escalation to the department's deadline. */
  readonly escalationMinutes: number;
  /** IANA zone: shifts, dates and deadlines are in it, whatever zone a computer is set to. */
  readonly timeZone: string;
}

export type TeamSettingsFields = { -readonly [K in keyof TeamSettings]: TeamSettings[K] };

export const DEFAULT_TEAM_SETTINGS: TeamSettings = {
  shiftTypes: DEFAULT_SHIFT_TYPES,
  departments: DEFAULT_DEPARTMENTS,
  escalationMinutes: DEFAULT_ESCALATION_MINUTES,
  timeZone: DEFAULT_TIME_ZONE,
};

export interface TeamSettingsState {
  /** Per setting: value, hlc and conflicts, for the settings screen. */
  readonly fields: LwwFields<TeamSettingsFields>;
  /** What the app uses: written values over the defaults. */
  readonly settings: TeamSettings;
}

export const teamSettings = defineCapability({
  kind: TEAM_SETTINGS_KIND,
  ops: {
    [TEAM_SETTINGS_SET]: lwwSetSchema(teamSettingsFields),
  },
  reduce(ops): TeamSettingsState {
    const fields = foldLww<TeamSettingsFields>(opsOfType(ops, TEAM_SETTINGS_SET));
    return {
      fields,
      settings: {
        shiftTypes: fields.shiftTypes?.value ?? DEFAULT_TEAM_SETTINGS.shiftTypes,
        departments: fields.departments?.value ?? DEFAULT_TEAM_SETTINGS.departments,
        escalationMinutes: fields.escalationMinutes?.value ?? DEFAULT_TEAM_SETTINGS.escalationMinutes,
        timeZone: fields.timeZone?.value ?? DEFAULT_TEAM_SETTINGS.timeZone,
      },
    };
  },
});

/** The builder of the one op: `teamSettingsOps.set(TEAM_SETTINGS_ID, lwwSetData(fields, changes))`. */
export const teamSettingsOps = opBuilders(teamSettings);

/** The settings in force: the defaults when nothing was written yet. */
export function teamSettingsOf(state: TeamSettingsState | undefined): TeamSettings {
  return state?.settings ?? DEFAULT_TEAM_SETTINGS;
}
