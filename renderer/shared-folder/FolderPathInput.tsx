import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { baton } from '../bridge/baton';
import { reportError } from '../app/errors/report-error';
import { useAppInfo } from '../app/stores/app-info-store';
import { Field } from '../app/ui/Field';

interface FolderPathInputProps {
  id: string;
  value: string;
  onChange(path: string): void;
  /** Enter in the field: the same as the form's main button where there is no form. */
  onEnter?: () => void;
  error?: string | undefined;
  inputRef?: Ref<HTMLInputElement>;
}

/**
 * A folder path typed or pasted (every host), or chosen with the system dialog where there is
 * one: a browser tab cannot open it, so "Browse…" only appears in the desktop app.
 */
export function FolderPathInput({ id, value, onChange, onEnter, error, inputRef }: FolderPathInputProps) {
  const { t } = useTranslation();
  const canPick = useAppInfo((s) => s.info?.canPickFolder ?? false);

  const browse = async () => {
    const result = await baton.pickFolder({});
    if (!result.ok) return reportError(result.error, 'errors.couldNotPick');
    if (result.value.path) onChange(result.value.path);
  };

  return (
    <Field id={id} label={t('folder.pathLabel')} hint={t('folder.pathHint')} error={error}>
      {(control) => (
        <div className="input-row">
          <input
            {...control}
            ref={inputRef}
            className="input input--mono"
            type="text"
            value={value}
            spellCheck={false}
            autoComplete="off"
            onChange={(event) => onChange(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && onEnter) {
                event.preventDefault();
                onEnter();
              }
            }}
          />
          {canPick && (
            <button type="button" className="button" onClick={() => void browse()}>
              {t('folder.browse')}
            </button>
          )}
        </div>
      )}
    </Field>
  );
}
