import type { Sections } from '../handover';

/**
 * Everything the sample team "wrote", in one language: the person opening the sample reads
 * natural text in the language of their screen (names too), never a translation key.
 */
export interface SampleTexts {
  readonly teamName: string;
  /** The people of the sample, by their part in the story; `me` is the default for the one opening it. */
  readonly names: { readonly zhou: string; readonly wang: string; readonly li: string; readonly liu: string; readonly sun: string; readonly chen: string; readonly me: string };
  /** Handover notes, one per past shift, cycled. */
  readonly handovers: readonly Sections[];
  /** The note of the shift right before the person's own: the one they acknowledge. */
  readonly previousHandover: Sections;
  readonly followUps: {
    readonly open: readonly string[];
    readonly overdue: string;
    readonly done: string;
    readonly escalationRunning: string;
    readonly escalationBreached: string;
    readonly comment: string;
  };
  readonly rota: {
    readonly leaveNote: string;
    readonly sickNote: string;
    readonly pendingLeaveNote: string;
    readonly coverNote: string;
    readonly openCoverNote: string;
    readonly standInNote: string;
    readonly swapNote: string;
    readonly openSwapNote: string;
  };
  readonly sop: {
    /** A line added by the revision published weeks ago, and by the one the person still has to acknowledge. */
    readonly olderChange: string;
    readonly recentChange: string;
    readonly draftChange: string;
    readonly tickNote: string;
  };
  /** Whom to call in each department escalations go to (team settings): a name, a phone, a chat group. */
  readonly departmentContacts: { readonly 'customer-service': string; readonly marketing: string; readonly ecommerce: string; readonly legal: string };
  readonly campaigns: { readonly running: string; readonly upcoming: string; readonly ended: string; readonly notice: string };
  readonly prizes: {
    readonly items: readonly string[];
    readonly reason: string;
    readonly eligibility: string;
    readonly drawMethod: string;
    readonly redemption: string;
    readonly delivery: string;
    readonly organiser: string;
    readonly returnComment: string;
    readonly rejectComment: string;
    readonly winners: readonly string[];
    readonly carriers: readonly string[];
  };
}

export type SampleLanguage = 'zh-CN' | 'en';
