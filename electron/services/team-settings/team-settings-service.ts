import { randomBytes } from 'node:crypto';
import type { Checked } from '../../../shared/api/checked';
import type { TeamSettingsChanges, TeamSettingsView } from '../../../shared/api/team-settings-contract';
import { ApiFailure } from '../../../shared/api/result';
import { TEAM_SETTINGS_ID, TEAM_SETTINGS_SET, settingsList, teamSettings, teamSettingsOf, teamSettingsOps, validateTeamSettingsChange, type ShiftType, type TeamSettingsFields } from '../../../shared/team-settings';
import { conflictingFields, lwwSetData } from '../../../shared/sync/lww';
import type { Op } from '../../../shared/sync/op';
import type { ReadonlySyncState } from '../../../shared/sync/trust-plug';
import type { OpDraft } from '../../../shared/sync/op-draft';

export interface TeamSettingsServiceOptions {
  readonly sync: {
    readonly state: ReadonlySyncState;
    record(drafts: readonly OpDraft[]): Op[];
  };
  /** Whether the person on this computer may write `opType` (the trust layer decides in the end). */
  readonly mayWrite: (opType: string) => boolean;
  readonly folderAvailable: () => boolean;
  /**
   * The shift types as the capabilities use them: the rota fills in the people needed and colour
   * a team set in its own settings before those were fields of the type. Shown, so a save keeps them.
   */
  readonly shiftTypesInForce?: (shiftTypes: readonly ShiftType[]) => ShiftType[];
}

/** Readable in the JSON files, and never typed by a person. */
const newSettingId = (prefix: string) => () => `${prefix}-${randomBytes(4).toString('hex')}`;

/**
 * The team's settings (not this computer's: those are the SettingsService's): shift types,
 * departments, the 'Weibo first' minutes, the time zone. Written having seen what the fold
 * shows, so a save over a conflict resolves it.
 */
export class TeamSettingsService {
  constructor(private readonly options: TeamSettingsServiceOptions) {}

  private state() {
    return this.options.sync.state.get(teamSettings, TEAM_SETTINGS_ID);
  }

  get(): TeamSettingsView {
    const state = this.state();
    const settings = teamSettingsOf(state);
    const shiftTypes = this.options.shiftTypesInForce?.(settings.shiftTypes) ?? settings.shiftTypes;
    return { settings: { ...settings, shiftTypes }, conflicts: conflictingFields(state?.fields ?? {}) };
  }

  set(input: TeamSettingsChanges): Checked<{ queued: boolean }> {
    // Refused here rather than written and set aside by every device's trust layer.
    if (!this.options.mayWrite(TEAM_SETTINGS_SET)) throw new ApiFailure('forbidden', 'only a lead can change the team settings');
    const state = this.state();
    const saved = teamSettingsOf(state);
    const changes: Partial<TeamSettingsFields> = {
      ...(input.shiftTypes && { shiftTypes: settingsList(input.shiftTypes, saved.shiftTypes, newSettingId('shift')) }),
      ...(input.departments && { departments: settingsList(input.departments, saved.departments, newSettingId('dept')) }),
      ...(input.escalationMinutes !== undefined && { escalationMinutes: input.escalationMinutes }),
      ...(input.timeZone !== undefined && { timeZone: input.timeZone }),
    };
    const issues = validateTeamSettingsChange(changes);
    if (issues.length > 0) return { ok: false, issues };
    if (Object.keys(changes).length === 0) return { ok: true, queued: false };
    this.options.sync.record([teamSettingsOps.set(TEAM_SETTINGS_ID, lwwSetData(state?.fields, changes))]);
    return { ok: true, queued: !this.options.folderAvailable() };
  }
}
