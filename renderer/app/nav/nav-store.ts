import { create } from 'zustand';
import { registeredScreens, type ScreenEntry } from './registry';

const idFromHash = (): string | null => /^#\/([\w-]+)$/.exec(location.hash)?.[1] ?? null;

/**
 * The address is the hash (#/settings): nav items are plain links, so Enter, middle-click, back
 * and reload all behave as people expect, and this store only mirrors it. `place` is a thing on a
 * screen to open (a note, a follow-up), set by `openPlace`.
 */
export const useNav = create<{ requested: string | null; place: { screen: string; item: string } | null }>()(() => ({ requested: idFromHash(), place: null }));

window.addEventListener('hashchange', () => useNav.setState({ requested: idFromHash() }));

export const hrefOf = (id: string): string => `#/${id}`;

/**
 * Opens a screen, at one of its things when `item` is given: the screen reads it with `usePlaceItem`
 * and lets go of it with `takeItem`, so that coming back through the sidebar opens it plain.
 */
export function openPlace(screen: string, item?: string): void {
  useNav.setState({ place: item === undefined ? null : { screen, item } });
  if (location.hash === hrefOf(screen)) useNav.setState({ requested: screen });
  else location.hash = hrefOf(screen);
}

/** The thing `screen` was opened at, if any. */
export const usePlaceItem = (screen: string): string | null => useNav((s) => (s.place?.screen === screen ? s.place.item : null));

/** The screen is done with the thing it was opened at. */
export function takeItem(): void {
  if (useNav.getState().place !== null) useNav.setState({ place: null });
}

/** The screen to show: the one asked for if it exists, else home. */
export function useCurrentScreen(): ScreenEntry {
  const requested = useNav((s) => s.requested);
  const screens = registeredScreens();
  const found = screens.find((s) => s.id === requested) ?? screens[0];
  if (!found) throw new Error('no screen is registered');
  return found;
}
