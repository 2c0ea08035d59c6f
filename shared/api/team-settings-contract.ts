import { z } from 'zod';
import { teamSettingsFields, type TeamSettings, type TeamSettingsFields } from '../team-settings';
import { checked } from './checked';
import { defineOperations } from './define-operations';

/**
 * The lead's edit of the team's handover settings. The input takes anything a form can hold (an
 * empty name, a time typed wrong): the domain checks it and answers `{ok: false, issues}` with its
 * codes, placed at the row and field the person typed. A list item without an id is new; its id
 * is made by the service.
 */

/** Far past the 40 characters a name may have, so that a long paste is explained, not refused at the door. */
const typed = z.string().max(1000);
const optionalId = z.string().max(128).optional();
const bilingual = z.object({ 'zh-CN': typed, en: typed }).strict();

export const ShiftTypeInput = z
  .object({ id: optionalId, name: bilingual, start: typed, end: typed, retired: z.boolean().optional(), needed: z.number().optional(), colour: typed.optional() })
  .strict();
export const DepartmentInput = z.object({ id: optionalId, name: bilingual, contact: typed.optional(), retired: z.boolean().optional() }).strict();

export const TeamSettingsChangesInput = z
  .object({
    shiftTypes: z.array(ShiftTypeInput).max(100),
    departments: z.array(DepartmentInput).max(200),
    escalationMinutes: z.number(),
    timeZone: typed,
  })
  .partial()
  .strict();
export type TeamSettingsChanges = z.output<typeof TeamSettingsChangesInput>;

export type TeamSettingsField = keyof TeamSettingsFields;

const TeamSettingsViewSchema: z.ZodType<TeamSettingsView> = z.object({
  settings: z.object(teamSettingsFields),
  conflicts: z.array(z.enum(Object.keys(teamSettingsFields) as [TeamSettingsField, ...TeamSettingsField[]])),
});

export interface TeamSettingsView {
  /** What the app uses now: written values over the defaults. */
  readonly settings: TeamSettings;
  /** Settings two leads changed without seeing each other's change; saving one resolves it. */
  readonly conflicts: readonly TeamSettingsField[];
}


export const teamSettingsOperations = defineOperations({
  getTeamSettings: { input: z.object({}).strict(), output: TeamSettingsViewSchema },
  setTeamSettings: {
    writes: true,
    input: z.object({ changes: TeamSettingsChangesInput }).strict(),
    output: checked({ queued: z.boolean() }),
  },
});
