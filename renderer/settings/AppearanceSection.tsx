import { useTranslation } from 'react-i18next';
import type { Language, Theme } from '../../shared/settings/schema';
import { useSettings } from '../app/stores/settings-store';
import { Segmented } from '../app/ui/Segmented';
import { useSystemLanguage } from '../i18n/use-language';
import { SettingsSection } from '../app/ui/SettingsSection';
import { useSaveSettings } from './use-save-settings';

/** The radios use 'system' for "follow the system"; the setting stores that as null. */
type LanguageChoice = Language | 'system';

export function AppearanceSection() {
  const { t } = useTranslation();
  const language = useSettings((s) => s.settings?.language ?? null);
  const theme = useSettings((s) => s.settings?.theme ?? 'system');
  const system = useSystemLanguage();
  const save = useSaveSettings('appearance');
  const systemName = system === 'zh-CN' ? t('language.zhCN') : t('language.en');

  return (
    <SettingsSection id="appearance" title={t('settings.appearance.title')}>
      <Segmented<LanguageChoice>
        name="settings-language"
        legend={t('settings.appearance.language')}
        value={language ?? 'system'}
        onChange={(choice) => save({ language: choice === 'system' ? null : choice })}
        options={[
          { value: 'zh-CN', label: t('language.zhCN'), lang: 'zh-CN' },
          { value: 'en', label: t('language.en'), lang: 'en' },
          { value: 'system', label: t('language.system', { language: systemName }) },
        ]}
      />
      <Segmented<Theme>
        name="settings-theme"
        legend={t('settings.appearance.theme')}
        value={theme}
        onChange={(next) => save({ theme: next })}
        options={[
          { value: 'light', label: t('theme.light') },
          { value: 'dark', label: t('theme.dark') },
          { value: 'system', label: t('theme.system') },
        ]}
      />
    </SettingsSection>
  );
}
