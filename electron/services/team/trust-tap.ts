import type { Roster, TrustFilter } from '../../../shared/team';
import type { OpFilter, SyncState } from '../../../shared/sync/sync-state';
import type { TeamFile } from '../../../shared/sync/team-files';
import type { TrustSource } from '../../../shared/sync/trust-plug';

/** What the trust plug was last asked about: the roster it folded and the state it filters. */
export interface TrustView {
  readonly team: TeamFile;
  readonly filter: TrustFilter;
  readonly state: SyncState;
  readonly devices: ReadonlyMap<string, string>;
  readonly roster: Roster;
}

export interface TrustTap {
  /** Give this to the sync service in place of the source it wraps. */
  readonly source: TrustSource;
  /** The last filter made, with its state; null before any (or when the source is not shared/team's). */
  latest(): TrustView | null;
}

const isTrustFilter = (filter: OpFilter): filter is TrustFilter => 'roster' in filter;

/**
 * The sync service keeps its fold and its trust plug private and exposes only a read-only state.
 * The Team screen needs the roster and the refused ops, which are exactly what the plug sees each
 * time the service re-asks it: so the plug is wrapped and its last answer kept. This adds no
 * second fold and cannot disagree with the service, since it is the service's own filter.
 */
export function tapTrust(source: TrustSource): TrustTap {
  let last: TrustView | null = null;
  return {
    source: (team) => {
      const plug = source(team);
      // Everything the plug says of itself passes through; only its answers are kept on the way.
      return {
        ...plug,
        filterFor(state, devices) {
          const filter = plug.filterFor(state, devices);
          if (isTrustFilter(filter)) last = { team, filter, state, devices, roster: filter.roster };
          return filter;
        },
      };
    },
    latest: () => last,
  };
}
