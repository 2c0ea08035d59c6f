import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../shared/api/result';
import { describeError } from '../app/errors/describe-error';
import { useAppInfo } from '../app/stores/app-info-store';
import { useSettings } from '../app/stores/settings-store';
import { ComputerIcon, FolderIcon } from '../app/ui/icons';
import { FolderPathInput } from '../shared-folder/FolderPathInput';
import { SettingsSection } from '../app/ui/SettingsSection';
import { useSaveSettings } from './use-save-settings';

/**
 * Which folder the team's data lives in. Changing it is a deliberate step (a button, not a
 * keystroke), because from then on Baton reads the team from the new folder.
 */
export function FolderSection() {
  const { t } = useTranslation();
  const folder = useSettings((s) => s.settings?.sharedFolder ?? { kind: 'embedded' as const });
  const embeddedDir = useAppInfo((s) => s.info?.embeddedSharedDir ?? '');
  const save = useSaveSettings('folder');
  const currentPath = folder.kind === 'path' ? folder.path : '';
  const [draft, setDraft] = useState<string | null>(null);
  // Kept as the error, not its text, so it reads right after a language switch.
  const [problem, setProblem] = useState<ApiError | 'unchanged' | null>(null);
  const path = draft ?? currentPath;
  const pathError =
    problem === 'unchanged' ? t('settings.folder.unchanged') : problem ? describeError(problem, t).fields['sharedFolder.path'] : undefined;

  const switchToPath = async () => {
    if (folder.kind === 'path' && path.trim() === currentPath) return setProblem('unchanged');
    const error = await save({ sharedFolder: { kind: 'path', path: path.trim() } }, 'sharedFolder.path');
    setProblem(error);
    if (!error) setDraft(null);
  };

  const switchToEmbedded = async () => {
    if (!(await save({ sharedFolder: { kind: 'embedded' } }))) setProblem(null);
  };

  return (
    <SettingsSection id="folder" title={t('settings.folder.title')} description={t('settings.folder.description')}>
      <div className="current-folder">
        {folder.kind === 'embedded' ? <ComputerIcon /> : <FolderIcon />}
        <div>
          <p className="current-folder__kind">
            <span className="badge badge--accent">{t('settings.folder.current')}</span>
            {folder.kind === 'embedded' ? t('folder.embedded') : t('folder.shared')}
          </p>
          <p className="path">{folder.kind === 'embedded' ? embeddedDir : folder.path}</p>
          <p className="current-folder__note">
            {folder.kind === 'embedded' ? t('settings.folder.embeddedNote') : t('settings.folder.sharedNote')}
          </p>
        </div>
      </div>
      <h3 className="card__subtitle">
        {folder.kind === 'embedded' ? t('settings.folder.changeToShared') : t('settings.folder.changeShared')}
      </h3>
      <FolderPathInput id="settings-folder-path" value={path} onChange={setDraft} onEnter={() => void switchToPath()} error={pathError} />
      <div className="button-row">
        <button type="button" className="button button--primary" onClick={() => void switchToPath()}>
          {t('settings.folder.use')}
        </button>
        {folder.kind === 'path' && (
          <button type="button" className="button" onClick={() => void switchToEmbedded()}>
            {t('settings.folder.useEmbedded')}
          </button>
        )}
      </div>
      <p className="card__note">{t('settings.folder.keepNote')}</p>
    </SettingsSection>
  );
}
