import { shiftBriefing, type Briefing } from '../../../shared/briefing';
import type { Person } from '../../../shared/team-settings';
import type { Roster } from '../../../shared/team';
import type { SyncStatus } from '../../../shared/sync/status';
import type { ReadonlySyncState } from '../../../shared/sync/trust-plug';

export interface BriefingServiceOptions {
  /** The briefing shows the sync's health, never its hash: `freshHash: false`. */
  readonly sync: { readonly state: ReadonlySyncState; getStatus(options: { readonly freshHash: false }): SyncStatus };
  /** The person on this computer; null before they have a name and a member id. */
  readonly me: () => Person | null;
  /** The roster the trust layer folded (who is who, with which roles); null before there is a team. */
  readonly roster?: () => Roster | null;
  readonly now?: () => number;
}

/** The briefing of the person on this computer: the pure function over the service's fold, now. */
export class BriefingService {
  private readonly now: () => number;

  constructor(private readonly options: BriefingServiceOptions) {
    this.now = options.now ?? Date.now;
  }

  get(noticesSeenAt: number): Briefing {
    const { sync, me } = this.options;
    return shiftBriefing({ state: sync.state, me: me(), now: this.now(), sync: sync.getStatus({ freshHash: false }), noticesSeenAt, roster: this.options.roster?.() ?? null });
  }
}
