import { useTranslation } from 'react-i18next';
import { Brand } from '../ui/Brand';
import { hrefOf, useCurrentScreen } from '../nav/nav-store';
import { registeredScreens, type ScreenEntry } from '../nav/registry';

function NavItem({ entry, current }: { entry: ScreenEntry; current: boolean }) {
  const { t } = useTranslation();
  const { icon: Icon, Status } = entry;
  return (
    <li>
      <a className="nav__item" href={hrefOf(entry.id)} aria-current={current ? 'page' : undefined}>
        <Icon />
        <span className="nav__label">{t(entry.title)}</span>
        {Status && <Status />}
      </a>
    </li>
  );
}

export function Sidebar() {
  const { t } = useTranslation();
  const current = useCurrentScreen();
  const screens = registeredScreens();
  const groups = (['work', 'system'] as const)
    .map((group) => screens.filter((s) => s.group === group))
    .filter((entries) => entries.length > 0);
  return (
    <aside className="sidebar">
      <Brand />
      <nav className="nav" aria-label={t('frame.nav')}>
        {groups.map((entries) => (
          <ul key={entries[0]!.group} className="nav__group">
            {entries.map((entry) => (
              <NavItem key={entry.id} entry={entry} current={entry.id === current.id} />
            ))}
          </ul>
        ))}
      </nav>
    </aside>
  );
}
