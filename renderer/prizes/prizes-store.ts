import { create } from 'zustand';
import type { PrizesOverview } from '../../shared/api/prizes-contract';
import { reportError } from '../app/errors/report-error';
import { readSequence, teamDataFeed } from '../app/stores/feed';
import { baton } from '../bridge/baton';

export type PrizesTab = 'approvals' | 'campaigns' | 'new' | 'request' | 'settings';

interface PrizesState {
  tab: PrizesTab;
  /** The request shown on the 'request' tab. */
  requestId: string | null;
  overview: PrizesOverview | null;
  /** Bumped whenever prize data changed, so that open views re-fetch. */
  revision: number;
}

export const usePrizes = create<PrizesState>()(() => ({ tab: 'approvals', requestId: null, overview: null, revision: 0 }));

export const showPrizesTab = (tab: PrizesTab) => usePrizes.setState({ tab });
export const openRequest = (requestId: string) => usePrizes.setState({ tab: 'request', requestId });

/**
 * After a write's answer: goes where the write leads (the request submitted, the form again),
 * unless the person moved on meanwhile (another tab, another request): what they did last wins.
 */
export function goUnlessMovedOn(from: PrizesPlace, go: () => void): void {
  const { tab, requestId } = usePrizes.getState();
  if (tab === from.tab && requestId === from.requestId) go();
}

/** Where the screen is now (its tab and request), to pass to `goUnlessMovedOn` once a write answers. */
export type PrizesPlace = Pick<PrizesState, 'tab' | 'requestId'>;
export const prizesPlace = (): PrizesPlace => {
  const { tab, requestId } = usePrizes.getState();
  return { tab, requestId };
};

const nextRead = readSequence();

export async function refreshPrizes(): Promise<void> {
  const isLatest = nextRead();
  const result = await baton.getPrizes({});
  if (!isLatest()) return;
  if (result.ok) usePrizes.setState((s) => ({ overview: result.value, revision: s.revision + 1 }));
  else reportError(result.error);
}

/** Keeps the overview in step with the team data while the screen shows it. */
export const usePrizesFeed = teamDataFeed({
  kinds: ['prizeRequest', 'campaign', 'prizeSettings', 'prizeDelegate', 'prizeKey', 'member', 'device', 'teamSettings', 'sop'],
  refresh: refreshPrizes,
});
