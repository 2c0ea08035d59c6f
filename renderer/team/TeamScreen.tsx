import { useTranslation } from 'react-i18next';
import { MembersCard } from './MembersCard';
import { PendingCard } from './PendingCard';
import { SetAsideOpsCard } from './SetAsideOpsCard';
import { TeamCodeCard } from './TeamCodeCard';
import { useTeam, useTeamFeed } from './team-store';
import './team.css';

/** The Team screen: in the Settings family of cards. Where this computer stands is the frame's notice (TeamFrameNotice). */
export function TeamScreen() {
  useTeamFeed();
  const { t } = useTranslation();
  const view = useTeam((s) => s.view);
  if (!view) return <p className="team-muted">{t('app.loading')}</p>;
  if (!view.trustActive) return <p className="alert">{t('team.banner.noTrust')}</p>;
  if (!view.available) return <p className="team-muted">{t('team.noTeam')}</p>;
  return (
    <div className="settings team">
      {view.me.isAdmin && <PendingCard view={view} />}
      {view.teamCode && <TeamCodeCard code={view.teamCode} />}
      <MembersCard view={view} />
      <SetAsideOpsCard view={view} />
    </div>
  );
}
