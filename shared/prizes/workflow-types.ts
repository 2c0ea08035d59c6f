import type { Person } from '../team-settings';
import type { StepDeciders } from './authority';
import type { ChainStep } from './chain';
import type { ContactStoredData, DecisionOutcome, PrizeLine, SubmittedData } from './request';

/** What `requestView` makes of a prize request's events: the same on every device. */

export type RequestStatus = 'submitted' | 'returned' | 'rejected' | 'recalled' | 'approved' | 'closed' | 'needsReview' | 'none';

/** Why an event does not count; shown next to it, never hidden. */
export type SetAsideReason =
  | 'unknown-author'
  | 'self-approval'
  | 'not-allowed'
  | 'nobody-named'
  | 'not-the-requester'
  | 'round-still-open'
  | 'not-current-version'
  | 'no-such-step'
  | 'step-not-reached'
  | 'previous-step-not-seen'
  | 'already-decided'
  | 'request-not-open'
  | 'waiting-for-review'
  | 'not-a-lead'
  | 'no-review'
  | 'review-not-seen'
  | 'not-approved'
  | 'unknown-line'
  | 'unknown-winner'
  | 'more-winners-than-prizes'
  | 'over-cap';

export interface SetAsideEvent {
  readonly opId: string;
  readonly type: string;
  readonly by: Person;
  readonly at: number;
  readonly reason: SetAsideReason;
}

export interface DecisionView {
  readonly opId: string;
  readonly hlc: string;
  readonly step: number;
  readonly outcome: DecisionOutcome | 'recall';
  readonly comment: string;
  /** The member of the signing device (its name as the roster has it). */
  readonly by: Person;
  readonly at: number;
  readonly asDelegateOf: Person | null;
  /** A lead's settlement of a "needs review". */
  readonly settles: boolean;
}

export interface StepView {
  readonly step: ChainStep;
  readonly state: 'approved' | 'returned' | 'rejected' | 'waiting' | 'later' | 'review';
  /** The decision that counts for it. */
  readonly decision: DecisionView | null;
  /** Only for the step waiting: who can decide it now, or why nobody can. */
  readonly deciders: StepDeciders | null;
}

export type Review =
  | { readonly kind: 'step'; readonly step: number; readonly events: readonly DecisionView[] }
  | {
      readonly kind: 'shipment';
      readonly winnerId: string;
      readonly events: ReadonlyArray<{ readonly opId: string; readonly tracking: string; readonly carrier: string; readonly by: Person; readonly at: number }>;
    };

export interface WinnerView {
  readonly id: string;
  readonly lineId: string;
  readonly weiboName: string;
  readonly addedAt: number;
  /** The masked contact and where the encrypted file is; null until collected. */
  readonly contact: (ContactStoredData & { readonly opId: string; readonly writerDevice: string; readonly purged: boolean }) | null;
  readonly shipment: { readonly opId: string; readonly carrier: string; readonly tracking: string; readonly at: number; readonly by: Person } | null;
  readonly reveals: ReadonlyArray<{ readonly by: Person; readonly at: number }>;
}

export interface Round {
  readonly submissionId: string;
  readonly submittedAt: number;
  readonly decisions: readonly DecisionView[];
  /** How the round ended: returned, rejected, recalled; null for the current one. */
  readonly ended: RequestStatus | null;
}

export interface RequestView {
  readonly id: string;
  readonly status: RequestStatus;
  /** The member of the first submission's device. */
  readonly requester: Person | null;
  readonly submission: (SubmittedData & { readonly opId: string }) | null;
  readonly lines: readonly PrizeLine[];
  readonly totalFen: number;
  readonly steps: readonly StepView[];
  /** Index of the step waiting, or null. */
  readonly currentStep: number | null;
  readonly review: Review | null;
  /** Every submission, oldest first, with its decisions (set-aside ones are in `setAside`). */
  readonly rounds: readonly Round[];
  readonly setAside: readonly SetAsideEvent[];
  readonly approvedAt: number | null;
  readonly winners: readonly WinnerView[];
  readonly firstWinnersAt: number | null;
  readonly closedAt: number | null;
  readonly purgedFileIds: readonly string[];
}
