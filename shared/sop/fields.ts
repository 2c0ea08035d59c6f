import { z } from 'zod';
import { dateSchema, personSchema, settingIdSchema } from '../team-settings';
import { roleSchema } from '../team/roles';

/**
 * The nine areas of a Weibo team's work (from the seed article), in the order people read them.
 * Each SOP belongs to one.
 */
export const SOP_AREAS = [
  'positioning',
  'content',
  'campaigns',
  'fans',
  'monitoring',
  'team',
  'analytics',
  'promotion',
  'partnerships',
] as const;
export type SopArea = (typeof SOP_AREAS)[number];
export const areaSchema = z.enum(SOP_AREAS);

export { dateSchema, personSchema, settingIdSchema, roleSchema };
export type { Person } from '../team-settings';
