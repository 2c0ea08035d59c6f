import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { appSyncConfig } from '../services/sync/app-sync-config';
import { runTeamDoctor } from '../services/team/team-doctor';
import { exportCommand, exportUsage } from './export';
import { teamCommand, teamUsage } from './team';

/**
 * `npm run --silent baton -- <command>`. stdout carries exactly one JSON object (tools parse it),
 * or for `team create` just the team id; messages for people go to stderr.
 */
const usage = `usage: baton doctor --shared <dir> [--team-code <code>]\n${exportUsage}\n${teamUsage}`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'team') return teamCommand(rest);
  if (command === 'export') return exportCommand(rest);
  if (command !== 'doctor') {
    process.stderr.write(`${command ? `unknown command: ${command}\n` : ''}${usage}\n`);
    return 2;
  }
  const { values } = parseArgs({ args: rest, options: { shared: { type: 'string' }, 'team-code': { type: 'string' } }, strict: true });
  if (!values.shared) {
    process.stderr.write(`--shared is required\n${usage}\n`);
    return 2;
  }
  // Files set aside and ops the trust layer refused, each with its reason.
  const teamCode = values['team-code'];
  const report = await runTeamDoctor(resolve(values.shared), appSyncConfig(), teamCode === undefined ? {} : { teamCode });
  process.stdout.write(`${JSON.stringify(report)}\n`);
  // For people: a root of trust the folder's history contradicts is said in words, not only in the JSON.
  for (const finding of report.rootOfTrust?.findings ?? []) process.stderr.write(`baton doctor: ${finding.detail}\n`);
  // An unavailable folder is a finding, not a failure of the doctor.
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`baton: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
