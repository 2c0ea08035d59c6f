import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { version } from '../../package.json';
import { appSyncConfig } from '../services/sync/app-sync-config';
import { createTeamFromCli } from './create-team';
import { runTeamDoctor } from '../services/team/team-doctor';

export const teamUsage = [
  'usage: baton team create --shared <dir> --profile <dir> --team <name> --member <name>',
  '       baton team doctor --shared <dir>',
].join('\n');

/**
 * `baton team ...`. `create` prints only the team id on stdout (one line: tooling reads it);
 * `doctor` prints `baton doctor`'s JSON plus `setAsideOps`. Messages for people go to stderr.
 */
export async function teamCommand(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'create') {
    const { values } = parseArgs({
      args: rest,
      options: { shared: { type: 'string' }, profile: { type: 'string' }, team: { type: 'string' }, member: { type: 'string' } },
      strict: true,
    });
    const { shared, profile, team, member } = values;
    if (!shared || !profile || !team || !member) return fail('--shared, --profile, --team and --member are required');
    const teamId = await createTeamFromCli({ sharedDir: shared, profileDir: profile, teamName: team, memberName: member, appVersion: version });
    process.stdout.write(`${teamId}\n`);
    return 0;
  }
  if (sub === 'doctor') {
    const { values } = parseArgs({ args: rest, options: { shared: { type: 'string' } }, strict: true });
    if (!values.shared) return fail('--shared is required');
    process.stdout.write(`${JSON.stringify(await runTeamDoctor(resolve(values.shared), appSyncConfig()))}\n`);
    return 0;
  }
  return fail(sub ? `unknown team command: ${sub}` : 'which team command?');
}

function fail(message: string): number {
  process.stderr.write(`${message}\n${teamUsage}\n`);
  return 2;
}
