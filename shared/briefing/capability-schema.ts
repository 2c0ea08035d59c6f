import { z } from 'zod';
import { dateSchema, epochMsSchema, personSchema, settingIdSchema } from '../team-settings';
import { CHECKLIST_STATES, MY_PRIZE_STATUSES, ROTA_REQUEST_KINDS } from './capability-types';

/** The bridge's schemas of the rota, SOP and prize sections (capability-types.ts). */

export const placeSchema = z.object({ screen: z.string(), item: z.string().optional() });
export const shiftRefSchema = z.object({ date: dateSchema, shiftTypeId: settingIdSchema });
const fen = z.number().int();

const sopsSchema = z.object({
  kind: z.literal('sops'),
  toAcknowledge: z.array(
    z.object({
      sopId: z.string(),
      title: z.string(),
      area: z.string(),
      version: z.number().int(),
      lastAcknowledgedVersion: z.number().int().nullable(),
      linesAdded: z.number().int(),
      linesRemoved: z.number().int(),
      place: placeSchema,
    }),
  ),
  changed: z.array(
    z.object({ sopId: z.string(), title: z.string(), version: z.number().int(), publishedAt: epochMsSchema, publishedBy: z.string(), minor: z.boolean(), place: placeSchema }),
  ),
  place: placeSchema,
});

export const checklistItemSchema = z.object({
  key: z.string(),
  title: z.string(),
  sopTitle: z.string(),
  kind: z.enum(['post', 'sweep', 'once']),
  contentType: z.enum(['company', 'product', 'topic']).nullable(),
  slot: z.string(),
  dueAt: epochMsSchema,
  state: z.enum(CHECKLIST_STATES),
  doneBy: personSchema.nullable(),
});

const checklistSchema = z.object({
  kind: z.literal('checklist'),
  shift: shiftRefSchema,
  items: z.array(checklistItemSchema),
  next: z.string().nullable(),
  pastDue: z.number().int(),
  done: z.number().int(),
  place: placeSchema,
});

const prizesSchema = z.object({
  kind: z.literal('prizes'),
  waiting: z.array(
    z.object({
      requestId: z.string(),
      campaign: z.string(),
      totalFen: fen,
      step: z.number().int(),
      requester: personSchema.nullable(),
      submittedAt: z.number(),
      asDelegateOf: personSchema.nullable(),
      place: placeSchema,
    }),
  ),
  mine: z.array(z.object({ requestId: z.string(), campaign: z.string(), totalFen: fen, status: z.enum(MY_PRIZE_STATUSES), place: placeSchema })),
  fulfilment: z.array(
    z.object({ requestId: z.string(), campaign: z.string(), kind: z.enum(['contacts', 'ship']), dueAt: z.number(), pending: z.number().int(), overdue: z.boolean(), place: placeSchema }),
  ),
  place: placeSchema,
});

const campaignItemSchema = z.object({ id: z.string(), name: z.string(), type: z.string(), startDate: dateSchema, endDate: dateSchema, place: placeSchema });
const campaignsSchema = z.object({ kind: z.literal('campaigns'), running: z.array(campaignItemSchema), startingSoon: z.array(campaignItemSchema) });

const rotaRequestsSchema = z.object({
  kind: z.literal('rotaRequests'),
  coverAsks: z.array(z.object({ id: z.string(), shift: shiftRefSchema, requester: personSchema, urgent: z.boolean(), place: placeSchema })),
  requests: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(ROTA_REQUEST_KINDS),
      status: z.string(),
      date: dateSchema,
      shiftTypeId: settingIdSchema.nullable(),
      other: personSchema.nullable(),
      byMe: z.boolean(),
      waitsForMe: z.boolean(),
      place: placeSchema,
    }),
  ),
  place: placeSchema,
});

export const capabilitySectionSchemas = [sopsSchema, checklistSchema, prizesSchema, campaignsSchema, rotaRequestsSchema] as const;
