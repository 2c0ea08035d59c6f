import { mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { teamFileText, type TeamFile } from '../../../shared/sync/team-files';
import { writeFileAtomicSync } from './durable-fs';
import { parseTeamFile } from './folder-probe';

/**
 * The team.json this computer first accepted for a team, kept in the profile. team.json sits in a
 * folder anyone with access can write to: a later one with the same team id but another root of
 * trust is refused rather than believed.
 */
export function pinnedTeam(file: string): TeamFile | null {
  try {
    const parsed = parseTeamFile(readFileSync(file));
    return parsed.ok ? parsed.value : null;
  } catch {
    return null;
  }
}

export function pinTeam(file: string, team: TeamFile): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileAtomicSync(file, teamFileText(team));
}

/** Same team, same root of trust (keys compared without whitespace: Windows adds "\r"). */
export function sameRoot(a: TeamFile, b: TeamFile): boolean {
  const key = (pem: string) => pem.replace(/\s+/g, '');
  return a.teamId === b.teamId && a.rootDeviceId === b.rootDeviceId && key(a.rootPublicKey) === key(b.rootPublicKey);
}
