import { useTranslation } from 'react-i18next';
import { healthMessages, healthOf } from './health';
import { useSync, useSyncFeed } from './sync-store';
import './sync.css';

/** The dot beside "Sync" in the nav; its words are part of the link's name for screen readers. */
export function SyncNavStatus() {
  const { t } = useTranslation();
  useSyncFeed();
  const health = useSync((s) => (s.status ? healthOf(s.status, s.noticesSeenAt) : null));
  if (!health) return null;
  const label = t(healthMessages[health]);
  return <span className={`sync-dot sync-dot--${health}`} role="img" aria-label={label} title={label} />;
}
