import { readdirSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { isBatonTempName } from '../durable-fs';
import type { ProfileLayout } from '../layout';

/** Removes temp files a crash left in the profile's sync folders (all of them are Baton's own). */
export function removeProfileTempFiles(profile: ProfileLayout): void {
  const dirs = [profile.root];
  for (const team of namesIn(profile.teamsDir)) {
    const layout = profile.team(team);
    dirs.push(layout.root, layout.cacheDir, layout.ownSegmentsDir);
  }
  for (const dir of dirs) {
    for (const name of namesIn(dir).filter(isBatonTempName)) {
      try {
        unlinkSync(join(dir, name));
      } catch {
        // Held by a virus scanner: the next start tries again.
      }
    }
  }
}

function namesIn(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
