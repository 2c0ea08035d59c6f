import type { Briefing, BriefingSection } from './types';

/**
 * What the shift briefing notifies about, one kind per setting a person can turn off. The decision
 * is pure: the things worth a notification in a briefing, minus those the previous briefing had
 * already and those notified before (remembered per computer), so nothing is said twice.
 */
export const NOTIFICATION_KINDS = ['handover', 'escalation', 'cover', 'approval', 'sop'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
/** What a notification says: its kind's words, or for a cover, an ask I can take or my ask taken. */
export type NotificationText = Exclude<NotificationKind, 'cover'> | 'coverAsk' | 'coverTaken';

/** An escalation is "about to breach" this long before its 'Weibo first' deadline. */
export const ESCALATION_WARNING_MS = 30 * 60_000;

export interface BriefingNotification {
  /** The same thing gives the same key: what is remembered so it is never notified twice. */
  readonly key: string;
  readonly kind: NotificationKind;
  readonly text: NotificationText;
  /** The note's author, the follow-up's title…: what the message names. */
  readonly subject: string;
  readonly place: { readonly screen: string; readonly item?: string };
}

function fromSection(section: BriefingSection): BriefingNotification[] {
  switch (section.kind) {
    case 'previousHandover':
      return section.notes
        .filter((note) => !note.acknowledged)
        .map((note) => ({ key: `handover:${note.id}`, kind: 'handover', text: 'handover', subject: note.author.name, place: note.place }));
    case 'followUps':
      return section.items
        .filter((item) => item.escalation?.running === true && !item.escalation.overdue && item.escalation.remainingMs <= ESCALATION_WARNING_MS)
        .map((item) => ({ key: `escalation:${item.id}`, kind: 'escalation', text: 'escalation', subject: item.title, place: item.place }));
    case 'rotaRequests':
      return [
        ...section.coverAsks.map((ask): BriefingNotification => ({ key: `cover:${ask.id}`, kind: 'cover', text: 'coverAsk', subject: ask.requester.name, place: ask.place })),
        ...section.requests
          .filter((item) => item.kind === 'cover' && item.byMe && item.other !== null)
          .map((item): BriefingNotification => ({ key: `cover-taken:${item.id}`, kind: 'cover', text: 'coverTaken', subject: item.other!.name, place: item.place })),
      ];
    case 'prizes':
      // A resubmission starts the chain again: the step of that round is another thing to decide.
      return section.waiting.map((item) => ({ key: `approval:${item.requestId}:${item.submittedAt}:${item.step}`, kind: 'approval', text: 'approval', subject: item.campaign, place: item.place }));
    case 'sops':
      return section.toAcknowledge.map((item) => ({ key: `sop:${item.sopId}:${item.version}`, kind: 'sop', text: 'sop', subject: item.title, place: item.place }));
    default:
      return [];
  }
}

/** Everything in a briefing that is worth a notification now. */
export function notifiable(briefing: Briefing): BriefingNotification[] {
  return briefing.sections.flatMap(fromSection);
}

/** What to notify on going from `previous` to `next`: new, of a kind turned on, never notified before. */
export function notificationsToShow(
  previous: Briefing | null,
  next: Briefing,
  options: { readonly notified: ReadonlySet<string>; readonly enabled: (kind: NotificationKind) => boolean },
): BriefingNotification[] {
  const before = new Set(previous ? notifiable(previous).map((item) => item.key) : []);
  return notifiable(next).filter((item) => !before.has(item.key) && !options.notified.has(item.key) && options.enabled(item.kind));
}
