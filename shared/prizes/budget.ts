import { dateInZone } from '../team-settings';
import type { Campaign } from './campaign';
import type { RequestView } from './workflow-types';

/**
 * Budget per campaign and per month: committed is what approved requests total, spent is the
 * value of prizes shipped. Whole fen throughout.
 */
export interface BudgetFigures {
  /** Null: no budget set. */
  readonly budgetFen: number | null;
  readonly committedFen: number;
  readonly spentFen: number;
  /** Budget minus committed; null without a budget. */
  readonly remainingFen: number | null;
}

const committedStatuses: ReadonlyArray<RequestView['status']> = ['approved', 'closed'];

function figures(budgetFen: number | null, committedFen: number, spentFen: number): BudgetFigures {
  return { budgetFen, committedFen, spentFen, remainingFen: budgetFen === null ? null : budgetFen - committedFen };
}

function shippedValue(view: RequestView, counts: (at: number) => boolean): number {
  let spent = 0;
  for (const winner of view.winners) {
    if (!winner.shipment || !counts(winner.shipment.at)) continue;
    spent += view.lines.find((line) => line.id === winner.lineId)?.unitValueFen ?? 0;
  }
  return spent;
}

/** A request in needs review counts as committed when it had been approved before the clash. */
function isCommitted(view: RequestView): boolean {
  return committedStatuses.includes(view.status) || (view.status === 'needsReview' && view.approvedAt !== null);
}

export function campaignBudget(campaign: Campaign, views: readonly RequestView[]): BudgetFigures {
  let committed = 0;
  let spent = 0;
  for (const view of views) {
    if (view.submission?.campaignId !== campaign.id) continue;
    if (isCommitted(view)) committed += view.totalFen;
    spent += shippedValue(view, () => true);
  }
  return figures(campaign.budgetFen, committed, spent);
}

/** `month`: yyyy-MM in the team's zone; a request counts in the month it was approved. */
export function monthBudget(month: string, views: readonly RequestView[], budgetFen: number | null, timeZone: string): BudgetFigures {
  const inMonth = (at: number) => dateInZone(at, timeZone).startsWith(month);
  let committed = 0;
  let spent = 0;
  for (const view of views) {
    if (isCommitted(view) && view.approvedAt !== null && inMonth(view.approvedAt)) committed += view.totalFen;
    spent += shippedValue(view, inMonth);
  }
  return figures(budgetFen, committed, spent);
}

export type BudgetWarning = 'over-campaign-budget' | 'over-month-budget';

/**
 * Would approving `totalFen` more go over? `alreadyCommitted`: the request is counted in the
 * figures already (it was approved), so it adds nothing.
 */
export function budgetWarnings(totalFen: number, campaign: BudgetFigures | null, month: BudgetFigures, alreadyCommitted = false): BudgetWarning[] {
  const extra = alreadyCommitted ? 0 : totalFen;
  const warnings: BudgetWarning[] = [];
  if (campaign && campaign.budgetFen !== null && campaign.committedFen + extra > campaign.budgetFen) warnings.push('over-campaign-budget');
  if (month.budgetFen !== null && month.committedFen + extra > month.budgetFen) warnings.push('over-month-budget');
  return warnings;
}
