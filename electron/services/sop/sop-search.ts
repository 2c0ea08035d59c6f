import type { SopSearchHit } from '../../../shared/api/sop-views';
import { createHandoverSearch, type SearchDocument } from '../../../shared/search';
import { publishedRevision, type SopDoc } from '../../../shared/sop';

/**
 * Search across the published SOPs with the handovers' Chinese search (shared/search): each SOP's
 * text is one document, each checklist item another, so results come grouped by kind. Rebuilt
 * when the docs change; a library of a few hundred SOPs indexes in milliseconds.
 */
export class SopSearch {
  private built: { docs: readonly SopDoc[]; search: ReturnType<typeof createHandoverSearch> } | null = null;

  search(docs: readonly SopDoc[], query: string): Array<{ kind: SopSearchHit['kind']; hits: SopSearchHit[] }> {
    if (this.built?.docs !== docs) this.built = { docs, search: build(docs) };
    const byId = new Map(docs.map((doc) => [doc.id, doc]));
    const hits = this.built.search.search(query, { limit: 100 }).flatMap((hit): SopSearchHit[] => {
      const [sopId, itemId] = hit.id.slice('sop:'.length).split('#') as [string, string | undefined];
      const doc = byId.get(sopId);
      const published = doc && publishedRevision(doc);
      if (!doc || !published) return [];
      const item = itemId === undefined ? null : published.revision.checklist.find((def) => def.id === itemId);
      const text = item ? item.title : published.revision.body;
      const kind = item ? 'checklist' : hit.terms.some((term) => published.revision.title.toLowerCase().includes(term)) ? 'title' : 'body';
      return [{ sopId, area: doc.meta.area, title: published.revision.title, kind, snippet: snippetOf(text, hit.terms) }];
    });
    const kinds = ['title', 'body', 'checklist'] as const;
    return kinds.map((kind) => ({ kind, hits: hits.filter((hit) => hit.kind === kind) })).filter((group) => group.hits.length > 0);
  }
}

function build(docs: readonly SopDoc[]) {
  const search = createHandoverSearch();
  const documents: SearchDocument[] = [];
  for (const doc of docs) {
    const published = publishedRevision(doc);
    if (!published) continue;
    const facts = { date: '', shiftTypeId: null, authorId: published.revision.by.memberId, ownerId: doc.meta.owner?.memberId ?? null, status: null };
    const people = [doc.meta.owner?.name ?? '', doc.meta.backupOwner?.name ?? ''].join('\n');
    documents.push({ ...facts, id: `sop:${doc.id}`, kind: 'sop', title: published.revision.title, body: published.revision.body, people });
    for (const item of published.revision.checklist) {
      documents.push({ ...facts, id: `sop:${doc.id}#${item.id}`, kind: 'sopChecklist', title: item.title, body: item.times.join(' '), people });
    }
  }
  search.addAll(documents);
  return search;
}

/** About 120 characters around the first matched term. */
function snippetOf(text: string, terms: readonly string[]): string {
  const lower = text.toLowerCase();
  const at = Math.max(0, Math.min(...terms.map((term) => lower.indexOf(term)).filter((index) => index >= 0), text.length));
  const start = Math.max(0, at - 40);
  return `${start > 0 ? '…' : ''}${text.slice(start, start + 120).replace(/\s+/g, ' ')}${start + 120 < text.length ? '…' : ''}`;
}
