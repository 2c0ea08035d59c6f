import { z } from 'zod';
import { MAX_CHECKLIST_TITLE_CHARS, MAX_POST_SLOTS, MAX_SWEEP_MINUTES, MIN_SWEEP_MINUTES } from './limits';
import { settingIdSchema } from './fields';

/**
 * Recurring tasks written inside an SOP ("two product posts, 10:00 and 15:00, weekday early
 * shift"; "舆情 sweep every 2 hours"; "once per shift: check the DMs"). They are part of a
 * revision, so they are reviewed and published with the text, and each shift's checklist is built
 * from the published versions only.
 */

export const CHECKLIST_KINDS = ['post', 'sweep', 'once'] as const;
export type ChecklistKind = (typeof CHECKLIST_KINDS)[number];

/** The seed's three kinds of daily post: company news, product posts, public-topic posts. */
export const CONTENT_TYPES = ['company', 'product', 'topic'] as const;
export type ContentType = (typeof CONTENT_TYPES)[number];

/** Which days of the shift's date: every day, Monday to Friday, Saturday and Sunday. */
export const DAY_RULES = ['everyday', 'weekdays', 'weekends'] as const;
/** Public holidays (the rota's calendar): skip them, treat them like any day, or only on them. */
export const HOLIDAY_RULES = ['skip', 'include', 'only'] as const;

const TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

export const checklistDefSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'not an item id'),
  title: z.string().trim().min(1).max(MAX_CHECKLIST_TITLE_CHARS),
  kind: z.enum(CHECKLIST_KINDS),
  contentType: z.enum(CONTENT_TYPES).nullable(),
  /** Post slots: wall-clock times in the team's zone. */
  times: z.array(z.string().regex(TIME_PATTERN, 'not a time (HH:mm)')).max(MAX_POST_SLOTS),
  /** Sweeps: minutes between two. Bounded in the op itself, so a forged op cannot flood a shift. */
  everyMinutes: z.number().int().min(MIN_SWEEP_MINUTES).max(MAX_SWEEP_MINUTES).nullable(),
  /** Empty: every shift type. */
  shiftTypeIds: z.array(settingIdSchema).max(20),
  days: z.enum(DAY_RULES),
  holidays: z.enum(HOLIDAY_RULES),
});
export type ChecklistDef = z.output<typeof checklistDefSchema>;

export function minutesOfTime(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

export interface ScheduleIssue {
  readonly code: 'no-times' | 'too-frequent' | 'no-interval' | 'never-fires' | 'unknown-shift-type' | 'invalid';
  readonly path: ReadonlyArray<string | number>;
  readonly params: Record<string, string | number>;
}

export interface ShiftWindow {
  readonly id: string;
  readonly start: string;
  readonly end: string;
  readonly retired?: boolean | undefined;
}

/**
 * Every reason a schedule as typed would not work, for the editor to show next to the item:
 * a sweep every minute (or under `MIN_SWEEP_MINUTES`), a post without a time, a time outside
 * every shift it is for (it would never fire), a shift type the team does not have.
 */
export function scheduleIssues(def: unknown, shiftTypes: readonly ShiftWindow[]): ScheduleIssue[] {
  const loose = looseDefSchema.safeParse(def);
  if (!loose.success) {
    return loose.error.issues.map((issue) => ({ code: 'invalid', path: issue.path.map(String), params: { message: issue.message } }));
  }
  const item = loose.data;
  const issues: ScheduleIssue[] = [];
  const known = new Map(shiftTypes.filter((type) => type.retired !== true).map((type) => [type.id, type]));
  for (const id of item.shiftTypeIds) if (!known.has(id)) issues.push({ code: 'unknown-shift-type', path: ['shiftTypeIds'], params: { shiftTypeId: id } });
  const windows = item.shiftTypeIds.length === 0 ? [...known.values()] : item.shiftTypeIds.flatMap((id) => known.get(id) ?? []);
  if (item.kind === 'post') {
    if (item.times.length === 0) issues.push({ code: 'no-times', path: ['times'], params: {} });
    for (const time of item.times) {
      if (!windows.some((window) => timeInWindow(minutesOfTime(time), window))) {
        issues.push({ code: 'never-fires', path: ['times'], params: { time } });
      }
    }
  }
  if (item.kind === 'sweep') {
    if (item.everyMinutes === null) issues.push({ code: 'no-interval', path: ['everyMinutes'], params: {} });
    else if (item.everyMinutes < MIN_SWEEP_MINUTES) {
      issues.push({ code: 'too-frequent', path: ['everyMinutes'], params: { min: MIN_SWEEP_MINUTES, everyMinutes: item.everyMinutes } });
    } else if (!windows.some((window) => windowMinutes(window) >= item.everyMinutes!)) {
      issues.push({ code: 'never-fires', path: ['everyMinutes'], params: { everyMinutes: item.everyMinutes } });
    }
  }
  if (windows.length === 0 && issues.length === 0) issues.push({ code: 'never-fires', path: ['shiftTypeIds'], params: {} });
  if (issues.length === 0) {
    const strict = checklistDefSchema.safeParse(def);
    if (!strict.success) issues.push(...strict.error.issues.map((issue) => ({ code: 'invalid' as const, path: issue.path.map(String), params: { message: issue.message } })));
  }
  return issues;
}

/** The op schema without the bounds a person can type wrong, so those get their own message. */
const looseDefSchema = checklistDefSchema.extend({
  everyMinutes: z.number().int().min(0).nullable(),
  times: z.array(z.string().regex(TIME_PATTERN, 'not a time (HH:mm)')).max(1000),
});

function windowMinutes(window: ShiftWindow): number {
  const start = minutesOfTime(window.start);
  const end = minutesOfTime(window.end);
  return end > start ? end - start : end + 1440 - start;
}

/** Whether a wall-clock time falls in a shift (which may cross midnight). */
export function timeInWindow(minutes: number, window: ShiftWindow): boolean {
  const start = minutesOfTime(window.start);
  const offset = (minutes - start + 1440) % 1440;
  return offset < windowMinutes(window);
}
