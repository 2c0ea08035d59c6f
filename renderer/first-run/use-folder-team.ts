import { useEffect, useState } from 'react';
import type { FolderTeam } from '../../shared/api/team-schemas';
import { baton } from '../bridge/baton';

/** Waits for typing to pause before looking at the folder. */
const SETTLE_MS = 300;

/**
 * What the chosen shared folder holds: a team to join, none (create one), or nothing usable.
 * null while there is no path or the look is under way.
 */
export function useFolderTeam(path: string | null): FolderTeam | null {
  const [found, setFound] = useState<{ path: string; team: FolderTeam } | null>(null);
  useEffect(() => {
    if (!path) return;
    let current = true;
    const timer = setTimeout(() => {
      void baton.inspectFolder({ path }).then((result) => {
        if (current && result.ok) setFound({ path, team: result.value });
      });
    }, SETTLE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [path]);
  return path && found?.path === path ? found.team : null;
}
