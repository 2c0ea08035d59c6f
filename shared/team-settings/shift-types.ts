import { z } from 'zod';
import { bilingualNameSchema, settingIdSchema } from './fields';

/**
 * The team's shift types (班次): a name in both languages and a start and end wall-clock time in
 * the team's time zone. An end at or before the start means the shift ends the next day
 * (22:00–06:00); 24:00 is midnight at the end of the day. Handover, the rota and the briefing all
 * read them from here.
 *
 * Open for more fields: a new one (people needed per shift, a colour) is optional in the schema,
 * so shift types already written without it stay valid, and gets its default where it is read.
 */

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
