import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSystemLanguage } from '../../i18n/use-language';
import { useSettings } from '../stores/settings-store';

/**
 * Keeps i18next, <html lang> and the window title on the language of the setting, or the system's
 * when the setting is null. Every `useLanguage` follows i18next from here.
 */
export function useLanguageSync(): void {
  const setting = useSettings((s) => s.settings?.language ?? null);
  const system = useSystemLanguage();
  const language = setting ?? system;
  const { i18n, t } = useTranslation();
  useEffect(() => {
    if (i18n.language !== language) void i18n.changeLanguage(language);
    document.documentElement.lang = language;
    document.title = t('app.documentTitle');
  }, [i18n, language, t]);
}
