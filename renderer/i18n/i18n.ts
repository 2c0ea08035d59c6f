import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { languages } from '../../shared/settings/schema';
import { systemLanguage } from './detect-language';
import { resources } from './resources';

/**
 * Started with the system's language so the first paint (loading, a failed start) is readable;
 * the saved setting takes over as soon as it is read.
 */
void i18next.use(initReactI18next).init({
  resources,
  lng: systemLanguage(navigator.languages),
  supportedLngs: [...languages],
  fallbackLng: false,
  // Resources are bundled, so nothing needs to wait for a backend.
  initAsync: false,
  interpolation: { escapeValue: false },
  returnEmptyString: false,
});

export { i18next as i18n };
