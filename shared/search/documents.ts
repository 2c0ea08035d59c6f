import { isSubmitted, SECTION_KEYS, type FollowUpState, type HandoverState } from '../handover';
import { dateInZone } from '../team-settings';
import type { SearchDocument } from './handover-search';

/** Search documents from folded states; null for an entity whose submission or creation has not arrived. */

export function handoverSearchDocument(state: HandoverState): SearchDocument | null {
  if (!isSubmitted(state)) return null;
  const { note } = state;
  // Every revision of an addendum: the log keeps the original wording, so search finds it too.
  const revisions = state.addenda.flatMap((addendum) => addendum.revisions);
  return {
    id: `handover:${state.id}`,
    kind: 'handover',
    date: note.date,
    shiftTypeId: note.shiftTypeId,
    authorId: note.author.memberId,
    ownerId: null,
    status: null,
    title: note.sections.summary,
    body: [...SECTION_KEYS.filter((key) => key !== 'summary').map((key) => note.sections[key]), ...revisions.map((r) => r.text)].join('\n'),
    people: [...new Set([note.author.name, ...revisions.map((r) => r.author.name)])].join('\n'),
  };
}

/** `timeZone`: the team's, for the creation date used by date filters. */
export function followUpSearchDocument(state: FollowUpState, timeZone: string): SearchDocument | null {
  const { current } = state;
  if (current === null) return null;
  const revisions = state.comments.flatMap((comment) => comment.revisions);
  return {
    id: `followUp:${state.id}`,
    kind: 'followUp',
    date: dateInZone(current.createdAt, timeZone),
    shiftTypeId: null,
    authorId: current.createdBy.memberId,
    ownerId: current.owner.memberId,
    status: current.status,
    title: current.title,
    body: [...revisions.map((r) => r.text), current.escalation?.weiboLink ?? ''].join('\n'),
    people: [...new Set([current.owner.name, current.createdBy.name, ...revisions.map((r) => r.by.name)])].join('\n'),
  };
}
