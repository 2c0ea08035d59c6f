import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../shared/api/result';
import type { TeamView } from '../../shared/api/team-schemas';
import { describeError } from '../app/errors/describe-error';
import { Field } from '../app/ui/Field';
import { baton } from '../bridge/baton';
import { applyTeamResult } from './team-store';

/** My display name in the team: an op of mine (member.profileSet), saved on Enter or blur like Settings. */
export function MyNameCard({ view }: { view: TeamView }) {
  const { t } = useTranslation();
  const saved = view.me.displayName;
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const approved = view.me.status === 'approved';

  const commit = async () => {
    if (draft === null || draft.trim() === saved) return setDraft(null);
    const result = applyTeamResult(await baton.setMyDisplayName({ displayName: draft.trim() }));
    setError(result.ok ? null : result.error);
    if (result.ok) setDraft(null);
  };

  return (
    <section className="card" aria-labelledby="team-me-title">
      <h2 className="card__title" id="team-me-title">{t('team.me.title')}</h2>
      <div className="card__body">
        <Field id="team-my-name" label={t('team.me.label')} hint={approved ? t('team.me.hint') : t('team.me.waiting')}
          error={error ? describeError(error, t).summary : undefined}>
          {(control) => (
            <input {...control} className="input input--medium" type="text" disabled={!approved}
              value={draft ?? saved} onChange={(event) => setDraft(event.target.value)} onBlur={() => void commit()}
              onKeyDown={(event) => {
                if (event.key === 'Enter') void commit();
                if (event.key === 'Escape') setDraft(null);
              }} />
          )}
        </Field>
      </div>
    </section>
  );
}
