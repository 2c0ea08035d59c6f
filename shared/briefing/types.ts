import type { EscalationState } from '../handover/queries';
import type { Person, ShiftInstance, ShiftRef } from '../team-settings';
import type { SetAsideReason, UnavailableReason } from '../sync/status';
import type { SyncHealth } from '../sync/health';
import type { CampaignsSection, ChecklistSection, PrizesSection, RotaRequestsSection, SopsSection } from './capability-types';
import type { Place } from './place';

/**
 * The shift briefing (开班简报) as data: sections of items, each with the codes and values a screen
 * translates, and the place it opens. No words here: the renderer says them in either language.
 */

/**
 * Where I stand with the shifts at this instant:
 * - before: my shift starts within the hour; during: it is under way; ending: its last half hour;
 * - after: it ended within the hour (time to finish the handover); off: none of that; leave: on leave now.
 */
export const MOMENTS = ['before', 'during', 'ending', 'after', 'off', 'leave'] as const;
export type Moment = (typeof MOMENTS)[number];

/** How I am on a shift: assigned (primary, backup) or covering someone (a stand-in, 代班). */
export const DUTY_ROLES = ['primary', 'backup', 'cover'] as const;
export type DutyRole = (typeof DUTY_ROLES)[number];

/** The handover screen's place for the note being written (a note's id opens that note). */
export const WRITE_PLACE = 'write';
/** The handover screen's place for the history and its search. */
export const HISTORY_PLACE = 'history';

export interface OnDuty {
  readonly shift: ShiftInstance;
  /** Empty when the team keeps no rota: the shift is known, its people are not. */
  readonly people: ReadonlyArray<{ readonly person: Person; readonly role: DutyRole }>;
}

/** The shift the briefing is about for me; `role` null when no rota says who works it. */
export interface MyShift {
  readonly shift: ShiftInstance;
  readonly role: DutyRole | null;
}

export interface DutySection {
  readonly kind: 'duty';
  readonly mine: MyShift | null;
  readonly onNow: OnDuty | null;
  readonly onNext: OnDuty | null;
  /** My next shift after this moment's, when the rota knows it (off, on leave). */
  readonly myNext: MyShift | null;
  /** I am on leave now, until this instant. */
  readonly leaveUntil: number | null;
}

/** The handover I must still write: my shift is ending or has just ended, and no note of mine is in. */
export interface HandoverToWriteSection {
  readonly kind: 'handoverToWrite';
  readonly shift: ShiftInstance;
  readonly place: Place;
}

export interface NoteItem {
  readonly id: string;
  readonly author: Person;
  readonly at: number;
  readonly excerpt: string;
  /** I signed for it (签收). */
  readonly acknowledged: boolean;
  /** When I signed for it, null while I have not. */
  readonly acknowledgedAt: number | null;
  readonly place: Place;
}

/** The previous shift's notes, for me to read and acknowledge. */
export interface PreviousHandoverSection {
  readonly kind: 'previousHandover';
  readonly shift: ShiftRef;
  readonly notes: readonly NoteItem[];
}

export interface FollowUpItem {
  readonly id: string;
  readonly title: string;
  readonly owner: Person;
  readonly mine: boolean;
  readonly dueAt: number;
  readonly overdue: boolean;
  /** A 'Weibo first' escalation's countdown, with its department. */
  readonly escalation: (EscalationState & { readonly department: string }) | null;
  readonly place: Place;
}

/** Open follow-ups: overdue first, then running escalations, then by due time. */
export interface FollowUpsSection {
  readonly kind: 'followUps';
  readonly items: readonly FollowUpItem[];
  readonly overdueCount: number;
  /** Items left out of `items` (a long list is cut; the place lists them all). */
  readonly more: number;
  readonly place: Place;
}

/** What happened since my last shift that I have not seen: others' notes for now. */
export interface ChangesSection {
  readonly kind: 'changes';
  readonly since: number;
  readonly notes: readonly NoteItem[];
}

export type SyncProblem =
  | { readonly code: 'folder-away'; readonly reason: UnavailableReason | null }
  | { readonly code: 'files-set-aside'; readonly count: number; readonly reasons: readonly SetAsideReason[] }
  | { readonly code: 'my-clock-behind'; readonly byMs: number }
  | { readonly code: 'device-clock-off'; readonly memberName: string | null; readonly skewMs: number }
  | { readonly code: 'unpublished'; readonly count: number };

/** Sync health in plain words: one problem per thing to know, worst first. */
export interface SyncSection {
  readonly kind: 'sync';
  readonly health: SyncHealth;
  readonly problems: readonly SyncProblem[];
  readonly lastPollAt: number | null;
  readonly place: Place;
}

export type BriefingSection =
  | DutySection
  | HandoverToWriteSection
  | PreviousHandoverSection
  | ChecklistSection
  | FollowUpsSection
  | PrizesSection
  | RotaRequestsSection
  | SopsSection
  | ChangesSection
  | CampaignsSection
  | SyncSection;
export type SectionKind = BriefingSection['kind'];

export interface Briefing {
  readonly now: number;
  readonly timeZone: string;
  readonly me: Person | null;
  readonly moment: Moment;
  /** In the order to show them; a sync problem comes first. */
  readonly sections: readonly BriefingSection[];
}
