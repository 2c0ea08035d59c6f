import type { OpDraft } from '../../../shared/sync';
import type { ReadonlySyncState } from '../../../shared/sync/trust-plug';
import type { HandlersOf } from '../../../electron/services/dispatch';
import type { toyNoteOperations } from './toy-contract';
import { toyNote, toyNoteOps } from './toy-capability';

/** Its service (electron/services/toyNote/toy-note-service.ts): writes with record, reads the fold. */
export class ToyNoteService {
  constructor(private readonly sync: { readonly state: ReadonlySyncState; record(drafts: readonly OpDraft[]): unknown }) {}

  set(id: string, title: string): { queued: boolean } {
    this.sync.record([toyNoteOps.set(id, { set: { title }, seen: {}, by: { memberId: 'm-toy', name: '小托' } })]);
    return { queued: true };
  }

  get(id: string): { title: string | null } {
    return { title: this.sync.state.get(toyNote, id)?.title ?? null };
  }
}

/** Its handlers (electron/services/toyNote/handlers.ts), spread into app-services' table. */
export function toyNoteHandlers(service: ToyNoteService): HandlersOf<typeof toyNoteOperations> {
  return {
    setToyNote: async ({ id, title }) => service.set(id, title),
    getToyNote: async ({ id }) => service.get(id),
  };
}
