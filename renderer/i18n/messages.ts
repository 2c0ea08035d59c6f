import appEn from '../app/i18n/en.json';
import appZh from '../app/i18n/zh-CN.json';
import attachmentsEn from '../attachments/i18n/en.json';
import attachmentsZh from '../attachments/i18n/zh-CN.json';
import formatEn from '../app/format/i18n/en.json';
import formatZh from '../app/format/i18n/zh-CN.json';
import briefingEn from '../briefing/i18n/en.json';
import briefingZh from '../briefing/i18n/zh-CN.json';
import firstRunEn from '../first-run/i18n/en.json';
import firstRunZh from '../first-run/i18n/zh-CN.json';
import followUpsEn from '../follow-ups/i18n/en.json';
import followUpsZh from '../follow-ups/i18n/zh-CN.json';
import handoverEn from '../handover/i18n/en.json';
import handoverZh from '../handover/i18n/zh-CN.json';
import sopEn from '../sop/i18n/en.json';
import sopZh from '../sop/i18n/zh-CN.json';
import prizesEn from '../prizes/i18n/en.json';
import prizesZh from '../prizes/i18n/zh-CN.json';
import settingsEn from '../settings/i18n/en.json';
import settingsZh from '../settings/i18n/zh-CN.json';
import sharedFolderEn from '../shared-folder/i18n/en.json';
import sharedFolderZh from '../shared-folder/i18n/zh-CN.json';
import syncEn from '../sync/i18n/en.json';
import syncZh from '../sync/i18n/zh-CN.json';
import teamSettingsEn from '../team-settings/i18n/en.json';
import teamSettingsZh from '../team-settings/i18n/zh-CN.json';
import teamEn from '../team/i18n/en.json';
import teamZh from '../team/i18n/zh-CN.json';
import rotaEn from '../rota/i18n/en.json';
import rotaZh from '../rota/i18n/zh-CN.json';
import standInEn from '../stand-in/i18n/en.json';
import standInZh from '../stand-in/i18n/zh-CN.json';

/**
 * Each screen module keeps its own messages in `<module>/i18n/{zh-CN,en}.json` under top-level keys
 * of its own (its namespace), so two capabilities never edit the same file. A new module adds its
 * pair here: one line per language. The test checks that no two modules claim the same key.
 */
export const messageModules = {
  'zh-CN': [appZh, formatZh, sharedFolderZh, firstRunZh, settingsZh, teamSettingsZh, syncZh, teamZh, handoverZh, attachmentsZh, followUpsZh, rotaZh, sopZh, prizesZh, briefingZh, standInZh],
  en: [appEn, formatEn, sharedFolderEn, firstRunEn, settingsEn, teamSettingsEn, syncEn, teamEn, handoverEn, attachmentsEn, followUpsEn, rotaEn, sopEn, prizesEn, briefingEn, standInEn],
} as const;

/** Chinese is the reference: every key exists there first, and the test keeps English in step. */
export const zhCN = {
  ...appZh,
  ...formatZh,
  ...sharedFolderZh,
  ...firstRunZh,
  ...settingsZh,
  ...teamSettingsZh,
  ...syncZh,
  ...teamZh,
  ...handoverZh,
  ...attachmentsZh,
  ...followUpsZh,
  ...rotaZh,
  ...sopZh,
  ...prizesZh,
  ...briefingZh,
  ...standInZh,
};

export const en: typeof zhCN = {
  ...appEn,
  ...formatEn,
  ...sharedFolderEn,
  ...firstRunEn,
  ...settingsEn,
  ...teamSettingsEn,
  ...syncEn,
  ...teamEn,
  ...handoverEn,
  ...attachmentsEn,
  ...followUpsEn,
  ...rotaEn,
  ...sopEn,
  ...prizesEn,
  ...briefingEn,
  ...standInEn,
};
