import { useTranslation } from 'react-i18next';
import { useSync, useSyncFeed } from '../sync/sync-store';

/** For Settings' "About": where this computer's private key is kept (OS key store or a 0600 file). */
export function KeyProtectionRow() {
  useSyncFeed();
  const { t } = useTranslation();
  const protection = useSync((s) => s.status?.keyProtection);
  if (!protection) return null;
  return (
    <div className="facts__row">
      <dt>{t('team.keyProtection')}</dt>
      <dd>{t(protection === 'os-encrypted' ? 'sync.computer.keyOsEncrypted' : 'sync.computer.keyPlainFile')}</dd>
    </div>
  );
}
