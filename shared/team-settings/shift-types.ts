import { z } from 'zod';
import { bilingualNameSchema, settingIdSchema } from './fields';

/**
 * The team's shift types (班次): a name in both languages and a start and end wall-clock time in
 * the team's time zone. An end at or before the start means the shift ends the next day
 * (22:00–06:00); 24:00 is midnight at the end of the day. Handover, the rota and the briefing all
 * read them from here.
 *
 * Open for more fields: a new one is optional in the schema, so shift types already written
 * without it stay valid, and gets its default where it is read (`peopleNeeded`, `shiftColour`).
 */

/** At most this many people on one shift: a team is 3 to 30 people. */
export const MAX_PEOPLE_ON_SHIFT = 30;

/** Colours given to shift types in list order until a lead picks one; readable on light and dark. */
const SHIFT_COLOURS = ['#3b82f6', '#f59e0b', '#8b5cf6', '#10b981', '#ef4444', '#0ea5e9', '#d946ef', '#84cc16'] as const;
export const colourSchema = z.string().regex(/^#[0-9a-f]{6}$/, 'not a colour (#rrggbb)');

const START_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;
const END_PATTERN = /^(([01]\d|2[0-3]):([0-5]\d)|24:00)$/;

export const shiftTypeSchema = z
  .object({
    id: settingIdSchema,
    name: bilingualNameSchema,
    start: z.string().regex(START_PATTERN, 'not a time (HH:mm, 00:00–23:59)'),
    end: z.string().regex(END_PATTERN, 'not a time (HH:mm, 00:00–24:00)'),
    /**
     * A shift type the team no longer works: left out of shift computation and pickers, kept so
     * that old notes still show its name. Leads retire rather than delete for that reason.
     */
    retired: z.boolean().optional(),
    /** How many people the rota puts on it (default 1): fewer is an under-staffed check. */
    needed: z.number().int().min(1).max(MAX_PEOPLE_ON_SHIFT).optional(),
    /** How the rota and the calendar show it (default: the palette by its place in the list). */
    colour: colourSchema.optional(),
  })
  // 08:00–08:00 could mean nothing or a whole day; 00:00–24:00 says the latter unambiguously.
  .refine((type) => minutesOf(type.start) !== minutesOf(type.end), {
    message: 'a shift must not start and end at the same time',
    params: { code: 'shift-start-equals-end' },
    path: ['end'],
  });
export type ShiftType = z.output<typeof shiftTypeSchema>;

export const DEFAULT_SHIFT_TYPES: readonly ShiftType[] = [
  { id: 'early', name: { 'zh-CN': '早班', en: 'Early shift' }, start: '08:00', end: '16:00' },
  { id: 'late', name: { 'zh-CN': '晚班', en: 'Late shift' }, start: '16:00', end: '24:00' },
];

/** Minutes since midnight of a valid `HH:mm` (24:00 gives 1440). */
export function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

export function activeShiftTypes(types: readonly ShiftType[]): ShiftType[] {
  return types.filter((type) => type.retired !== true);
}

/** People a shift type needs; 1 until a lead says otherwise. */
export function peopleNeeded(type: ShiftType): number {
  return type.needed ?? 1;
}

/** The palette's colour for the shift type at `index` of the team's list. */
export function paletteColour(index: number): string {
  return SHIFT_COLOURS[Math.max(0, index) % SHIFT_COLOURS.length]!;
}

/** A shift type's colour: the lead's pick, else the palette by its place in the team's list. */
export function shiftColour(types: readonly ShiftType[], type: ShiftType): string {
  return type.colour ?? paletteColour(types.findIndex((other) => other.id === type.id));
}
