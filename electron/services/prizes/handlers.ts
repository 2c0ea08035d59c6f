import type { prizesOperations } from '../../../shared/api/prizes-contract';
import type { HandlersOf } from '../dispatch';
import type { PrizesService } from './prizes-service';


/** The bridge's prize operations, each a thin call into the service (the contract checked the input). */
export function prizeHandlers(service: PrizesService): HandlersOf<typeof prizesOperations> {
  return {
    getPrizes: async () => service.getOverview(),
    getPrizeRequest: async ({ id }) => service.getRequest(id),
    savePrizeCampaign: async ({ id, fields }) => service.saveCampaign(id, fields),
    setPrizeSettings: async ({ changes }) => service.setSettings(changes),
    setPrizeDelegate: async ({ delegate }) => service.setDelegate(delegate),
    getPrizeDraft: async () => service.drafts.read(),
    savePrizeDraft: async ({ draft, requestId }) => {
      await service.drafts.save(draft, requestId);
      return { saved: true };
    },
    submitPrizeRequest: async ({ request, requestId }) => service.submit(request, requestId),
    decidePrizeStep: async ({ id, step, outcome, comment }) => service.decide(id, step, outcome, comment),
    recallPrizeRequest: async ({ id }) => service.recall(id),
    settlePrizeRequest: async ({ id, target, comment }) => service.settle(id, target, comment),
    addPrizeWinners: async ({ id, winners }) => service.addWinners(id, winners),
    importPrizeWinners: async ({ id, csv }) => service.importWinners(id, csv),
    storePrizeContact: async ({ id, winnerId, phone, address }) => service.storeContact(id, winnerId, phone, address),
    revealPrizeContact: async ({ id, winnerId }) => service.reveal(id, winnerId),
    shipPrize: async ({ id, winnerId, carrier, tracking }) => service.ship(id, winnerId, carrier, tracking),
    closePrizeRequest: async ({ id }) => service.closeRequest(id),
  };
}
