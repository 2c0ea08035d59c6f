import { create } from 'zustand';
import { registeredScreens, type ScreenEntry } from './registry';

const idFromHash = (): string | null => /^#\/([\w-]+)$/.exec(location.hash)?.[1] ?? null;

/**
 * The address is the hash (#/settings): nav items are plain links, so Enter, middle-click, back
 * and reload all behave as people expect, and this store only mirrors it.
 */
export const useNav = create<{ requested: string | null }>()(() => ({ requested: idFromHash() }));

window.addEventListener('hashchange', () => useNav.setState({ requested: idFromHash() }));

export const hrefOf = (id: string): string => `#/${id}`;

/** The screen to show: the one asked for if it exists, else home. */
export function useCurrentScreen(): ScreenEntry {
  const requested = useNav((s) => s.requested);
  const screens = registeredScreens();
  const found = screens.find((s) => s.id === requested) ?? screens[0];
  if (!found) throw new Error('no screen is registered');
  return found;
}
