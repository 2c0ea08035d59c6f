import { mkdir, stat } from 'node:fs/promises';
import { teamFolderLayout } from './layout';

/**
 * Makes a folder inside the team folder, only while the team folder is really there. A share
 * that vanished between the probe and the write must not be re-created as an empty local folder
 * (it would look like a team that lost every segment): the missing team.json throws ENOENT,
 * which callers already treat as "unavailable".
 */
export async function mkdirInTeamFolder(sharedDir: string, dir: string): Promise<void> {
  await stat(teamFolderLayout(sharedDir).teamFile);
  await mkdir(dir, { recursive: true });
}
