import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentScreen } from '../nav/nav-store';
import { registeredFrameNotices, registeredTopbarItems } from '../nav/registry';
import { Person } from './Person';
import { Sidebar } from './Sidebar';
import './frame.css';

/** Sidebar, header with today and the person, and the current screen under its heading. */
export function Frame() {
  const { t } = useTranslation();
  const screen = useCurrentScreen();
  const mainRef = useRef<HTMLElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const shownId = useRef(screen.id);

  // After moving to another screen, reading and typing start at its heading, not the old link.
  useEffect(() => {
    if (shownId.current === screen.id) return;
    shownId.current = screen.id;
    headingRef.current?.focus();
  }, [screen.id]);

  const { Screen } = screen;
  return (
    <div className="frame">
      <a
        className="skip-link"
        href="#main"
        // The hash is the address of a screen, so the skip link moves focus itself.
        onClick={(event) => {
          event.preventDefault();
          mainRef.current?.focus();
        }}
      >
        {t('app.skipToContent')}
      </a>
      <Sidebar />
      <div className="workspace">
        <header className="topbar">
          {registeredTopbarItems().map((Item, index) => (
            <Item key={index} />
          ))}
          <Person />
        </header>
        <main id="main" className="main" ref={mainRef} tabIndex={-1}>
          <div className="screen">
            <div className="screen__head">
              <h1 className="screen__title" ref={headingRef} tabIndex={-1}>
                {t(screen.title)}
              </h1>
              <p className="screen__description">{t(screen.description)}</p>
            </div>
            {registeredFrameNotices().map((Notice, index) => (
              <Notice key={index} />
            ))}
            <Screen />
          </div>
        </main>
      </div>
    </div>
  );
}
