import { z } from 'zod';
import { SET_ASIDE_REASONS, UNAVAILABLE_REASONS } from '../sync/status';
import { epochMsSchema, personSchema } from '../team-settings';
import { DUTY_ROLES, MOMENTS, type Briefing } from './types';
import { capabilitySectionSchemas, placeSchema, shiftRefSchema } from './capability-schema';

/** The briefing as the bridge answers it: checked against this, so a screen never gets a shape it cannot show. */

export const shiftInstanceSchema = shiftRefSchema.extend({ startAt: epochMsSchema, endAt: epochMsSchema });
const myShiftSchema = z.object({ shift: shiftInstanceSchema, role: z.enum(DUTY_ROLES).nullable() });
export const onDutySchema = z.object({ shift: shiftInstanceSchema, people: z.array(z.object({ person: personSchema, role: z.enum(DUTY_ROLES) })) });
const noteItemSchema = z.object({ id: z.string(), author: personSchema, at: z.number(), excerpt: z.string(), acknowledged: z.boolean(), acknowledgedAt: z.number().nullable(), place: placeSchema });
export const followUpItemSchema = z.object({
  id: z.string(),
  title: z.string(),
  owner: personSchema,
  mine: z.boolean(),
  dueAt: z.number(),
  overdue: z.boolean(),
  escalation: z
    .object({ deadlineAt: z.number(), remainingMs: z.number(), overdue: z.boolean(), running: z.boolean(), department: z.string() })
    .nullable(),
  place: placeSchema,
});
const syncProblemSchema = z.discriminatedUnion('code', [
  z.object({ code: z.literal('folder-away'), reason: z.enum(UNAVAILABLE_REASONS).nullable() }),
  z.object({ code: z.literal('files-set-aside'), count: z.number(), reasons: z.array(z.enum(SET_ASIDE_REASONS)) }),
  z.object({ code: z.literal('my-clock-behind'), byMs: z.number() }),
  z.object({ code: z.literal('device-clock-off'), memberName: z.string().nullable(), skewMs: z.number() }),
  z.object({ code: z.literal('unpublished'), count: z.number() }),
]);

const sectionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('duty'), mine: myShiftSchema.nullable(), onNow: onDutySchema.nullable(), onNext: onDutySchema.nullable(), myNext: myShiftSchema.nullable(), leaveUntil: z.number().nullable() }),
  z.object({ kind: z.literal('handoverToWrite'), shift: shiftInstanceSchema, place: placeSchema }),
  z.object({ kind: z.literal('previousHandover'), shift: shiftRefSchema, notes: z.array(noteItemSchema) }),
  z.object({ kind: z.literal('followUps'), items: z.array(followUpItemSchema), overdueCount: z.number(), more: z.number(), place: placeSchema }),
  z.object({ kind: z.literal('changes'), since: z.number(), notes: z.array(noteItemSchema) }),
  z.object({
    kind: z.literal('sync'),
    health: z.enum(['unavailable', 'problems', 'waiting', 'healthy']),
    problems: z.array(syncProblemSchema),
    lastPollAt: z.number().nullable(),
    place: placeSchema,
  }),
  ...capabilitySectionSchemas,
]);

export const BriefingSchema: z.ZodType<Briefing> = z.object({
  now: z.number(),
  timeZone: z.string(),
  me: personSchema.nullable(),
  moment: z.enum(MOMENTS),
  sections: z.array(sectionSchema),
});
