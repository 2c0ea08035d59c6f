import { create } from 'zustand';
import { registeredScreens, type ScreenEntry } from './registry';

interface Address {
  readonly requested: string | null;
  /** A thing on the screen to open (a note, a prize request, an SOP), from `#/<screen>/<item>`. */
  readonly place: { screen: string; item: string } | null;
}

function addressOfHash(): Address {
  const match = /^#\/([\w-]+)(?:\/(.+))?$/.exec(location.hash);
  if (!match) return { requested: null, place: null };
  const screen = match[1]!;
  const item = match[2];
  let decoded: string | null = null;
  try {
    decoded = item === undefined ? null : decodeURIComponent(item);
  } catch {
    // A mangled address opens the screen plain.
  }
  return { requested: screen, place: decoded === null ? null : { screen, item: decoded } };
}

/**
 * The address is the hash (#/settings, #/prizes/<request id>): nav items are plain links, so
 * Enter, middle-click, back and reload all behave as people expect, and this store only mirrors it.
 * `place` is the thing on a screen the address names, set by a link or `openPlace`.
 */
export const useNav = create<Address>()(() => addressOfHash());

window.addEventListener('hashchange', () => useNav.setState(addressOfHash()));

/** The address of a screen, or of one thing on it. */
export const hrefOf = (id: string, item?: string): string => (item === undefined ? `#/${id}` : `#/${id}/${encodeURIComponent(item)}`);

/**
 * Opens a screen, at one of its things when `item` is given: the screen reads it with `usePlaceItem`
 * and lets go of it with `takeItem`, so that coming back through the sidebar opens it plain.
 */
export function openPlace(screen: string, item?: string): void {
  const href = hrefOf(screen, item);
  if (location.hash === href) useNav.setState({ requested: screen, place: item === undefined ? null : { screen, item } });
  else location.hash = href;
}

/** The thing `screen` was opened at, if any. */
export const usePlaceItem = (screen: string): string | null => useNav((s) => (s.place?.screen === screen ? s.place.item : null));

/** The screen is done with the thing it was opened at: the address becomes the screen's own (no new history entry). */
export function takeItem(): void {
  const { place } = useNav.getState();
  if (place === null) return;
  history.replaceState(history.state, '', hrefOf(place.screen));
  useNav.setState({ place: null });
}

/** The screen to show: the one asked for if it exists, else home. */
export function useCurrentScreen(): ScreenEntry {
  const requested = useNav((s) => s.requested);
  const screens = registeredScreens();
  const found = screens.find((s) => s.id === requested) ?? screens[0];
  if (!found) throw new Error('no screen is registered');
  return found;
}
