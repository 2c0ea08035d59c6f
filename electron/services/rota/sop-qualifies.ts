import type { ReadonlySyncState } from '../../../shared/sync/trust-plug';
import type { Roster } from '../../../shared/team';
import type { Qualifies } from '../../../shared/rota';
import { hadAcknowledgedShiftSopsAt, hasAcknowledgedShiftSops, sop, sopDocs, sopTeamOf, type SopDoc } from '../../../shared/sop/queries';

/**
 * Cover eligibility's SOP rule (issue #12): a colleague may take a shift only having acknowledged
 * the SOPs it requires, by the time of the take. Built once per rota world from the SOP
 * capability's folded docs.
 */
export function qualifiesBy(docs: readonly SopDoc[]): Qualifies {
  return (memberId, shiftTypeId, asOf) =>
    asOf === undefined ? hasAcknowledgedShiftSops(docs, memberId, shiftTypeId) : hadAcknowledgedShiftSopsAt(docs, memberId, shiftTypeId, asOf);
}

/** The same from a fold, where no SOP service runs (the CLI). */
export function foldedQualifies(state: ReadonlySyncState, roster: Roster): Qualifies {
  return qualifiesBy(sopDocs(state.list(sop).map((entry) => entry.state), sopTeamOf(roster)));
}
