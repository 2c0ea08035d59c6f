import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { languages, type Language } from '../../shared/settings/schema';
import { systemLanguage } from './detect-language';

const onSystemLanguageChange = (notify: () => void) => {
  window.addEventListener('languagechange', notify);
  return () => window.removeEventListener('languagechange', notify);
};

/** The system's language, live: a person who follows the system sees it switch with the system. */
export const useSystemLanguage = (): Language =>
  useSyncExternalStore(onSystemLanguageChange, () => systemLanguage(navigator.languages));

const isLanguage = (value: string): value is Language => (languages as readonly string[]).includes(value);

/**
 * The language the UI shows now, for dates and numbers: the one i18next speaks, which the app
 * keeps on the setting (or the system's; renderer/app/language), so they always agree with the texts.
 */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return isLanguage(i18n.language) ? i18n.language : systemLanguage(navigator.languages);
}
