import { entityRef, lwwSetData, opBuilders, type OpDraft } from '../sync';
import { type Person } from './fields';
import { SOP_KIND, sop, type SopMeta, type SopRevisedData, type SopState } from './sop';
import { shiftChecklist, shiftChecklistId } from './ticks';

/**
 * The SOP ops as drafts for `sync.record`, made with the capabilities' own builders (`opBuilders`):
 * each checks its data against the op's schema and throws on bad input, so that a draft leaving
 * here folds as written. Check what a person typed with `validateRevision` first (it explains;
 * these only refuse).
 */

export const sopEntity = (sopId: string) => entityRef(SOP_KIND, sopId);

const sopOps = opBuilders(sop);
const tickOps = opBuilders(shiftChecklist);

type Stamp = { readonly by: Person; readonly at: number };

export function reviseOp(sopId: string, revision: Omit<SopRevisedData, 'by' | 'at'>, stamp: Stamp): OpDraft {
  return sopOps.revised(sopId, { ...revision, ...stamp });
}

export function submitOp(sopId: string, revision: string, stamp: Stamp): OpDraft {
  return sopOps.submitted(sopId, { revision, ...stamp });
}

export function publishOp(sopId: string, revision: string, minor: boolean, stamp: Stamp): OpDraft {
  return sopOps.published(sopId, { revision, minor, ...stamp });
}

export function returnOp(sopId: string, revision: string, comment: string, stamp: Stamp): OpDraft {
  return sopOps.returned(sopId, { revision, comment, ...stamp });
}

export function acknowledgeOp(sopId: string, revision: string, stamp: Stamp): OpDraft {
  return sopOps.acknowledged(sopId, { revision, ...stamp });
}

/** A lead's change of the metadata, having seen what the fold shows (which resolves a conflict). */
export function setMetaOp(state: SopState | null, sopId: string, changes: Partial<SopMeta>, stamp: Stamp): OpDraft {
  return sopOps.metaSet(sopId, { ...lwwSetData(state?.fields, changes), ...stamp });
}

type ShiftRef = { readonly date: string; readonly shiftTypeId: string };

export function tickOp(shift: ShiftRef, key: string, extra: { link?: string | undefined; note?: string | undefined }, stamp: Stamp): OpDraft {
  return tickOps.ticked(shiftChecklistId(shift), { key, ...stamp, ...(extra.link ? { link: extra.link } : {}), ...(extra.note ? { note: extra.note } : {}) });
}

export function untickOp(shift: ShiftRef, key: string, stamp: Stamp): OpDraft {
  return tickOps.unticked(shiftChecklistId(shift), { key, ...stamp });
}
