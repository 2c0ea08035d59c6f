import { isMatch } from 'date-fns';
import { z } from 'zod';

/**
 * Field schemas every capability's op data uses (handover, rota, SOPs, prizes): instants, ids,
 * dates in the team's zone, people and names in both languages. One definition, so that a person
 * or a date means the same in every capability's ops.
 */

export const MAX_PERSON_NAME_CHARS = 100;

/** Epoch milliseconds: every instant in op data is one, never a local date-time string. */
export const epochMsSchema = z.number().int().min(0).max(8.64e15);

/** The id part of an entity (`handover:<id>`), as the sync core allows it. */
export const entityIdSchema = z.string().regex(/^[A-Za-z0-9._-]{1,128}$/, 'not an entity id');

/** Ids of list items a lead edits (shift types, departments): short, readable in the JSON files. */
export const settingIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/, 'not a setting id (a-z, 0-9, -)');

/** A calendar date in the team's time zone. */
export const dateSchema = z
  .string()
  .refine((value) => /^\d{4}-\d{2}-\d{2}$/.test(value) && isMatch(value, 'yyyy-MM-dd'), 'not a date (yyyy-MM-dd)');

export const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'not a sha256 (64 lowercase hex)');

/**
 * Who did something, as a snapshot: the member id links to the roster, the name is what people
 * saw then, so a note stays readable (in Baton and in the raw JSON) after a member leaves.
 */
export const personSchema = z.object({
  memberId: z.string().min(1).max(64),
  name: z.string().trim().min(1).max(MAX_PERSON_NAME_CHARS),
});
export type Person = z.output<typeof personSchema>;

/** Names shown in both UI languages. */
export const bilingualNameSchema = z.object({
  'zh-CN': z.string().trim().min(1).max(40),
  en: z.string().trim().min(1).max(40),
});
export type BilingualName = z.output<typeof bilingualNameSchema>;
