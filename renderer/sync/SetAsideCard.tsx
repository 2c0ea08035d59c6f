import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SalvagedFile, SetAsideFile } from '../../shared/sync/status';
import { reportError } from '../app/errors/report-error';
import { FolderIcon } from '../app/ui/icons';
import { baton } from '../bridge/baton';
import { useLanguage } from '../i18n/use-language';
import { absolutePathIn, setAsideMessages } from './health';
import { Moment } from './Moment';
import { SyncCard } from './SyncCard';
import { FileIcon } from './SyncIcon';
import { formatSize } from './time';
import { UnlessArriving } from './StillArriving';

function SetAsideItem({ file, sharedDir, now }: { file: SetAsideFile; sharedDir: string; now: number }) {
  const { t } = useTranslation();
  const language = useLanguage();
  // Where the host cannot open a file manager (a browser tab), the full path is shown to copy.
  const [notShown, setNotShown] = useState(false);
  const fullPath = absolutePathIn(sharedDir, file.path);

  const show = async () => {
    const result = await baton.showInFolder({ path: fullPath });
    if (!result.ok) return reportError(result.error);
    setNotShown(!result.value.shown);
  };

  return (
    <li className="sync-file">
      <FileIcon />
      <div className="sync-file__main">
        <p className="sync-file__reason" title={file.detail}>
          {t(setAsideMessages[file.reason])}
        </p>
        <p className="path">{file.path}</p>
        <p className="sync-file__meta">
          <span>{formatSize(file.size, language)}</span>
          <span aria-hidden="true">·</span>
          <span>
            {t('sync.setAside.firstSeen')}
            <Moment at={file.firstSeenAt} now={now} />
          </span>
        </p>
        {notShown && (
          <div className="sync-file__where" role="status">
            <p>{t('sync.setAside.notShown')}</p>
            <p className="path sync-select-all">{fullPath}</p>
          </div>
        )}
      </div>
      <button type="button" className="button sync-file__show" onClick={() => void show()}>
        <FolderIcon />
        {t('sync.setAside.show')}
      </button>
    </li>
  );
}

/** Files Baton could not take, each with its reason in plain words; never deleted. */
export function SetAsideCard({ files, salvaged, sharedDir, now }: { files: readonly SetAsideFile[]; salvaged: readonly SalvagedFile[]; sharedDir: string; now: number }) {
  const { t } = useTranslation();
  return (
    <SyncCard
      id="set-aside"
      title={t('sync.setAside.title')}
      description={t('sync.setAside.description')}
      aside={files.length > 0 ? <span className="badge badge--warning">{files.length}</span> : undefined}
    >
      {files.length === 0 ? (
        <UnlessArriving variant="line" className="sync-empty"><p className="sync-empty">{t('sync.setAside.empty')}</p></UnlessArriving>
      ) : (
        <ul className="sync-files">
          {files.map((file) => (
            <SetAsideItem key={file.path} file={file} sharedDir={sharedDir} now={now} />
          ))}
        </ul>
      )}
      {salvaged.length > 0 && (
        <p className="card__note">
          {t(salvaged.length === 1 ? 'sync.setAside.salvagedOne' : 'sync.setAside.salvagedMany', { count: salvaged.length })}
        </p>
      )}
    </SyncCard>
  );
}
