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

/**
 * People needed and colour are fields of the shift types; a team that set them in the rota's
 * settings before (`shiftExtras`) keeps those until a lead sets them on the shift type. The shift
 * types with those filled in where the type has none of its own (Team settings shows them, so a
 * save writes them onto the type); the others unchanged, their defaults left to the reader.
 */
export function withLegacyShiftExtras(shiftTypes: readonly ShiftType[], state: RotaTeamState | undefined): ShiftType[] {
  const legacy = state?.fields.shiftExtras?.value ?? {};
  return shiftTypes.map((type) => {
    const old = legacy[type.id];
    if (!old) return type;
    return { ...type, needed: type.needed ?? old.needed, colour: type.colour ?? old.colour };
  });
}

export function rotaSettingsOf(state: RotaTeamState | undefined, team: { shiftTypes: readonly ShiftType[]; timeZone: string }): RotaSettings {
  const fields = state?.fields ?? {};
  const extras: Record<string, ShiftExtra> = {};
  for (const type of withLegacyShiftExtras(team.shiftTypes, state)) {
    extras[type.id] = { needed: peopleNeeded(type), colour: shiftColour(team.shiftTypes, type) };
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
