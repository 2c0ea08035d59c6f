import type { Person, ShiftRef } from '../team-settings';
import type { Place } from './place';

/**
 * The briefing's sections from the rota, the SOPs and the prize approvals: codes and values for
 * the screen to say in either language, each item with the place it opens.
 */

/** An SOP I must (re-)acknowledge, with the size of what changed since the version I last acknowledged. */
export interface SopToAcknowledge {
  readonly sopId: string;
  readonly title: string;
  readonly area: string;
  readonly version: number;
  readonly lastAcknowledgedVersion: number | null;
  readonly linesAdded: number;
  readonly linesRemoved: number;
  readonly place: Place;
}

/** An SOP version published since I was last here (one I need not acknowledge again: minor, or done). */
export interface SopChanged {
  readonly sopId: string;
  readonly title: string;
  readonly version: number;
  readonly publishedAt: number;
  readonly publishedBy: string;
  readonly minor: boolean;
  readonly place: Place;
}

export interface SopsSection {
  readonly kind: 'sops';
  readonly toAcknowledge: readonly SopToAcknowledge[];
  readonly changed: readonly SopChanged[];
  readonly place: Place;
}

export const CHECKLIST_STATES = ['done', 'past-due', 'open'] as const;

export interface ChecklistItem {
  readonly key: string;
  readonly title: string;
  readonly sopTitle: string;
  /** A post (of a content type), a sweep, or a once-per-shift task. */
  readonly kind: 'post' | 'sweep' | 'once';
  readonly contentType: 'company' | 'product' | 'topic' | null;
  /** HH:mm in the team's zone. */
  readonly slot: string;
  readonly dueAt: number;
  readonly state: (typeof CHECKLIST_STATES)[number];
  readonly doneBy: Person | null;
}

/** My shift's checklist from the published SOPs: what is past due, what is due next. */
export interface ChecklistSection {
  readonly kind: 'checklist';
  readonly shift: ShiftRef;
  readonly items: readonly ChecklistItem[];
  readonly next: string | null;
  readonly pastDue: number;
  readonly done: number;
  readonly place: Place;
}

export interface PrizeStepItem {
  readonly requestId: string;
  readonly campaign: string;
  readonly totalFen: number;
  /** 0-based step of the chain. */
  readonly step: number;
  readonly requester: Person | null;
  readonly submittedAt: number;
  /** I decide it standing in for this colleague, on leave. */
  readonly asDelegateOf: Person | null;
  readonly place: Place;
}

export const MY_PRIZE_STATUSES = ['submitted', 'returned', 'needsReview', 'approved'] as const;

export interface MyPrizeRequest {
  readonly requestId: string;
  readonly campaign: string;
  readonly totalFen: number;
  readonly status: (typeof MY_PRIZE_STATUSES)[number];
  readonly place: Place;
}

export interface FulfilmentItem {
  readonly requestId: string;
  readonly campaign: string;
  readonly kind: 'contacts' | 'ship';
  readonly dueAt: number;
  readonly pending: number;
  readonly overdue: boolean;
  readonly place: Place;
}

/** Prize steps waiting for me (待我审批), my requests still moving, fulfilment deadlines running. */
export interface PrizesSection {
  readonly kind: 'prizes';
  readonly waiting: readonly PrizeStepItem[];
  readonly mine: readonly MyPrizeRequest[];
  readonly fulfilment: readonly FulfilmentItem[];
  readonly place: Place;
}

export interface CampaignItem {
  readonly id: string;
  readonly name: string;
  readonly type: string;
  readonly startDate: string;
  readonly endDate: string;
  readonly place: Place;
}

/** Campaigns running today and starting within the week. */
export interface CampaignsSection {
  readonly kind: 'campaigns';
  readonly running: readonly CampaignItem[];
  readonly startingSoon: readonly CampaignItem[];
}

/** A colleague's cover request (代班) I may take. */
export interface CoverAsk {
  readonly id: string;
  readonly shift: ShiftRef;
  readonly requester: Person;
  readonly urgent: boolean;
  readonly place: Place;
}

export const ROTA_REQUEST_KINDS = ['leave', 'cover', 'swap'] as const;

/** A leave, cover or swap request of mine, or offered to me, that is still open or newly settled. */
export interface RotaRequestItem {
  readonly id: string;
  readonly kind: (typeof ROTA_REQUEST_KINDS)[number];
  /** The status as the rota names it (pending, open, covered, proposed…). */
  readonly status: string;
  /** The day it is about (leave: its first day). */
  readonly date: string;
  readonly shiftTypeId: string | null;
  /** The colleague it involves: who took my cover, who offered me a swap. */
  readonly other: Person | null;
  /** I made the request (else it names me: a cover I took, a swap offered to me). */
  readonly byMe: boolean;
  /** It waits for my answer (a swap offered to me). */
  readonly waitsForMe: boolean;
  readonly place: Place;
}

export interface RotaRequestsSection {
  readonly kind: 'rotaRequests';
  readonly coverAsks: readonly CoverAsk[];
  readonly requests: readonly RotaRequestItem[];
  readonly place: Place;
}
