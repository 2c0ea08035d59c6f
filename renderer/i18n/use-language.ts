import { useEffect, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../shared/settings/schema';
import { useSettings } from '../app/stores/settings-store';
import { systemLanguage } from './detect-language';

const onSystemLanguageChange = (notify: () => void) => {
  window.addEventListener('languagechange', notify);
  return () => window.removeEventListener('languagechange', notify);
};

/** The system's language, live: a person who follows the system sees it switch with the system. */
export const useSystemLanguage = (): Language =>
  useSyncExternalStore(onSystemLanguageChange, () => systemLanguage(navigator.languages));

/** The language the UI shows now: the setting, or the system's when the setting is null. */
export function useLanguage(): Language {
  const setting = useSettings((s) => s.settings?.language ?? null);
  const system = useSystemLanguage();
  return setting ?? system;
}

/** Keeps i18next, <html lang> and the window title on the current language. */
export function useLanguageSync(): void {
  const language = useLanguage();
  const { i18n, t } = useTranslation();
  useEffect(() => {
    if (i18n.language !== language) void i18n.changeLanguage(language);
    document.documentElement.lang = language;
    document.title = t('app.documentTitle');
  }, [i18n, language, t]);
}
