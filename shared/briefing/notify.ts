import type { Briefing, BriefingSection } from './types';

/**
 * What the shift briefing notifies about, one kind per setting a person can turn off. The decision
 * is pure: the things worth a notification in a briefing, minus those the previous briefing had
 * already and those notified before (remembered per computer), so nothing is said twice.
 */
export const NOTIFICATION_KINDS = ['handover', 'escalation'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** An escalation is "about to breach" this long before its 'Weibo first' deadline. */
export const ESCALATION_WARNING_MS = 30 * 60_000;

export interface BriefingNotification {
  /** The same thing gives the same key: what is remembered so it is never notified twice. */
  readonly key: string;
  readonly kind: NotificationKind;
  /** The note's author, the follow-up's title…: what the message names. */
  readonly subject: string;
  readonly place: { readonly screen: string; readonly item?: string };
}

function fromSection(section: BriefingSection): BriefingNotification[] {
  switch (section.kind) {
    case 'previousHandover':
      return section.notes
        .filter((note) => !note.acknowledged)
        .map((note) => ({ key: `handover:${note.id}`, kind: 'handover', subject: note.author.name, place: note.place }));
    case 'followUps':
      return section.items
        .filter((item) => item.escalation?.running === true && !item.escalation.overdue && item.escalation.remainingMs <= ESCALATION_WARNING_MS)
        .map((item) => ({ key: `escalation:${item.id}`, kind: 'escalation', subject: item.title, place: item.place }));
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
