import { useTranslation } from 'react-i18next';
import { NOTIFICATION_KINDS } from '../../shared/briefing/notify';
import { useSettings } from '../app/stores/settings-store';
import { SettingsSection } from '../app/ui/SettingsSection';
import type { MessageKey } from '../i18n/resources';
import { useSaveSettings } from './use-save-settings';

/** Which notifications this computer shows; each kind can be turned off. */
export function NotificationsSection() {
  const { t } = useTranslation();
  const notifications = useSettings((s) => s.settings?.notifications);
  const save = useSaveSettings('notifications');
  if (!notifications) return null;
  return (
    <SettingsSection id="notifications" title={t('briefing.notify.settingsTitle')} description={t('briefing.notify.settingsDescription')}>
      <fieldset className="briefing-notify">
        <legend className="sr-only">{t('briefing.notify.settingsTitle')}</legend>
        {NOTIFICATION_KINDS.map((kind) => (
          <label key={kind} className="check">
            <input type="checkbox" checked={notifications[kind]} onChange={(event) => save({ notifications: { ...notifications, [kind]: event.target.checked } })} />
            {t(`briefing.notify.${kind}.setting` as MessageKey)}
          </label>
        ))}
      </fieldset>
    </SettingsSection>
  );
}
