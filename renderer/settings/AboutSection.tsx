import { useTranslation } from 'react-i18next';
import { useAppInfo } from '../app/stores/app-info-store';
import type { MessageKey } from '../i18n/resources';
import { KeyProtectionRow } from '../team/KeyProtectionRow';
import { SettingsSection } from '../app/ui/SettingsSection';

const platformNames: Record<string, MessageKey> = {
  win32: 'platform.win32',
  darwin: 'platform.darwin',
  linux: 'platform.linux',
};

/** What a colleague helping over the phone asks first: which version, where its files are. */
export function AboutSection() {
  const { t } = useTranslation();
  const info = useAppInfo((s) => s.info);
  if (!info) return null;
  const rows: [MessageKey, string, 'path'?][] = [
    ['settings.about.app', `${t('app.name')} ${t('app.latinName')}`],
    ['settings.about.version', info.version],
    ['settings.about.host', info.host === 'electron' ? t('settings.about.hostElectron') : t('settings.about.hostWeb')],
    ['settings.about.platform', Object.hasOwn(platformNames, info.platform) ? t(platformNames[info.platform]!) : info.platform],
    ['settings.about.components', Object.entries(info.versions).map(([name, version]) => `${name} ${version}`).join(' · ')],
    ['settings.about.profile', info.profileDir, 'path'],
    ['settings.about.embeddedFolder', info.embeddedSharedDir, 'path'],
  ];
  return (
    <SettingsSection id="about" title={t('settings.about.title')}>
      <dl className="facts">
        {rows.map(([label, value, kind]) => (
          <div key={label} className="facts__row">
            <dt>{t(label)}</dt>
            <dd className={kind === 'path' ? 'path' : undefined}>{value}</dd>
          </div>
        ))}
        <KeyProtectionRow />
      </dl>
    </SettingsSection>
  );
}
