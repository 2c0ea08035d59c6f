import { useTranslation } from 'react-i18next';
import { hrefOf } from '../nav/nav-store';
import { useSettings } from '../stores/settings-store';
import { badgeOf } from './badge';

/** Who is using this computer; it links to Settings, where the name is changed. */
export function Person() {
  const { t } = useTranslation();
  const name = useSettings((s) => s.settings?.memberName ?? '');
  return (
    <a className="person" href={hrefOf('settings')}>
      <span className="person__badge" aria-hidden="true">
        {badgeOf(name)}
      </span>
      <span className="person__text">
        <span className="person__caption">{t('frame.you')}</span>
        <span className="person__name">{name}</span>
      </span>
      <span className="sr-only">{t('frame.changeName')}</span>
    </a>
  );
}
