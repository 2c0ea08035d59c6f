import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../shared/api/result';
import { describeError } from './errors/describe-error';
import { useBoot } from './stores/boot-store';
import { AlertIcon } from './ui/icons';
import './boot.css';

/** When the settings cannot be read there is nothing to show but why, and a way to try again. */
export function LoadFailed({ error }: { error: ApiError }) {
  const { t } = useTranslation();
  const retry = useBoot((s) => s.start);
  return (
    <div className="boot">
      <div className="boot__card" role="alert">
        <AlertIcon />
        <h1 className="boot__title">{t('app.loadFailed.title')}</h1>
        <p>{describeError(error, t).summary}</p>
        <p className="boot__hint">{t('app.loadFailed.hint')}</p>
        <button type="button" className="button button--primary" onClick={() => void retry()}>
          {t('app.loadFailed.retry')}
        </button>
      </div>
    </div>
  );
}
