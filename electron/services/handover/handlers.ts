import type { handoverOperations } from '../../../shared/api/handover-contract';
import type { HandlersOf } from '../dispatch';
import type { HandoverService } from './handover-service';


/**
 * The bridge's handover operations, each a thin call into the service. The contract has checked
 * the input and filled its defaults.
 */
export function handoverHandlers(service: HandoverService): HandlersOf<typeof handoverOperations> {
  return {
    getShiftContext: async () => service.getShiftContext(),
    getHandoverDraft: async () => service.getDraft(),
    saveHandoverDraft: async ({ draft }) => service.saveDraft(draft),
    discardHandoverDraft: async () => service.discardDraft(),
    submitHandover: async ({ draft }) => service.submit(draft),
    addHandoverAddendum: async ({ id, text, attachments }) => service.addAddendum(id, text, attachments),
    acknowledgeHandover: async ({ id }) => service.acknowledge(id),
    listHandovers: async ({ filter, offset, limit }) => service.listHandovers(filter, offset, limit),
    getHandover: async ({ id }) => service.getHandover(id),
    searchHandovers: async ({ query, limit }) => service.searchHandovers(query, limit),
    listFollowUps: async ({ scope }) => service.listFollowUps(scope),
    getFollowUp: async ({ id }) => service.getFollowUp(id),
    createFollowUp: async (input) => service.createFollowUp(input),
    updateFollowUp: async ({ id, changes }) => service.updateFollowUp(id, changes),
    commentFollowUp: async ({ id, text }) => service.comment(id, text),
  };
}
