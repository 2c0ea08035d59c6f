import type { sopOperations } from '../../../shared/api/sop-contract';
import type { HandlersOf } from '../dispatch';
import type { SopService } from './sop-service';

/** The bridge's SOP operations, each a thin call into the service (the contract has checked the input). */
export function sopHandlers(service: SopService): HandlersOf<typeof sopOperations> {
  return {
    getSopLibrary: async ({ since }) => service.library(since),
    getSop: async ({ id }) => service.detail(id),
    diffSopRevisions: async ({ id, from, to }) => service.diff(id, from, to),
    getSopMerge: async ({ id }) => service.merge(id),
    saveSopRevision: async (input) => service.saveRevision(input),
    submitSopRevision: async ({ id, revision }) => service.submit(id, revision),
    publishSopRevision: async ({ id, revision, minor }) => service.publish(id, revision, minor),
    returnSopRevision: async ({ id, revision, comment }) => service.returnRevision(id, revision, comment),
    acknowledgeSop: async ({ id, revision }) => service.acknowledge(id, revision),
    setSopMeta: async ({ id, changes }) => service.setMeta(id, changes),
    getShiftChecklist: async ({ shift }) => service.checklistFor(shift ?? null),
    tickChecklistItem: async (input) => service.tick(input),
    searchSops: async ({ query }) => service.search(query),
    addStarterSops: async ({ language }) => service.addStarters(language),
  };
}
