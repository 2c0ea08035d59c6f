import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../shared/api/result';
import { describeError } from '../app/errors/describe-error';
import { useSettings } from '../app/stores/settings-store';
import { Field } from '../app/ui/Field';
import { SettingsSection } from '../app/ui/SettingsSection';
import { useSaveSettings } from './use-save-settings';

/**
 * The name is saved on Enter or when the field is left, not on every key, so colleagues never see
 * half a name. While it is being edited (or was refused) the draft is shown instead of the setting.
 */
export function NameSection() {
  const { t } = useTranslation();
  const saved = useSettings((s) => s.settings?.memberName ?? '');
  const save = useSaveSettings('you');
  const [draft, setDraft] = useState<string | null>(null);
  // The error itself, not its text, so it reads right after a language switch.
  const [error, setError] = useState<ApiError | null>(null);

  const commit = async () => {
    if (draft === null || draft === saved) {
      setDraft(null);
      return setError(null);
    }
    const problem = await save({ memberName: draft }, 'memberName');
    setError(problem);
    if (!problem) setDraft(null);
  };

  return (
    <SettingsSection id="you" title={t('settings.you.title')}>
      <Field id="settings-name" label={t('settings.you.name')} hint={t('settings.you.nameHint')} error={error ? describeError(error, t).fields.memberName : undefined}>
        {(control) => (
          <input
            {...control}
            className="input input--medium"
            type="text"
            autoComplete="name"
            value={draft ?? saved}
            onChange={(event) => setDraft(event.target.value)}
            onBlur={() => void commit()}
            onKeyDown={(event) => {
              if (event.key === 'Enter') void commit();
              if (event.key === 'Escape') {
                setDraft(null);
                setError(null);
              }
            }}
          />
        )}
      </Field>
    </SettingsSection>
  );
}
