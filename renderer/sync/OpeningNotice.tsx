import { ProgressBar } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { OpeningPhase, SyncOpening } from '../../shared/sync/status';
import type { MessageKey } from '../i18n/resources';
import { useLanguage } from '../i18n/use-language';
import { useSync, useSyncFeed } from './sync-store';

const phaseMessages: Record<OpeningPhase, MessageKey> = {
  folder: 'sync.opening.folder',
  snapshot: 'sync.opening.snapshot',
  segments: 'sync.opening.segments',
};

/** The share of the phase done, 0–100; null while its size is not known. */
export function openingPercent(opening: SyncOpening): number | null {
  return opening.total > 0 ? Math.min(100, Math.floor((100 * opening.done) / opening.total)) : null;
}

/**
 * Above every screen (the briefing first) while the services are still opening the team's data:
 * what is shown is what has been read so far, and how far the reading is. Gone once it is done;
 * the screens then refresh by themselves (the services tell them the data changed).
 */
export function OpeningNotice() {
  const { t } = useTranslation();
  const language = useLanguage();
  useSyncFeed();
  const opening = useSync((s) => s.status?.opening ?? null);
  if (!opening) return null;
  const percent = openingPercent(opening);
  const title = t(phaseMessages[opening.phase]);
  const shown = percent === null ? '' : new Intl.NumberFormat(language, { style: 'percent' }).format(percent / 100);
  return (
    <aside className="alert sync-opening" aria-labelledby="sync-opening-title">
      <div className="sync-opening__text">
        <p id="sync-opening-title" className="sync-opening__title">
          {title}
          {shown && <span className="sync-opening__percent"> {shown}</span>}
        </p>
        <p>{t('sync.opening.body')}</p>
        <ProgressBar
          className="sync-opening__bar"
          aria-label={title}
          isIndeterminate={percent === null}
          {...(percent === null ? {} : { value: percent })}
        >
          <div className="sync-opening__track">
            <div className="sync-opening__fill" style={{ width: percent === null ? undefined : `${percent}%` }} />
          </div>
        </ProgressBar>
      </div>
    </aside>
  );
}
