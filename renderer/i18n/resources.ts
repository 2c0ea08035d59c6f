import type { Language } from '../../shared/settings/schema';
import { en, zhCN } from './messages';

export const resources = {
  'zh-CN': { translation: zhCN },
  en: { translation: en },
} as const satisfies Record<Language, { translation: unknown }>;

type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** Any message key, for data that names a message before it is translated (nav entries, error maps). */
export type MessageKey = Leaves<typeof zhCN>;

// Typed resources make a misspelt key a compile error as well as a test failure.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof zhCN };
  }
}
