import { z } from 'zod';
import { MAX_PEOPLE_ON_SHIFT, colourSchema, dateSchema, entityIdSchema, epochMsSchema, settingIdSchema } from '../team-settings';
import { lwwSetSchema } from '../sync';

/**
 * The data of every rota op. Member ids are the roster's; dates are calendar days in the team's
 * time zone (the day a shift starts). Who wrote an op is never read from here: it comes from the
 * op id's device (see `world.ts`).
 */

/** A member id as the roster spells it. */
export const memberIdSchema = z.string().min(1).max(64);

/** The years a rota may plan: a 1970 or 2100 date is a typo or a broken file, not a shift. */
export const FIRST_ROTA_YEAR = 2000;
export const LAST_ROTA_YEAR = 2099;
export const rotaDateSchema = dateSchema.refine((value) => {
  const year = Number(value.slice(0, 4));
  return year >= FIRST_ROTA_YEAR && year <= LAST_ROTA_YEAR;
}, `outside the years a rota plans (${FIRST_ROTA_YEAR}–${LAST_ROTA_YEAR})`);

export const monthSchema = z.string().regex(/^(20\d\d)-(0[1-9]|1[0-2])$/, 'not a month (yyyy-MM)');

export const assignmentSchema = z.object({
  primary: z.array(memberIdSchema).max(MAX_PEOPLE_ON_SHIFT).refine((ids) => new Set(ids).size === ids.length, 'a person is listed twice'),
  backup: memberIdSchema.nullable(),
});
export type Assignment = z.output<typeof assignmentSchema>;

/** `rotaSlot:<date>_<shiftTypeId>`: one shift of one day, edited by leads (the draft). */
export const slotFields = { primary: assignmentSchema.shape.primary, backup: assignmentSchema.shape.backup };

/** `2026-03-01_early`: the key of a shift in a month's assignments and a slot's entity id. */
export const slotKeySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}_[a-z0-9][a-z0-9-]{0,31}$/, 'not a shift key');

/** Published assignments of a month: what everyone sees until the next publish. */
export const monthPublishedSchema = z.object({
  month: monthSchema,
  assignments: z.record(slotKeySchema, assignmentSchema),
  at: epochMsSchema,
});

export const LEAVE_TYPES = ['annual', 'sick', 'personal', 'compensatory', 'other'] as const;
export type LeaveType = (typeof LEAVE_TYPES)[number];
const note = z.string().trim().max(500);

export const leaveRequestedSchema = z
  .object({
    memberId: memberIdSchema,
    leaveType: z.enum(LEAVE_TYPES),
    from: rotaDateSchema,
    to: rotaDateSchema,
    note,
    at: epochMsSchema,
  })
  .refine((leave) => leave.from <= leave.to, { message: 'the leave ends before it starts', path: ['to'] })
  // A year at most: a longer absence is a change of the team, not leave.
  .refine((leave) => Date.parse(leave.to) - Date.parse(leave.from) <= 366 * 86_400_000, { message: 'leave of more than a year', path: ['to'] });

/** A lead's decision on leave, a cover (when the team asks for one) or a swap; the latest valid one counts. */
export const decidedSchema = z.object({ approved: z.boolean(), at: epochMsSchema, note });
/** The requester (or a lead) takes a request back while it is open. */
export const withdrawnSchema = z.object({ at: epochMsSchema });

export const shiftRefSchema = z.object({ date: rotaDateSchema, shiftTypeId: settingIdSchema });

export const coverRequestedSchema = shiftRefSchema.extend({ memberId: memberIdSchema, note, at: epochMsSchema });
/** An eligible colleague takes the cover: who took it is the op's author. */
export const coverTakenSchema = z.object({ at: epochMsSchema });
/** The urgent path: a lead names the stand-in in the same action as the request. */
export const standInSchema = z.object({ standIn: memberIdSchema, at: epochMsSchema });

export const swapProposedSchema = z.object({
  from: shiftRefSchema.extend({ memberId: memberIdSchema }),
  to: shiftRefSchema.extend({ memberId: memberIdSchema }),
  note,
  at: epochMsSchema,
});
export const swapAnsweredSchema = z.object({ accepted: z.boolean(), at: epochMsSchema });

/** One day of a pattern's cycle: per shift type, the people on it. */
export const patternSchema = z.object({
  id: entityIdSchema,
  name: z.string().trim().min(1).max(60),
  days: z.array(z.record(settingIdSchema, z.array(memberIdSchema).max(MAX_PEOPLE_ON_SHIFT))).min(1).max(62),
});
export type Pattern = z.output<typeof patternSchema>;

export const HOLIDAY_KINDS = ['holiday', 'workday'] as const;
export const holidaySchema = z.object({
  date: rotaDateSchema,
  /** holiday: a public holiday; workday: a weekend made a working day (调休). */
  kind: z.enum(HOLIDAY_KINDS),
  name: z.string().trim().min(1).max(60),
});
export type Holiday = z.output<typeof holidaySchema>;

/**
 * People needed and colour of a shift type, as the rota kept them before they became fields of
 * the shift types (team settings). Still read, so ops already written fold; no longer written.
 */
export const shiftExtraSchema = z.object({
  needed: z.number().int().min(1).max(MAX_PEOPLE_ON_SHIFT),
  colour: colourSchema,
});
export type ShiftExtra = z.output<typeof shiftExtraSchema>;

export const rotaTeamFields = {
  minRestHours: z.number().int().min(0).max(48),
  maxDaysInRow: z.number().int().min(1).max(31),
  maxWeekHours: z.number().int().min(1).max(168),
  coverNeedsApproval: z.boolean(),
  swapNeedsApproval: z.boolean(),
  shiftExtras: z.record(settingIdSchema, shiftExtraSchema),
  holidays: z.array(holidaySchema).max(1000),
  patterns: z.array(patternSchema).max(50),
};
export const rotaTeamSetSchema = lwwSetSchema(rotaTeamFields);
