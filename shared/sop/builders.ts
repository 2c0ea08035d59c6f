import { entityRef, lwwSetData } from '../sync';
import type { OpDraft } from '../team';
import { type Person } from './fields';
import { SOP_KIND, sop, type SopMeta, type SopRevisedData, type SopState } from './sop';
import { shiftChecklist, shiftChecklistEntity } from './ticks';

/**
 * The SOP ops as drafts for `sync.record`: each builder checks its data against the op's schema
 * and throws on bad input, so that a draft leaving here folds as written. Check what a person
 * typed with `validateRevision` first (it explains; these only refuse).
 */

export const sopEntity = (sopId: string) => entityRef(SOP_KIND, sopId);

type Stamp = { readonly by: Person; readonly at: number };

function draft(type: keyof typeof sop.ops, sopId: string, data: Record<string, unknown>): OpDraft {
  return { type, entity: sopEntity(sopId), data: sop.ops[type].parse(data) as Record<string, unknown> };
}

export function reviseOp(sopId: string, revision: Omit<SopRevisedData, 'by' | 'at'>, stamp: Stamp): OpDraft {
  return draft('sop.revised', sopId, { ...revision, ...stamp });
}

export function submitOp(sopId: string, revision: string, stamp: Stamp): OpDraft {
  return draft('sop.submitted', sopId, { revision, ...stamp });
}

export function publishOp(sopId: string, revision: string, minor: boolean, stamp: Stamp): OpDraft {
  return draft('sop.published', sopId, { revision, minor, ...stamp });
}

export function returnOp(sopId: string, revision: string, comment: string, stamp: Stamp): OpDraft {
  return draft('sop.returned', sopId, { revision, comment, ...stamp });
}

export function acknowledgeOp(sopId: string, revision: string, stamp: Stamp): OpDraft {
  return draft('sop.acknowledged', sopId, { revision, ...stamp });
}

/** A lead's change of the metadata, having seen what the fold shows (which resolves a conflict). */
export function setMetaOp(state: SopState | null, sopId: string, changes: Partial<SopMeta>, stamp: Stamp): OpDraft {
  return draft('sop.metaSet', sopId, { ...lwwSetData(state?.fields, changes), ...stamp });
}

type ShiftRef = { readonly date: string; readonly shiftTypeId: string };

export function tickOp(shift: ShiftRef, key: string, extra: { link?: string | undefined; note?: string | undefined }, stamp: Stamp): OpDraft {
  const data = { key, ...stamp, ...(extra.link ? { link: extra.link } : {}), ...(extra.note ? { note: extra.note } : {}) };
  return { type: 'shiftChecklist.ticked', entity: shiftChecklistEntity(shift), data: shiftChecklist.ops['shiftChecklist.ticked'].parse(data) as Record<string, unknown> };
}

export function untickOp(shift: ShiftRef, key: string, stamp: Stamp): OpDraft {
  return { type: 'shiftChecklist.unticked', entity: shiftChecklistEntity(shift), data: shiftChecklist.ops['shiftChecklist.unticked'].parse({ key, ...stamp }) as Record<string, unknown> };
}
