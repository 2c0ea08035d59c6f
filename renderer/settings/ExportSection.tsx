import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { reportError } from '../app/errors/report-error';
import { notify } from '../app/notices/notices-store';
import { baton } from '../bridge/baton';
import { FolderPathInput } from '../shared-folder/FolderPathInput';
import { SettingsSection } from '../app/ui/SettingsSection';

/** Everything the team wrote, to a folder of the person's choice, readable without Baton. */
export function ExportSection() {
  const { t } = useTranslation();
  const [path, setPath] = useState('');
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    const result = await baton.exportTeamData({ path });
    setBusy(false);
    if (!result.ok) return reportError(result.error, 'errors.couldNotSave');
    const { files, path: written } = result.value;
    notify('success', (tr) => tr('briefing.export.done', { count: files, path: written }));
  };
  return (
    <SettingsSection id="export" title={t('briefing.export.title')} description={t('briefing.export.description')}>
      <FolderPathInput id="export-path" value={path} onChange={setPath} onEnter={() => void run()} />
      <div className="button-row">
        <button type="button" className="button button--primary" disabled={busy || path.trim() === ''} onClick={() => void run()}>
          {t('briefing.export.action')}
        </button>
      </div>
    </SettingsSection>
  );
}
