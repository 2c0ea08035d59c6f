import type { ReadonlySyncState } from '../../../shared/sync/trust-plug';
import type { Roster } from '../../../shared/team';
import type { Qualifies } from '../../../shared/rota';
import { hadAcknowledgedShiftSopsAt, hasAcknowledgedShiftSops, requiredForShift, sopBriefsIn, sopDocsIn, sopTeamOf, type SopDoc, type SopView } from '../../../shared/sop/queries';

/**
 * Cover eligibility's SOP rule (issue #12): a colleague may take a shift only having acknowledged
 * the SOPs it requires, by the time of the take. Built once per rota world from the SOP
 * capability's briefs (from the summaries); judged at an instant, it needs the acknowledgements'
 * history: only the SOPs the shift type requires are read whole (`docsOf`).
 */
export function qualifiesBy(views: readonly SopView[], docsOf: (ids: readonly string[]) => readonly SopDoc[]): Qualifies {
  const required = new Map<string, readonly SopDoc[]>();
  const docsFor = (shiftTypeId: string) => {
    let docs = required.get(shiftTypeId);
    if (!docs) {
      docs = docsOf(requiredForShift(views, shiftTypeId));
      required.set(shiftTypeId, docs);
    }
    return docs;
  };
  return (memberId, shiftTypeId, asOf) =>
    asOf === undefined ? hasAcknowledgedShiftSops(views, memberId, shiftTypeId) : hadAcknowledgedShiftSopsAt(docsFor(shiftTypeId), memberId, shiftTypeId, asOf);
}

/** The same from a fold, where no SOP service runs (the CLI). */
export function foldedQualifies(state: ReadonlySyncState, roster: Roster): Qualifies {
  const team = sopTeamOf(roster);
  return qualifiesBy(sopBriefsIn(state, team), (ids) => sopDocsIn(state, ids, team));
}
