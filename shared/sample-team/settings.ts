import { lwwSetData } from '../sync';
import { DEFAULT_DEPARTMENTS, TEAM_SETTINGS_ID, teamSettingsOps } from '../team-settings';
import { atWallTime, type SampleContext } from './context';

/**
 * The team settings the lead wrote on the first day: the usual departments (their ids are what
 * the sample's escalations and notices name), each with whom to call there and how, so that the
 * stand-in pack's "whom to call" has people and numbers in it.
 */
export function writeTeamSettings(ctx: SampleContext, firstDay: string): void {
  const contacts = ctx.texts.departmentContacts;
  const departments = DEFAULT_DEPARTMENTS.map((department) => ({ ...department, contact: contacts[department.id as keyof typeof contacts] }));
  ctx.emit(ctx.members.zhou, atWallTime(ctx, firstDay, '10:30'), teamSettingsOps.set(TEAM_SETTINGS_ID, lwwSetData(undefined, { departments })));
}
