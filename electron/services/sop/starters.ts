import { randomBytes } from 'node:crypto';
import type { ShiftType, Person } from '../../../shared/team-settings';
import { publishOp, reviseOp, setMetaOp, submitOp } from '../../../shared/sop';
import { starterSops, type StarterLanguage } from '../../../shared/sop/starter';
import type { OpDraft } from '../sync/sync-service';

/**
 * The ops that give a new team the nine starter SOPs: each a first revision, its metadata (the
 * lead as owner, who must read it, which shifts need it) and its publication: published at once
 * by a team's only lead, submitted for another lead's review otherwise. Shift types the team does
 * not have are left out of the items (an item for no shift type is for every shift).
 */
export function starterOps(language: StarterLanguage, context: { by: Person; at: number; shiftTypes: readonly ShiftType[] }): OpDraft[][] {
  const known = new Set(context.shiftTypes.filter((type) => type.retired !== true).map((type) => type.id));
  const stamp = { by: context.by, at: context.at };
  return starterSops(language).map((starter) => {
    const id = randomBytes(12).toString('base64url');
    const checklist = starter.checklist.map((item) => ({ ...item, shiftTypeIds: item.shiftTypeIds.filter((shiftTypeId) => known.has(shiftTypeId)) }));
    const revised = reviseOp(id, { parents: [], title: starter.title, body: starter.body, checklist, area: starter.area }, stamp);
    const meta = setMetaOp(null, id, { requiredRoles: starter.requiredRoles, shiftTypeIds: starter.shiftTypeIds.filter((shiftTypeId) => known.has(shiftTypeId)), owner: context.by }, stamp);
    return [revised, meta];
  });
}

/** After the revisions are recorded (their ids are op ids): publish or submit each. */
export function releaseOps(sops: ReadonlyArray<{ id: string; revision: string }>, context: { by: Person; at: number; onlyLead: boolean }): OpDraft[] {
  const stamp = { by: context.by, at: context.at };
  return sops.map(({ id, revision }) => (context.onlyLead ? publishOp(id, revision, false, stamp) : submitOp(id, revision, stamp)));
}
