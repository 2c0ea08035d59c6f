import { ApiFailure } from '../../../shared/api/result';
import type { TeamFile } from '../../../shared/sync/team-files';
import { TEAM_CODE_MISMATCH, normalizeTeamCode, teamCode } from '../../../shared/team';
import { probeFolder } from '../sync/folder-probe';
import { profileLayout } from '../sync/layout';
import { nodeCrypto } from '../sync/node-crypto';
import { pinTeam, pinnedTeam, sameRoot } from '../sync/pinned-team';
import type { ReaderFs } from '../sync/reader-fs';

/** The team code of a team.json's root of trust, as admins read it out. */
export const codeOfTeam = (team: Pick<TeamFile, 'rootPublicKey'>): string => teamCode(team.rootPublicKey, nodeCrypto.sha256Hex);

const refuse = (message: string) => new ApiFailure('forbidden', message, [{ path: 'teamCode', message: TEAM_CODE_MISMATCH }]);

/**
 * Before joining: the folder's team.json is only a claim (anyone with access can replace it), so
 * its root key must match the team code an admin gave out of band. Returns the team.json checked.
 */
export async function teamMatchingCode(sharedDir: string, typed: string, fs: ReaderFs): Promise<TeamFile> {
  const probe = await probeFolder(sharedDir, fs);
  if (!probe.available) throw new ApiFailure('unavailable', `the folder cannot be used: ${probe.detail}`, [{ path: 'path', message: probe.detail }]);
  const code = normalizeTeamCode(typed);
  if (code === null) {
    throw new ApiFailure('invalid-input', 'a team code is 20 letters and digits, like 7KQ2M-XD4PA-9HT3B-WR6CE', [{ path: 'teamCode', message: TEAM_CODE_MISMATCH }]);
  }
  if (code !== codeOfTeam(probe.team)) {
    throw refuse("the team code does not match this folder's team: check it with an admin; if it is right, baton/team.json was replaced and this folder is not to be trusted");
  }
  return probe.team;
}

/**
 * Pins the team.json just checked, so that the sync service, which trusts the first team.json it
 * sees, sees this one: a file swapped between the check and the first poll is refused like any
 * later replacement. A team this computer already knows under another root is refused here too.
 */
export function pinCheckedTeam(profileDir: string, team: TeamFile): void {
  const file = profileLayout(profileDir).team(team.teamId).teamFile;
  const known = pinnedTeam(file);
  if (known && !sameRoot(known, team)) {
    throw refuse('this computer already knows this team with another root key: baton/team.json was replaced');
  }
  if (!known) pinTeam(file, team);
}
