import { useTranslation } from 'react-i18next';
import { useSettings } from '../app/stores/settings-store';
import { useSampleTeam } from './use-sample-team';
import './sample-team.css';

/** Above every screen while the sample team is open: that it is a sample, and how to start for real. */
export function SampleBanner() {
  const { t } = useTranslation();
  const sample = useSettings((s) => s.settings?.sample ?? null);
  const { busy, leave } = useSampleTeam();
  if (!sample) return null;
  return (
    <aside className="alert sample-banner" aria-labelledby="sample-banner-title">
      <div className="sample-banner__text">
        <p id="sample-banner-title" className="sample-banner__title">{t('sampleTeam.bannerTitle')}</p>
        <p>{t(sample.before.firstRunDone ? 'sampleTeam.bannerBack' : 'sampleTeam.bannerFirstRun')}</p>
      </div>
      <button type="button" className="button" disabled={busy} onClick={() => void leave()}>
        {busy ? t('sampleTeam.leaving') : t('sampleTeam.leave')}
      </button>
    </aside>
  );
}
