import { useTranslation } from 'react-i18next';
import type { Language } from '../../shared/settings/schema';
import { reportError } from '../app/errors/report-error';
import { useSettings } from '../app/stores/settings-store';
import { Segmented } from '../app/ui/Segmented';
import { useLanguage } from '../i18n/use-language';

/** 中文 / English before anything else, saved at once so the rest of the screen reads right. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const language = useLanguage();
  const choose = async (next: Language) => {
    const result = await useSettings.getState().save({ language: next });
    if (!result.ok) reportError(result.error, 'errors.couldNotSave');
  };
  return (
    <Segmented
      name="first-run-language"
      legend={t('firstRun.language')}
      legendHidden
      value={language}
      onChange={choose}
      options={[
        { value: 'zh-CN', label: t('language.zhCN'), lang: 'zh-CN' },
        { value: 'en', label: t('language.en'), lang: 'en' },
      ]}
    />
  );
}
