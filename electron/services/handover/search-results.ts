import type { SearchResult } from '../../../shared/api/handover-views';
import { followUp, handover, isSubmitted, plainText } from '../../../shared/handover';
import { followUpSearchDocument, handoverSearchDocument, passageOf, type SearchDocument, type SearchHit } from '../../../shared/search';
import type { ReadonlySyncState } from '../../../shared/sync/trust-plug';
import { handoverSummary } from './views';

/**
 * A search hit as the history shows it: the passage that matched with the words marked, and the
 * shift it belongs to, so that a stand-in sees why a note was found without opening it. Null for a
 * note not submitted or a follow-up not created (the index may run a moment ahead of the fold).
 */
export function searchResultOf(state: ReadonlySyncState, hit: SearchHit, timeZone: string): SearchResult | null {
  const id = hit.id.slice(hit.id.indexOf(':') + 1);
  // One line per section, so that the passage stays within the section that matched.
  const passage = (document: SearchDocument) =>
    passageOf(`${document.title}\n${document.body}`.split('\n').map(plainText).filter(Boolean).join('\n'), hit.terms);
  if (hit.kind === 'handover') {
    const note = state.get(handover, id);
    const document = note && handoverSearchDocument(note);
    if (!note || !isSubmitted(note) || !document) return null;
    return { id, kind: 'handover', date: hit.date, shiftTypeId: note.note.shiftTypeId, title: handoverSummary(note).excerpt, terms: hit.terms, passage: passage(document) };
  }
  const item = state.get(followUp, id);
  const document = item && followUpSearchDocument(item, timeZone);
  if (!item?.current || !document) return null;
  return { id, kind: 'followUp', date: hit.date, shiftTypeId: null, title: item.current.title, terms: hit.terms, passage: passage(document) };
}
