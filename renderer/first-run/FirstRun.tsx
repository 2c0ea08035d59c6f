import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../shared/api/result';
import type { SharedFolderChoice } from '../../shared/settings/schema';
import { TEAM_CODE_MISMATCH } from '../../shared/team/team-code';
import { baton } from '../bridge/baton';
import { describeError } from '../app/errors/describe-error';
import { reportError } from '../app/errors/report-error';
import { notify } from '../app/notices/notices-store';
import { settingsFromService, useSettings } from '../app/stores/settings-store';
import { Field } from '../app/ui/Field';
import { Brand } from '../app/ui/Brand';
import { FolderChoice } from './FolderChoice';
import { LanguageSwitch } from './LanguageSwitch';
import { TeamChoice } from './TeamChoice';
import { useFolderTeam } from './use-folder-team';
import { SampleTry } from '../sample-team/SampleTry';
import './first-run.css';

/**
 * The first screen on a new computer: what Baton is, who I am, where the team's data lives. The
 * choice starts on whatever the service already holds: this computer's own folder unless a shared
 * folder was named when Baton was started.
 */
export function FirstRun() {
  const { t } = useTranslation();
  const initial = useSettings((s) => s.settings?.sharedFolder ?? { kind: 'embedded' as const });
  const [name, setName] = useState('');
  const [kind, setKind] = useState<SharedFolderChoice['kind']>(initial.kind);
  const [path, setPath] = useState(initial.kind === 'path' ? initial.path : '');
  // The refusal itself, described at render, so a language switch re-words it.
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const errors = refusal ? describeError(refusal, t).fields : {};
  const [busy, setBusy] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);
  const pathRef = useRef<HTMLInputElement>(null);
  const teamNameRef = useRef<HTMLInputElement>(null);
  const teamCodeRef = useRef<HTMLInputElement>(null);
  // Joining: the code an admin gave; a mismatch is worded here (the service's issue names the field).
  const [teamCode, setTeamCode] = useState('');
  const codeMismatch = refusal?.issues?.some((issue) => issue.path === 'teamCode' && issue.message === TEAM_CODE_MISMATCH) ?? false;
  // A shared folder either holds a team (ask to join it) or not (create one, named here).
  const [teamName, setTeamName] = useState('');
  const folder = useFolderTeam(kind === 'path' && path.trim() ? path.trim() : null);
  // An empty or unusable path goes the old way, where the service says what is wrong with it.
  const action = kind !== 'path' || !path.trim() || folder?.state === 'unavailable' ? 'start'
    : folder?.state === 'has-team' ? 'join'
    // No team yet: a name creates one here; left empty, the folder waits for a colleague's team.
    : folder?.state === 'no-team' ? (teamName.trim() ? 'create' : 'start') : 'wait';

  const finish = (memberName: string, sharedFolder: SharedFolderChoice) => {
    if (action === 'join') return baton.joinTeam({ memberName, path: path.trim(), teamCode });
    if (action === 'create') return baton.createTeam({ memberName, teamName, path: path.trim() });
    return baton.completeFirstRun({ memberName, sharedFolder });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const sharedFolder: SharedFolderChoice = kind === 'embedded' ? { kind } : { kind, path };
    // Shown unless a push meanwhile (a language chosen in another window) is newer.
    const result = await settingsFromService(() => finish(name, sharedFolder));
    setBusy(false);
    if (result.ok) {
      notify('success', (t) => t(action === 'join' ? 'team.firstRun.joined' : action === 'create' ? 'team.firstRun.created' : 'firstRun.done'));
      return;
    }
    const readable = describeError(result.error, t);
    setRefusal(result.error);
    if (readable.fields.memberName) nameRef.current?.focus();
    else if (readable.fields.teamName) teamNameRef.current?.focus();
    else if (readable.fields.teamCode) teamCodeRef.current?.focus();
    else if (readable.fields['sharedFolder.path'] || readable.fields.path) pathRef.current?.focus();
    else reportError(result.error);
  };

  return (
    <main className="first-run">
      <div className="first-run__hero">
        <Brand />
        <div className="first-run__welcome">
          <h1 className="first-run__title">{t('firstRun.title')}</h1>
          <p>{t('firstRun.intro')}</p>
          <p>{t('firstRun.folderIntro')}</p>
        </div>
      </div>
      <div className="first-run__side">
        <div className="first-run__toolbar">
          <LanguageSwitch />
        </div>
        <form className="first-run__form" onSubmit={(event) => void submit(event)} noValidate>
          <Field id="first-run-name" label={t('firstRun.nameLabel')} hint={t('firstRun.nameHint')} error={errors.memberName}>
            {(control) => (
              <input {...control} ref={nameRef} className="input" type="text" value={name} autoComplete="name"
                autoFocus onChange={(event) => setName(event.target.value)} />
            )}
          </Field>
          <FolderChoice kind={kind} path={path} onKind={setKind} onPath={setPath}
            pathError={errors['sharedFolder.path'] ?? errors.path} pathRef={pathRef} />
          {kind === 'path' && path.trim() && (
            <TeamChoice folder={folder} teamName={teamName} onTeamName={setTeamName} error={errors.teamName} inputRef={teamNameRef}
              teamCode={teamCode} onTeamCode={setTeamCode} codeRef={teamCodeRef}
              codeError={codeMismatch ? t('team.firstRun.teamCodeMismatch') : errors.teamCode} />
          )}
          <div className="first-run__actions">
            <button type="submit" className="button button--primary button--large" disabled={busy || action === 'wait'}>
              {busy ? t('firstRun.submitting') : action === 'create' ? t('team.firstRun.create') : t('firstRun.submit')}
            </button>
          </div>
        </form>
        <SampleTry />
      </div>
    </main>
  );
}
