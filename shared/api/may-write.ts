import { mayWrite } from '../team';
import type { TeamView } from './team-schemas';

/**
 * Whether the person on this computer may write `opType` (without one: write to the team at all),
 * as far as this computer knows: without a team or a trust layer nothing is checked; otherwise an
 * approved member whose roles allow it. The trust layer on every device has the last word; this
 * spares people an op set aside. While the team's records are read no role is known: nothing a
 * role gives (a lead's publish bar) is offered yet, though writing at all is (edits wait for the open).
 */
export function mayWriteOp(view: TeamView, opType?: string): boolean {
  if (view.opening && view.trustActive && opType !== undefined) return false;
  if (!view.available || !view.trustActive) return true;
  return view.me.status === 'approved' && (opType === undefined || mayWrite(view.me.roles, opType));
}
