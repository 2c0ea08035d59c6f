import type { SearchDocument } from '../../shared/search';

/** A handover note's search document (the early shift of 2026-01-05, by 王丽, empty title and body); `fields` set what the test is about. */
export function searchDocument(id: string, fields: Partial<SearchDocument> = {}): SearchDocument {
  return {
    id,
    kind: 'handover',
    date: '2026-01-05',
    shiftTypeId: 'early',
    authorId: 'm-wang',
    ownerId: null,
    status: null,
    title: '',
    body: '',
    people: '王丽',
    ...fields,
  };
}
