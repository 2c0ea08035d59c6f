import type { ReactNode, Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { SharedFolderChoice } from '../../shared/settings/schema';
import { useAppInfo } from '../app/stores/app-info-store';
import { ComputerIcon, FolderIcon } from '../app/ui/icons';
import { FolderPathInput } from '../shared-folder/FolderPathInput';

type Kind = SharedFolderChoice['kind'];

interface FolderChoiceProps {
  kind: Kind;
  path: string;
  onKind(kind: Kind): void;
  onPath(path: string): void;
  pathError?: string | undefined;
  pathRef?: Ref<HTMLInputElement>;
}

function Option(props: { kind: Kind; checked: boolean; onKind(kind: Kind): void; icon: ReactNode; title: string; body: string; children?: ReactNode }) {
  return (
    <div className={props.checked ? 'choice choice--checked' : 'choice'}>
      <label className="choice__head">
        <input type="radio" name="first-run-folder" value={props.kind} checked={props.checked} onChange={() => props.onKind(props.kind)} />
        {props.icon}
        <span className="choice__title">{props.title}</span>
      </label>
      <p className="choice__body">{props.body}</p>
      {props.children}
    </div>
  );
}

/** Where the team's data lives: this computer for now (the default), or the team's shared folder. */
export function FolderChoice({ kind, path, onKind, onPath, pathError, pathRef }: FolderChoiceProps) {
  const { t } = useTranslation();
  const embeddedDir = useAppInfo((s) => s.info?.embeddedSharedDir ?? '');
  return (
    <fieldset className="choices">
      <legend className="form__legend">{t('firstRun.folderLegend')}</legend>
      <Option kind="embedded" checked={kind === 'embedded'} onKind={onKind} icon={<ComputerIcon />}
        title={t('firstRun.embeddedTitle')} body={t('firstRun.embeddedBody')}>
        <p className="path">{embeddedDir}</p>
      </Option>
      <Option kind="path" checked={kind === 'path'} onKind={onKind} icon={<FolderIcon />}
        title={t('firstRun.sharedTitle')} body={t('firstRun.sharedBody')}>
        {kind === 'path' && (
          <FolderPathInput id="first-run-path" value={path} onChange={onPath} error={pathError} inputRef={pathRef} />
        )}
      </Option>
    </fieldset>
  );
}
