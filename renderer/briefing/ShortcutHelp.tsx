import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageKey } from '../i18n/resources';
import { SHORTCUTS, isTyping, runShortcut } from './shortcuts';

/**
 * The moments' keys, on every screen, and the help overlay that lists them (?). Renders nothing
 * until the overlay is asked for; Escape or the button closes it and focus goes back where it was.
 */
export function ShortcutHelp() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isTyping(event)) return;
      const shortcut = SHORTCUTS.find((item) => item.key === event.key);
      if (!shortcut) return;
      event.preventDefault();
      if (shortcut.action === 'help') setOpen(true);
      else runShortcut(shortcut.action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    if (open && dialog.current && !dialog.current.open) dialog.current.showModal();
  }, [open]);

  if (!open) return null;
  return (
    <dialog ref={dialog} className="shortcut-help" aria-labelledby="shortcut-help-title" onClose={() => setOpen(false)}>
      <h2 id="shortcut-help-title">{t('briefing.shortcuts.title')}</h2>
      <dl className="shortcut-help__list">
        {SHORTCUTS.map(({ key, action }) => (
          <div key={key} className="shortcut-help__row">
            <dt>
              <kbd>{key}</kbd>
            </dt>
            <dd>{t(`briefing.shortcuts.${action}` as MessageKey)}</dd>
          </div>
        ))}
      </dl>
      <button type="button" className="button" onClick={() => dialog.current?.close()}>
        {t('briefing.shortcuts.close')}
      </button>
    </dialog>
  );
}
