import { z } from 'zod';
import { bilingualNameSchema, dateSchema, epochMsSchema, personSchema, settingIdSchema } from '../team-settings';
import { checklistItemSchema, followUpItemSchema, onDutySchema, placeSchema, shiftInstanceSchema } from '../briefing/queries';

/**
 * The stand-in pack (代班手册) as the bridge answers it; its type is read from this schema, so the
 * composer, the bridge and the screen agree on one shape. Codes and values only: the screen says
 * them in either language.
 */

/** A cover of this shift: who is away, who stands in (a colleague who took it, or a lead's urgent pick). */
const coverSchema = z.object({
  id: z.string(),
  absent: personSchema,
  standIn: personSchema.nullable(),
  urgent: z.boolean(),
  status: z.enum(['open', 'awaiting-approval', 'covered']),
  place: placeSchema,
});

/** An SOP the stand-in reads first: its current published text, cut to what fits the page. */
const ruleSchema = z.object({
  sopId: z.string(),
  title: z.string(),
  area: z.string(),
  version: z.number().int(),
  /** Its Markdown (as written: the screen renders and sanitises it as the SOP screen does), cut at a line end. */
  excerpt: z.string(),
  /** The text goes on beyond the excerpt: the SOP itself has the rest. */
  cut: z.boolean(),
  owner: personSchema.nullable(),
  place: placeSchema,
});

const campaignSchema = z.object({ id: z.string(), name: z.string(), type: z.string(), startDate: dateSchema, endDate: dateSchema, place: placeSchema });

/** A prize deadline to watch: a draw during the shift, winners' contacts to collect, prizes to ship. */
const timerSchema = z.object({
  requestId: z.string(),
  campaign: z.string(),
  kind: z.enum(['draw', 'contacts', 'ship']),
  dueAt: epochMsSchema,
  /** Winners still waiting (contacts, ship); 0 for a draw. */
  pending: z.number().int(),
  overdue: z.boolean(),
  place: placeSchema,
});

const contactsSchema = z.object({
  leads: z.array(personSchema),
  backup: personSchema.nullable(),
  /** The departments escalations go to, with who to call there and how (null: none given in Team settings). */
  departments: z.array(z.object({ id: settingIdSchema, name: bilingualNameSchema, contact: z.string().nullable() })),
});

export const standInPackSchema = z.object({
  shift: shiftInstanceSchema,
  timeZone: z.string(),
  /** The instant it was composed: a printed page says how fresh it is. */
  at: epochMsSchema,
  /** Who works the shift by the published rota (null where the team publishes none for it). */
  onDuty: onDutySchema.nullable(),
  covers: z.array(coverSchema),
  /** The shift's checklist from the published SOPs: post slots with time and content type, sweeps, tasks. */
  posts: z.array(checklistItemSchema),
  rules: z.array(ruleSchema),
  followUps: z.array(followUpItemSchema),
  /** Open follow-ups left off the page (the follow-ups screen lists them all). */
  moreFollowUps: z.number().int(),
  campaigns: z.array(campaignSchema),
  timers: z.array(timerSchema),
  contacts: contactsSchema,
});

export type StandInPack = z.output<typeof standInPackSchema>;
export type StandInCover = StandInPack['covers'][number];
export type StandInRule = StandInPack['rules'][number];
export type StandInTimer = StandInPack['timers'][number];
