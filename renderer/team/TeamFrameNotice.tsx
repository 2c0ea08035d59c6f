import { TeamBanner } from './TeamBanner';
import { useTeam, useTeamFeed } from './team-store';
import { canWrite } from './use-can-write';
import './team.css';

/** Above every screen: where this computer stands, while it cannot write (pending, declined, revoked). */
export function TeamFrameNotice() {
  useTeamFeed();
  const view = useTeam((s) => s.view);
  if (!view || canWrite(view)) return null;
  return (
    <div className="team-frame-notice">
      <TeamBanner view={view} />
    </div>
  );
}
