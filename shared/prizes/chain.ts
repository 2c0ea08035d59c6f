import type { BilingualName, Person } from '../team-settings';
import type { PrizeSettings } from './settings';

/**
 * The approval chain a request's total calls for, from the team's settings: ≤ leadMax the lead
 * alone; ≤ approverMax the lead then an approver; above, the lead, an approver, then the named
 * approver; above the extra step's total, that step (e.g. legal review) last.
 */
export type ChainStep =
  | { readonly kind: 'role'; readonly role: 'lead' | 'approver' }
  | { readonly kind: 'named'; readonly member: Person | null }
  | { readonly kind: 'extra'; readonly member: Person | null; readonly name: BilingualName };

export function chainFor(totalFen: number, settings: PrizeSettings): ChainStep[] {
  const steps: ChainStep[] = [{ kind: 'role', role: 'lead' }];
  if (totalFen > settings.leadMaxFen) steps.push({ kind: 'role', role: 'approver' });
  if (totalFen > settings.approverMaxFen) steps.push({ kind: 'named', member: settings.namedApprover });
  const extra = settings.extraStep;
  if (extra && totalFen > extra.overFen) steps.push({ kind: 'extra', member: extra.reviewer, name: extra.name });
  return steps;
}
