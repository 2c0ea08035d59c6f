import type { Language } from '../../shared/settings/schema';

/** The language the system asks for: any Chinese variant gets zh-CN, everything else English. */
export function systemLanguage(preferred: readonly string[]): Language {
  const first = preferred[0]?.toLowerCase() ?? '';
  return first.startsWith('zh') ? 'zh-CN' : 'en';
}

