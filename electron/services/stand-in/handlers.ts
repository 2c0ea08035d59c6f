import type { standInOperations } from '../../../shared/api/stand-in-contract';
import { ApiFailure } from '../../../shared/api/result';
import { standInPack } from '../../../shared/stand-in';
import type { ReadonlySyncState } from '../../../shared/sync/trust-plug';
import type { Roster } from '../../../shared/team';
import type { HandlersOf } from '../dispatch';

export interface StandInSource {
  readonly state: () => ReadonlySyncState;
  /** The roster the trust layer folded; null before there is a team. */
  readonly roster: () => Roster | null;
  readonly now?: () => number;
}

/** The stand-in pack: the pure composer over the service's fold, now. */
export function standInHandlers(source: StandInSource): HandlersOf<typeof standInOperations> {
  const now = source.now ?? Date.now;
  return {
    getStandInPack: async (shift) => {
      const pack = standInPack({ state: source.state(), roster: source.roster(), shift, now: now() });
      if (!pack) throw new ApiFailure('not-found', 'the team has no such shift type');
      return pack;
    },
  };
}
