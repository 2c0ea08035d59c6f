import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../shared/api/result';
import type { SettingsPatch } from '../../shared/settings/schema';
import { describeError } from '../app/errors/describe-error';
import { reportError } from '../app/errors/report-error';
import { useSettings } from '../app/stores/settings-store';
import { setSaveStatus } from '../app/ui/save-status-store';

/**
 * Saves a change from one section and answers with the error, if any. A problem with the field
 * the section shows inline is left to it; anything else becomes a notice, so none is silent.
 */
export function useSaveSettings(section: string) {
  const { t } = useTranslation();
  return useCallback(
    async (patch: SettingsPatch, inlineField?: string): Promise<ApiError | null> => {
      const result = await useSettings.getState().save(patch);
      if (result.ok) {
        setSaveStatus(section, { kind: 'saved', at: new Date() });
        return null;
      }
      setSaveStatus(section, { kind: 'failed' });
      if (!inlineField || !describeError(result.error, t).fields[inlineField]) {
        reportError(result.error, 'errors.couldNotSave');
      }
      return result.error;
    },
    [section, t],
  );
}
