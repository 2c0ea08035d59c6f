import { useTranslation } from 'react-i18next';
import './boot.css';

/** Usually gone before it is seen: the text fades in only if reading the settings takes a while. */
export function Loading() {
  const { t } = useTranslation();
  return (
    <div className="boot" role="status">
      <p className="boot__loading">{t('app.loading')}</p>
    </div>
  );
}
