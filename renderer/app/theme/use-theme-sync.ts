import { useEffect } from 'react';
import { useSettings } from '../stores/settings-store';

/**
 * The stylesheet does the rest: `data-theme` pins `color-scheme`, and with 'system' the colours
 * follow prefers-color-scheme through light-dark().
 */
export function useThemeSync(): void {
  const theme = useSettings((s) => s.settings?.theme ?? 'system');
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
}
