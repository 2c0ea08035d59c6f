import { useEffect } from 'react';
import { baton } from '../../bridge/baton';

type Unsubscribe = () => void;

/**
 * Numbers a store's reads so that only the latest one's answer applies. The service answers reads
 * side by side, so an answer to a read sent before a change can arrive after the answer to one sent
 * after it (a push and a write's own refresh ask at nearly the same moment); applied last, it would
 * put the older data back. `const isLatest = nextRead();` before asking, `if (!isLatest()) return;`
 * after the answer.
 */
export function readSequence(): () => () => boolean {
  let last = 0;
  return () => {
    const mine = ++last;
    return () => mine === last;
  };
}

/**
 * A store's subscription, shared by every component that shows the store: `start` subscribes
 * (and reads, after subscribing, so that no change slips between the two) when the first of them
 * mounts, and what it returns unsubscribes when the last unmounts. Returns the hook to call.
 */
export function sharedFeed(start: () => Unsubscribe): () => void {
  let users = 0;
  let stop: Unsubscribe | null = null;
  return function useFeed(): void {
    useEffect(() => {
      users += 1;
      if (users === 1) stop = start();
      return () => {
        users -= 1;
        if (users === 0) {
          stop?.();
          stop = null;
        }
      };
    }, []);
  };
}

export interface TeamDataFeedOptions {
  /** The entity kinds the screen shows (`['handover', 'followUp']`), or 'any'. */
  readonly kinds: readonly string[] | 'any';
  /** Reads the store afresh: once when the first component mounts, again on each change of those kinds. */
  readonly refresh: () => unknown;
  /** Called, before `refresh`, on a change only (not on mounting): e.g. bump a revision views re-fetch on. */
  readonly changed?: () => void;
  /** Refresh on sync status pushes too (the Team screen's "last synced" moves with them). */
  readonly alsoOnSyncStatus?: boolean;
}

/**
 * The one way for a screen to follow the team's data: the hook that keeps a store in step with
 * the `teamDataChanged` feed for the kinds it shows. Stores declare it once at module level:
 * `export const useRotaFeed = teamDataFeed({ kinds: ['rota'], refresh: refreshRota });`
 */
export function teamDataFeed({ kinds, refresh, changed, alsoOnSyncStatus = false }: TeamDataFeedOptions): () => void {
  const touches = (touchedKinds: readonly string[]) => kinds === 'any' || touchedKinds.some((kind) => kinds.includes(kind));
  return sharedFeed(() => {
    const offData = baton.onTeamDataChanged(({ touchedKinds }) => {
      if (!touches(touchedKinds)) return;
      changed?.();
      void refresh();
    });
    const offStatus = alsoOnSyncStatus ? baton.onSyncStatusChanged(() => void refresh()) : null;
    void refresh();
    return () => {
      offData();
      offStatus?.();
    };
  });
}
