import type { BilingualName } from '../team-settings';
import type {
  Assignment,
  Candidate,
  CoverView,
  Duty,
  FairnessRow,
  FairnessMetric,
  Holiday,
  LeaveView,
  Pattern,
  PublishNews,
  RotaCheck,
  RotaSetAside,
  SwapView,
} from '../rota';

/** What the rota screens show; every instant is epoch ms, every date a day in the team's zone. */

export interface RotaShiftType {
  readonly id: string;
  readonly name: BilingualName;
  readonly start: string;
  readonly end: string;
  readonly needed: number;
  readonly colour: string;
  readonly retired: boolean;
}

export interface RotaRules {
  readonly minRestHours: number;
  readonly maxDaysInRow: number;
  readonly maxWeekHours: number;
  readonly coverNeedsApproval: boolean;
  readonly swapNeedsApproval: boolean;
}

export interface RotaMe {
  readonly memberId: string | null;
  readonly lead: boolean;
  /** May request leave and cover, take covers, propose swaps (an editor or lead). */
  readonly member: boolean;
}

export interface RotaSlotView {
  readonly key: string;
  readonly date: string;
  readonly shiftTypeId: string;
  readonly startAt: number;
  readonly endAt: number;
  /** What everyone sees, with covers, swaps and leave applied; null when not published. */
  readonly duty: Duty | null;
  /** The lead's draft (null for others, or nothing drafted). */
  readonly draft: Assignment | null;
  readonly conflicts: readonly Assignment[];
  /** The draft differs from what is published. */
  readonly unpublished: boolean;
  readonly checks: readonly RotaCheck[];
}

export interface RotaDayView {
  readonly date: string;
  readonly holiday: Holiday | null;
  readonly weekend: boolean;
  readonly slots: readonly RotaSlotView[];
}

export interface RotaView {
  readonly timeZone: string;
  readonly shiftTypes: readonly RotaShiftType[];
  readonly rules: RotaRules;
  readonly members: ReadonlyArray<{ readonly memberId: string; readonly name: string }>;
  readonly me: RotaMe;
  readonly days: readonly RotaDayView[];
  /** The lead's checks over the range (on the draft), in date order; no gaps of a month with nothing planned. */
  readonly checks: readonly RotaCheck[];
  /** Months of the checked period (yyyy-MM) with nothing planned yet: named once, not a gap per shift. */
  readonly unplanned: readonly string[];
  /**
   * Months of the range: published or not, how many slots publishing would change, and whether
   * anyone is on a shift in it yet (the draft for a lead, what is published for the others).
   */
  readonly months: ReadonlyArray<{ readonly month: string; readonly publishedAt: number | null; readonly unpublished: number; readonly planned: boolean }>;
}

export interface RotaRequestsView {
  readonly me: RotaMe;
  readonly leaves: readonly LeaveView[];
  readonly covers: readonly CoverView[];
  readonly swaps: readonly SwapView[];
  /** Rota ops set aside on every device, with why (the lead's list). */
  readonly setAside: readonly RotaSetAside[];
}

export interface OnDutyView {
  readonly timeZone: string;
  readonly shiftTypes: readonly RotaShiftType[];
  readonly names: Readonly<Record<string, string>>;
  readonly now: readonly Duty[];
  readonly next: readonly Duty[];
  readonly myNext: readonly Duty[];
  /** What the latest publishes changed for me, on the days ahead. */
  readonly news: readonly PublishNews[];
  /** Covers I asked for or took, and the swaps I am in, still open or decided lately. */
  readonly myCovers: readonly CoverView[];
}

export interface CoverCandidatesView {
  readonly cover: CoverView;
  readonly candidates: readonly Candidate[];
}

export interface FairnessView {
  readonly period: string;
  readonly rows: ReadonlyArray<FairnessRow & { readonly name: string }>;
  readonly mean: Readonly<Record<FairnessMetric, number>>;
}

export interface RotaSettingsView {
  readonly rules: RotaRules;
  readonly shiftTypes: readonly RotaShiftType[];
  readonly holidays: readonly Holiday[];
  readonly patterns: readonly Pattern[];
}

/** A CSV row the import would write, or why it cannot. */
export interface CsvRowVerdict {
  readonly line: number;
  readonly key: string | null;
  readonly assignment: Assignment | null;
  readonly problems: readonly string[];
}

export interface CsvPreview {
  readonly rows: readonly CsvRowVerdict[];
  readonly good: number;
  readonly bad: number;
  /** Problems of the file as a whole (too many rows, no header). */
  readonly fileProblems: readonly string[];
}
