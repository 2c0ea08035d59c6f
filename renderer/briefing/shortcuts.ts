import { HISTORY_PLACE, WRITE_PLACE } from '../../shared/briefing/types';
import { openPlace } from '../app/nav/nav-store';

/** The keys for the moments of a shift; each line of the help overlay is one of these. */
export const SHORTCUTS = [
  { key: 'n', action: 'newHandover' },
  { key: '/', action: 'search' },
  { key: 'a', action: 'acknowledge' },
  { key: 'j', action: 'next' },
  { key: 'k', action: 'previous' },
  { key: '?', action: 'help' },
] as const;
export type ShortcutAction = (typeof SHORTCUTS)[number]['action'];

/** Typing in a field (or with a modifier held) is typing, never a shortcut. */
export function isTyping(event: KeyboardEvent): boolean {
  const target = event.target as HTMLElement | null;
  if (event.ctrlKey || event.metaKey || event.altKey) return true;
  return target !== null && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/** Moves focus to the next (or previous) item of the briefing, wrapping round. */
function step(direction: 1 | -1): void {
  const items = [...document.querySelectorAll<HTMLElement>('[data-briefing-item]')];
  if (items.length === 0) return;
  const at = items.indexOf(document.activeElement as HTMLElement);
  const next = at === -1 ? (direction === 1 ? 0 : items.length - 1) : (at + direction + items.length) % items.length;
  items[next]!.focus();
}

/** Does what a shortcut says on the screen as it is; false when there is nothing to do. */
export function runShortcut(action: Exclude<ShortcutAction, 'help'>): boolean {
  switch (action) {
    case 'newHandover':
      openPlace('handover', WRITE_PLACE);
      return true;
    case 'search': {
      const field = document.querySelector<HTMLInputElement>('input[type="search"]');
      if (field) field.focus();
      else openPlace('handover', HISTORY_PLACE);
      return true;
    }
    case 'acknowledge': {
      const button = document.querySelector<HTMLButtonElement>('[data-briefing-acknowledge]');
      button?.click();
      return button !== null;
    }
    case 'next':
      step(1);
      return true;
    case 'previous':
      step(-1);
      return true;
  }
}
