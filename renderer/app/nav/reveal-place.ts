import { useEffect, useRef } from 'react';
import { takeItem, usePlaceItem } from './nav-store';

/**
 * A screen opened at one of its things (`#/rota/<cover id>`): `open` brings the screen to the
 * view holding it (a tab, a page), then the element marked `data-place="<item>"` is scrolled to,
 * focused and marked as soon as the screen draws it (its data may arrive after the first render).
 */
export function useRevealPlace(screen: string, open: (item: string) => void): void {
  const item = usePlaceItem(screen);
  const target = useRef<string | null>(null);
  useEffect(() => {
    if (item === null) return;
    target.current = item;
    takeItem();
    open(item);
    // `open` is a store action: only a new item opens anything.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [item]);
  useEffect(() => {
    if (target.current === null) return;
    const element = document.querySelector<HTMLElement>(`[data-place="${CSS.escape(target.current)}"]`);
    if (!element) return;
    target.current = null;
    for (const marked of document.querySelectorAll('[data-place-target]')) marked.removeAttribute('data-place-target');
    element.setAttribute('data-place-target', '');
    element.tabIndex = -1;
    element.focus({ preventScroll: true });
    element.scrollIntoView({ block: 'center' });
  });
}
