import { mayWriteOp } from '../../shared/api/may-write';
import type { TeamView } from '../../shared/api/team-schemas';
import { useTeam, useTeamFeed } from './team-store';

/**
 * Whether this computer may write to the team: true unless it is in a team whose permissions are
 * checked and it is not (or no longer) an approved member. Until the team view has loaded it says
 * yes, so a member's screens do not flicker; the services still set aside what would not count.
 */
export function canWrite(view: TeamView | null): boolean {
  return view === null || mayWriteOp(view);
}

/** `canWrite` for the current team view, kept fresh. */
export function useCanWrite(): boolean {
  useTeamFeed();
  return useTeam((s) => canWrite(s.view));
}
