import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { FolderTeam } from '../../shared/api/team-schemas';
import { Field } from '../app/ui/Field';

interface TeamChoiceProps {
  folder: FolderTeam | null;
  teamName: string;
  onTeamName(name: string): void;
  error?: string | undefined;
  inputRef?: Ref<HTMLInputElement>;
  /** Joining: the team code an admin gave, checked against the folder's team.json by the service. */
  teamCode: string;
  onTeamCode(code: string): void;
  codeError?: string | undefined;
  codeRef?: Ref<HTMLInputElement>;
}

/** Under a chosen shared folder: the team it holds (join it, with its team code) or a name for a new one (create). */
export function TeamChoice({ folder, teamName, onTeamName, error, inputRef, teamCode, onTeamCode, codeError, codeRef }: TeamChoiceProps) {
  const { t } = useTranslation();
  if (!folder) return <p className="first-run__team-note" role="status">{t('team.firstRun.checking')}</p>;
  if (folder.state === 'has-team') {
    return (
      <div className="first-run__team">
        <p className="first-run__team-note" role="status">{t('team.firstRun.hasTeam', { team: folder.team?.name ?? '' })}</p>
        <Field id="first-run-team-code" label={t('team.firstRun.teamCode')} hint={t('team.firstRun.teamCodeHint')} error={codeError}>
          {(control) => (
            <input {...control} ref={codeRef} className="input first-run__team-code" type="text" value={teamCode}
              autoComplete="off" spellCheck={false} autoCapitalize="characters" onChange={(event) => onTeamCode(event.target.value)} />
          )}
        </Field>
      </div>
    );
  }
  if (folder.state === 'unavailable') {
    return <p className="first-run__team-note first-run__team-note--problem" role="status">{t('team.firstRun.unavailable', { detail: folder.detail })}</p>;
  }
  return (
    <div className="first-run__team">
      <p className="first-run__team-note" role="status">{t('team.firstRun.noTeam')}</p>
      <Field id="first-run-team-name" label={t('team.firstRun.teamName')} hint={t('team.firstRun.teamNameHint')} error={error}>
        {(control) => (
          <input {...control} ref={inputRef} className="input" type="text" value={teamName} onChange={(event) => onTeamName(event.target.value)} />
        )}
      </Field>
    </div>
  );
}
