import { useTranslation } from 'react-i18next';
import { formatInZone } from '../app/format';
import { useLanguage } from '../i18n/use-language';

/** An instant of the pack as people read it, in the team's zone ("1/6 10:00"). */
export function useAt(timeZone: string): (at: number) => string {
  const language = useLanguage();
  return (at) => formatInZone(at, timeZone, language);
}

/** A list of names as the language writes one: 小林、老王 / 小林, 老王. */
export function useList(): (items: readonly string[]) => string {
  const { t } = useTranslation();
  return (items) => items.join(t('standIn.separator'));
}

/**
 * An SOP's headings below the rule's own (h3): `# 发帖` becomes an h4, so the page's outline stays
 * the pack's. Lines inside fenced code are left as they are.
 */
export function underRuleHeading(markdown: string): string {
  let fenced = false;
  return markdown
    .split('\n')
    .map((line) => {
      if (/^ {0,3}(```|~~~)/.test(line)) fenced = !fenced;
      if (fenced) return line;
      return line.replace(/^( {0,3})(#{1,6})(?=[ \t]|$)/, (_, indent: string, marks: string) => `${indent}${'#'.repeat(Math.min(6, marks.length + 3))}`);
    })
    .join('\n');
}
