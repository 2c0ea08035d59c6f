import { useTranslation } from 'react-i18next';
import { useTeam, useTeamFeed } from './team-store';

/** Beside the nav label: "waiting" for a newcomer, the number of requests for an admin. */
export function TeamNavStatus() {
  useTeamFeed();
  const { t } = useTranslation();
  const view = useTeam((s) => s.view);
  if (!view?.available) return null;
  if (view.me.status === 'pending') return <span className="team-nav-tag">{t('team.navPending')}</span>;
  if (view.me.isAdmin && view.pending.length > 0) return <span className="team-nav-count">{view.pending.length}</span>;
  return null;
}
