import { useSync, useSyncFeed } from '../sync/sync-store';
import { TeamBanner } from './TeamBanner';
import { useTeam, useTeamFeed } from './team-store';
import { canWrite } from './use-can-write';
import './team.css';

/** Above every screen: where this computer stands, while it cannot write (pending, declined, revoked). */
export function TeamFrameNotice() {
  useTeamFeed();
  const view = useTeam((s) => s.view);
  useSyncFeed();
  // While the team's records are still being read, who may write is not known yet: the opening notice says so.
  const opening = useSync((s) => (s.status?.opening ?? null) !== null);
  if (!view || canWrite(view) || opening) return null;
  return (
    <div className="team-frame-notice">
      <TeamBanner view={view} />
    </div>
  );
}
