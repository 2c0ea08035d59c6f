import { z } from 'zod';
import { checklistDefSchema } from '../checklist-schedule';
import { areaSchema, roleSchema, settingIdSchema } from '../fields';
import enAnalytics from './en/analytics.md';
import enCampaigns from './en/campaigns.md';
import enContent from './en/content.md';
import enFans from './en/fans.md';
import enMonitoring from './en/monitoring.md';
import enPartnerships from './en/partnerships.md';
import enPositioning from './en/positioning.md';
import enPromotion from './en/promotion.md';
import enTeam from './en/team.md';
import zhAnalytics from './zh-CN/analytics.md';
import zhCampaigns from './zh-CN/campaigns.md';
import zhContent from './zh-CN/content.md';
import zhFans from './zh-CN/fans.md';
import zhMonitoring from './zh-CN/monitoring.md';
import zhPartnerships from './zh-CN/partnerships.md';
import zhPositioning from './zh-CN/positioning.md';
import zhPromotion from './zh-CN/promotion.md';
import zhTeam from './zh-CN/team.md';

/**
 * Starter SOPs for a new team: one per area, in zh-CN and en, written for a brand's Weibo team
 * from the seed article. Each is a Markdown file whose front matter (JSON between `---` lines)
 * holds the area, who must read it, the shift types it is required for and its checklist items;
 * the first `# ` line is the title. Kept as data files so that a lead can read and improve them.
 */

const frontMatterSchema = z.object({
  area: areaSchema,
  requiredRoles: z.array(roleSchema),
  shiftTypeIds: z.array(settingIdSchema),
  checklist: z.array(checklistDefSchema),
});

export interface StarterSop extends z.output<typeof frontMatterSchema> {
  readonly title: string;
  readonly body: string;
}

export function parseStarter(text: string): StarterSop {
  const match = /^---\n([\s\S]*?)\n---\n# (.+)\n\n?([\s\S]*)$/.exec(text);
  if (!match) throw new Error('a starter SOP is front matter, then a "# title" line, then its text');
  return { ...frontMatterSchema.parse(JSON.parse(match[1]!)), title: match[2]!.trim(), body: match[3]! };
}

const FILES = {
  'zh-CN': [zhPositioning, zhContent, zhCampaigns, zhFans, zhMonitoring, zhTeam, zhAnalytics, zhPromotion, zhPartnerships],
  en: [enPositioning, enContent, enCampaigns, enFans, enMonitoring, enTeam, enAnalytics, enPromotion, enPartnerships],
} as const;

export type StarterLanguage = keyof typeof FILES;

export function starterSops(language: StarterLanguage): StarterSop[] {
  return FILES[language].map(parseStarter);
}
