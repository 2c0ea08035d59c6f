import { useTranslation } from 'react-i18next';
import { useSampleTeam } from './use-sample-team';
import './sample-team.css';

/** The first run's third way, beside creating and joining a team: a living sample team to try. */
export function SampleTry() {
  const { t } = useTranslation();
  const { busy, open } = useSampleTeam();
  return (
    <section className="inset sample-try" aria-labelledby="sample-try-title">
      <h2 id="sample-try-title" className="sample-try__title">{t('sampleTeam.tryTitle')}</h2>
      <p>{t('sampleTeam.tryBody')}</p>
      <div>
        <button type="button" className="button" disabled={busy} onClick={() => void open()}>
          {busy ? t('sampleTeam.trying') : t('sampleTeam.try')}
        </button>
      </div>
    </section>
  );
}
