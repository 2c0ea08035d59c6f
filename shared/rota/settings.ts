import { peopleNeeded, shiftColour, type ShiftType } from '../team-settings';
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
  /** Per shift type id: people needed and colour, from the shift types (every type has one: defaults fill in). */
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

export function rotaSettingsOf(state: RotaTeamState | undefined, team: { shiftTypes: readonly ShiftType[]; timeZone: string }): RotaSettings {
  const fields = state?.fields ?? {};
  // People needed and colour are fields of the shift types; a team that set them in the rota's
  // settings before (`shiftExtras`) keeps those until a lead sets them on the shift type.
  const legacy = fields.shiftExtras?.value ?? {};
  const extras: Record<string, ShiftExtra> = {};
  for (const type of team.shiftTypes) {
    extras[type.id] = {
      needed: type.needed ?? legacy[type.id]?.needed ?? peopleNeeded(type),
      colour: type.colour ?? legacy[type.id]?.colour ?? shiftColour(team.shiftTypes, type),
    };
  }
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
