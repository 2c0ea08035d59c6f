import type { ShiftType } from '../team-settings';
import type { RotaTeamState } from './capabilities';
import type { Holiday, Pattern, ShiftExtra } from './schemas';

/** The rota's settings with their defaults: a team that never set them keeps working. */
export interface RotaSettings {
  readonly shiftTypes: readonly ShiftType[];
  readonly timeZone: string;
  /** Rest between two shifts of one person, in hours (a shorter rest is a check, and bars a cover). */
  readonly minRestHours: number;
  readonly maxDaysInRow: number;
  readonly maxWeekHours: number;
  readonly coverNeedsApproval: boolean;
  readonly swapNeedsApproval: boolean;
  /** Per shift type id: people needed and colour (every type has one: defaults fill in). */
  readonly extras: Readonly<Record<string, ShiftExtra>>;
  readonly holidays: readonly Holiday[];
  readonly patterns: readonly Pattern[];
}

export const ROTA_DEFAULTS = {
  minRestHours: 11,
  maxDaysInRow: 6,
  maxWeekHours: 40,
  coverNeedsApproval: false,
  swapNeedsApproval: false,
} as const;

/** Colours given to shift types in order until a lead picks one; readable on light and dark. */
export const SHIFT_COLOURS = ['#3b82f6', '#f59e0b', '#8b5cf6', '#10b981', '#ef4444', '#0ea5e9', '#d946ef', '#84cc16'] as const;

export function shiftExtraOf(extras: Readonly<Record<string, ShiftExtra>> | undefined, shiftTypes: readonly ShiftType[], id: string): ShiftExtra {
  const index = Math.max(0, shiftTypes.findIndex((type) => type.id === id));
  return extras?.[id] ?? { needed: 1, colour: SHIFT_COLOURS[index % SHIFT_COLOURS.length]! };
}

export function rotaSettingsOf(state: RotaTeamState | undefined, team: { shiftTypes: readonly ShiftType[]; timeZone: string }): RotaSettings {
  const fields = state?.fields ?? {};
  const extras: Record<string, ShiftExtra> = {};
  for (const type of team.shiftTypes) extras[type.id] = shiftExtraOf(fields.shiftExtras?.value, team.shiftTypes, type.id);
  return {
    shiftTypes: team.shiftTypes,
    timeZone: team.timeZone,
    minRestHours: fields.minRestHours?.value ?? ROTA_DEFAULTS.minRestHours,
    maxDaysInRow: fields.maxDaysInRow?.value ?? ROTA_DEFAULTS.maxDaysInRow,
    maxWeekHours: fields.maxWeekHours?.value ?? ROTA_DEFAULTS.maxWeekHours,
    coverNeedsApproval: fields.coverNeedsApproval?.value ?? ROTA_DEFAULTS.coverNeedsApproval,
    swapNeedsApproval: fields.swapNeedsApproval?.value ?? ROTA_DEFAULTS.swapNeedsApproval,
    extras,
    holidays: fields.holidays?.value ?? [],
    patterns: fields.patterns?.value ?? [],
  };
}
