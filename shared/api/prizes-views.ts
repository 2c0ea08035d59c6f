import type { BudgetFigures, BudgetWarning, Campaign, CsvIssue, FulfilmentTimer, PrizeIssue, PrizeSettings, RequestStatus, RequestView } from '../prizes';
import type { Role } from '../team';

/** What the prize operations answer with: plain JSON views of the fold, shaped for the screens. */

/** A problem a person can fix: the domain's code, where (a dotted path, '' for the whole), its params. */
export interface PrizeIssueOut {
  readonly code: PrizeIssue['code'] | CsvIssue['code'] | (string & {});
  readonly path?: string;
  readonly params: Readonly<Record<string, string | number>>;
}
export type PrizeChecked<T> = ({ ok: true } & T) | { ok: false; issues: PrizeIssueOut[] };


export interface RequestSummary {
  readonly id: string;
  readonly status: RequestStatus;
  readonly campaignName: string;
  readonly requester: string;
  readonly totalFen: number;
  readonly submittedAt: number;
  readonly currentStep: number | null;
  readonly stepCount: number;
}

export interface CampaignSummary {
  readonly campaign: Campaign;
  readonly budget: BudgetFigures;
  readonly daysOfNotice: number | null;
  readonly clashes: ReadonlyArray<{ readonly id: string; readonly name: string }>;
  /** The campaign's days (from today) on which the content calendar already plans posts. */
  readonly contentClashes: ReadonlyArray<{ readonly date: string; readonly posts: ReadonlyArray<{ readonly slot: string; readonly title: string }> }>;
  readonly started: boolean;
}

export interface PrizesOverview {
  readonly me: { readonly memberId: string | null; readonly roles: readonly Role[]; readonly mayFulfil: boolean; readonly isLead: boolean; readonly delegate: string | null };
  readonly members: ReadonlyArray<{ readonly memberId: string; readonly name: string; readonly roles: readonly Role[] }>;
  readonly settings: PrizeSettings;
  readonly timeZone: string;
  readonly today: string;
  readonly campaigns: readonly CampaignSummary[];
  readonly waiting: ReadonlyArray<{ readonly request: RequestSummary; readonly step: number; readonly asDelegateOf: string | null }>;
  readonly mine: readonly RequestSummary[];
  readonly needsReview: readonly RequestSummary[];
  readonly all: readonly RequestSummary[];
  readonly timers: readonly FulfilmentTimer[];
  readonly month: { readonly month: string; readonly budget: BudgetFigures };
}

export interface RequestDetail {
  readonly view: RequestView;
  readonly campaign: Campaign | null;
  readonly campaignBudget: BudgetFigures | null;
  readonly monthBudget: BudgetFigures;
  readonly warnings: readonly BudgetWarning[];
  readonly disclosure: { readonly 'zh-CN': string; readonly en: string };
  readonly locked: boolean;
  readonly timeZone: string;
  /** What this computer's person may do now. */
  readonly can: {
    readonly decide: { readonly step: number; readonly asDelegateOf: string | null } | null;
    readonly recall: boolean;
    readonly resubmit: boolean;
    readonly settle: boolean;
    readonly fulfil: boolean;
    readonly close: boolean;
  };
}

