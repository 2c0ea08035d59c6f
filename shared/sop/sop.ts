import { z } from 'zod';
import { defineCapability, foldLww, lwwSetSchema, opIdSchema, type LwwSet, type TypedOp } from '../sync';
import { checklistDefSchema } from './checklist-schedule';
import { areaSchema, dateSchema, personSchema, roleSchema, settingIdSchema, type Person } from './fields';
import { MAX_CHECKLIST_DEFS, MAX_RETURN_COMMENT_CHARS, MAX_SOP_BODY_CHARS, MAX_SOP_TITLE_CHARS } from './limits';
import { sopPicturesSchema } from './pictures';
import { sopSummaryOf, type SopSummary } from './summary';
import type { SopEvent, SopMeta, SopPublication, SopReturn, SopRevision, SopState } from './sop-state';

export type { Filed, SopEvent, SopMeta, SopPublication, SopReturn, SopRevision, SopState } from './sop-state';

/**
 * SOPs (运营规范): one entity each (`sop:<random id>`). Every saved version is a revision op
 * naming its parent(s); nothing is ever rewritten. Submitting, publishing, returning and
 * acknowledging are append-only events naming a revision. The metadata a lead sets (area,
 * owners, review-by date, who must read it, which shifts need it) are last-writer-wins fields.
 *
 * The reducer only files the ops; which of them count given the roster (a lead publishing their
 * own revision, an acknowledgement signed by someone else's device) is decided by `sopView`
 * (rules.ts), deterministically on every device.
 */

export const SOP_KIND = 'sop';

const at = z.number().int().min(0).max(8.64e15);

export const sopRevisedSchema = z.object({
  /** The revision it was edited from; two for a merge (the resolution of a fork); none for the first. */
  parents: z.array(opIdSchema).max(2),
  title: z.string().trim().min(1).max(MAX_SOP_TITLE_CHARS),
  body: z.string().max(MAX_SOP_BODY_CHARS),
  checklist: z.array(checklistDefSchema).max(MAX_CHECKLIST_DEFS),
  /** Blobs the text shows as `![caption](picture:<sha256>)` (pictures.ts); revisions before pictures have none. */
  pictures: sopPicturesSchema.optional(),
  /** The area a new SOP is filed in (its first revision); afterwards the lead's `area` field decides. */
  area: areaSchema.optional(),
  /** Set when this revision brings an older one back (restore is a new revision, never a rewrite). */
  restores: opIdSchema.optional(),
  by: personSchema,
  at,
});
export type SopRevisedData = z.output<typeof sopRevisedSchema>;

const aboutRevision = { revision: opIdSchema, by: personSchema, at };
export const sopSubmittedSchema = z.object(aboutRevision);
export const sopPublishedSchema = z.object({
  ...aboutRevision,
  /** A lead's "minor change" (typo, link): people who acknowledged the previous version are not asked again. */
  minor: z.boolean(),
});
export const sopReturnedSchema = z.object({ ...aboutRevision, comment: z.string().trim().min(1).max(MAX_RETURN_COMMENT_CHARS) });
export const sopAcknowledgedSchema = z.object(aboutRevision);

/** Field schemas carry no defaults (see lwwSetSchema). */
export const sopMetaFields = {
  area: areaSchema,
  owner: personSchema.nullable(),
  backupOwner: personSchema.nullable(),
  /** yyyy-MM-dd in the team's zone; null: no periodic review. */
  reviewBy: dateSchema.nullable(),
  /** Members holding any of these roles must read and acknowledge each published version. */
  requiredRoles: z.array(roleSchema).max(5),
  /** Shift types this SOP is required for (the rota's cover eligibility asks about them). */
  shiftTypeIds: z.array(settingIdSchema).max(20),
};
export const sopMetaSetSchema = lwwSetSchema(sopMetaFields).extend({ by: personSchema, at });
export type SopMetaSetData = LwwSet<SopMeta> & { readonly by: Person; readonly at: number };

export const sop = defineCapability({
  kind: SOP_KIND,
  ops: {
    'sop.revised': sopRevisedSchema,
    'sop.submitted': sopSubmittedSchema,
    'sop.published': sopPublishedSchema,
    'sop.returned': sopReturnedSchema,
    'sop.acknowledged': sopAcknowledgedSchema,
    'sop.metaSet': sopMetaSetSchema,
  },
  reduce(ops, { id }): SopState {
    const revisions: SopRevision[] = [];
    const submissions: SopEvent[] = [];
    const publications: SopPublication[] = [];
    const returns: SopReturn[] = [];
    const acknowledgements: SopEvent[] = [];
    const writes: Array<{ hlc: string; data: LwwSet<SopMeta> }> = [];
    for (const op of ops) {
      // Built field by field, not spread from a common object: an SOP at a large team holds
      // hundreds of acknowledgements, folded at every start.
      const opId = op.id;
      const { hlc } = op;
      const deviceId = opId.slice(0, opId.indexOf(':'));
      switch (op.type) {
        case 'sop.revised': {
          const { parents, title, body, checklist, pictures, area, restores, by, at } = op.data;
          revisions.push({ opId, hlc, deviceId, by, at, parents, title, body, checklist, pictures: pictures ?? [], area: area ?? null, restores: restores ?? null });
          break;
        }
        case 'sop.submitted':
          submissions.push({ opId, hlc, deviceId, by: op.data.by, at: op.data.at, revision: op.data.revision });
          break;
        case 'sop.published':
          publications.push({ opId, hlc, deviceId, by: op.data.by, at: op.data.at, revision: op.data.revision, minor: op.data.minor });
          break;
        case 'sop.returned':
          returns.push({ opId, hlc, deviceId, by: op.data.by, at: op.data.at, revision: op.data.revision, comment: op.data.comment });
          break;
        case 'sop.acknowledged':
          acknowledgements.push({ opId, hlc, deviceId, by: op.data.by, at: op.data.at, revision: op.data.revision });
          break;
        case 'sop.metaSet':
          writes.push({ hlc, data: { set: op.data.set, seen: op.data.seen } });
      }
    }
    return { id, revisions, submissions, publications, returns, acknowledgements, fields: foldLww(writes) };
  },
  // Stored in the local base's index: a restart's briefing reads it instead of the SOP's line (summary.ts).
  summary: (state: SopState): SopSummary => sopSummaryOf(state),
});

export type SopOp = TypedOp<typeof sop.ops>;
