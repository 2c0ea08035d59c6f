import type { UnavailableReason } from '../../../shared/sync/status';
import { MAX_SMALL_FILE_BYTES, teamFileSchema, type TeamFile } from '../../../shared/sync/team-files';
import { teamFolderLayout } from './layout';
import { errorCode, type ReaderFs } from './reader-fs';

export type FolderProbe =
  | { readonly available: true; readonly team: TeamFile }
  | { readonly available: false; readonly reason: UnavailableReason; readonly detail: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Is the team folder there? Asked before every poll and flush: a share that dropped, an unmounted
 * drive (an empty mount point has no baton/team.json) and a folder without a team all read as
 * "unavailable", never as "everything was deleted".
 */
export async function probeFolder(sharedDir: string, fs: ReaderFs): Promise<FolderProbe> {
  try {
    const info = await fs.stat(sharedDir);
    if (!info.isDirectory) return unavailable('folder-missing', `${sharedDir} is not a folder`);
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR') return unavailable('folder-missing', `${sharedDir} does not exist`);
    return unavailable('unreadable', `${sharedDir}: ${code || String(error)}`);
  }
  const teamFile = teamFolderLayout(sharedDir).teamFile;
  let bytes: Uint8Array;
  try {
    const info = await fs.stat(teamFile);
    if (!info.isFile || info.size > MAX_SMALL_FILE_BYTES) return unavailable('no-team', 'baton/team.json is not a team file');
    bytes = await fs.readFile(teamFile);
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR') return unavailable('no-team', 'the folder has no baton/team.json');
    return unavailable('unreadable', `baton/team.json: ${code || String(error)}`);
  }
  const team = parseTeamFile(bytes);
  return team.ok ? { available: true, team: team.value } : unavailable('no-team', `baton/team.json: ${team.detail}`);
}

export function parseTeamFile(bytes: Uint8Array): { ok: true; value: TeamFile } | { ok: false; detail: string } {
  let json: unknown;
  try {
    json = JSON.parse(utf8.decode(bytes));
  } catch (error) {
    return { ok: false, detail: `not JSON (${(error as Error).message})` };
  }
  const parsed = teamFileSchema.safeParse(json);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, detail: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
}

function unavailable(reason: UnavailableReason, detail: string): FolderProbe {
  return { available: false, reason, detail };
}
