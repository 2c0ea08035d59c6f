import { useTranslation } from 'react-i18next';
import type { TeamView } from '../../shared/api/team-schemas';
import { AlertIcon } from '../app/ui/icons';

/** Where this computer stands when it is not an approved member: said first, in plain words. */
export function TeamBanner({ view }: { view: TeamView }) {
  const { t } = useTranslation();
  const status = view.me.status;
  if (status === 'approved') return null;
  const team = view.teamName ?? '';
  const [title, body] =
    status === 'pending' ? [t('team.banner.pendingTitle'), t('team.banner.pendingBody', { team })]
    : status === 'declined' ? [t('team.banner.declinedTitle'), t('team.banner.declinedBody')]
    : status === 'revoked' ? [t('team.banner.revokedTitle'), t('team.banner.revokedBody')]
    : [t('team.banner.unknownTitle'), t('team.banner.unknownBody')];
  return (
    <div className={status === 'pending' ? 'alert team-banner' : 'alert alert--danger team-banner'} role="status">
      <AlertIcon />
      <div>
        <p className="team-banner__title">{title}</p>
        <p>{body}</p>
      </div>
    </div>
  );
}
