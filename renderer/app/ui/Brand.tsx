import { useTranslation } from 'react-i18next';
import { BatonMark } from './icons';

/** The product's mark and both of its names, the UI language's first. */
export function Brand() {
  const { t } = useTranslation();
  return (
    <div className="brand">
      <BatonMark />
      <p className="brand__name">
        {t('app.name')}
        <span className="brand__latin">{t('app.latinName')}</span>
      </p>
    </div>
  );
}
