import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../shared/api/result';
import type { SharedFolderChoice } from '../../shared/settings/schema';
import { baton } from '../bridge/baton';
import { describeError } from '../app/errors/describe-error';
import { reportError } from '../app/errors/report-error';
import { notify } from '../app/notices/notices-store';
import { useSettings } from '../app/stores/settings-store';
import { Field } from '../app/ui/Field';
import { Brand } from '../app/ui/Brand';
import { FolderChoice } from './FolderChoice';
import { LanguageSwitch } from './LanguageSwitch';
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

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const sharedFolder: SharedFolderChoice = kind === 'embedded' ? { kind } : { kind, path };
    const result = await baton.completeFirstRun({ memberName: name, sharedFolder });
    setBusy(false);
    if (result.ok) {
      useSettings.getState().apply(result.value);
      notify('success', (t) => t('firstRun.done'));
      return;
    }
    const readable = describeError(result.error, t);
    setRefusal(result.error);
    if (readable.fields.memberName) nameRef.current?.focus();
    else if (readable.fields['sharedFolder.path']) pathRef.current?.focus();
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
            pathError={errors['sharedFolder.path']} pathRef={pathRef} />
          <div className="first-run__actions">
            <button type="submit" className="button button--primary button--large" disabled={busy}>
              {busy ? t('firstRun.submitting') : t('firstRun.submit')}
            </button>
          </div>
        </form>
      </div>
    </main>
  );
}
