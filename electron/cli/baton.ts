import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { appSyncConfig } from '../services/sync/app-sync-config';
import { exportPrizesCsv } from '../services/prizes/export-csv';
import { runTeamDoctor } from '../services/team/team-doctor';
import { RotaUsageError, rotaExport, rotaUsage } from '../services/rota/rota-export-cli';
import { sopCommand, sopUsage } from './sop';
import { exportCommand, exportUsage } from './export';
import { teamCommand, teamUsage } from './team';
import { sampleCommand, sampleUsage } from './sample';

/**
 * `npm run --silent baton -- <command>`. stdout carries exactly one JSON object (tools parse it), the calendar or CSV of `rota export`,
 * or for `team create` just the team id; messages for people go to stderr.
 */
const usage = `usage: baton doctor --shared <dir> [--team-code <code>]\n       baton prizes export --shared <dir> --format csv\n${exportUsage}\n${teamUsage}\n${rotaUsage}\n${sopUsage}\n${sampleUsage}`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'team') return teamCommand(rest);
  if (command === 'rota' && rest[0] === 'export') {
    try {
      // The calendar or the CSV itself is stdout, so that it can be piped into a file.
      process.stdout.write(await rotaExport(rest.slice(1), appSyncConfig()));
      return 0;
    } catch (error) {
      if (!(error instanceof RotaUsageError)) throw error;
      process.stderr.write(`${error.message}\n${rotaUsage}\n`);
      return 2;
    }
  }
  if (command === 'sop') return sopCommand(rest);
  if (command === 'prizes') return prizesCommand(rest);
  if (command === 'export') return exportCommand(rest);
  if (command === 'sample') return sampleCommand(rest);
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
  for (const file of report.restored) process.stderr.write(`baton doctor: ${file.path} was damaged in place (${file.detail}); its device put back its own copy at ${file.restoredAt}\n`);
  // An unavailable folder is a finding, not a failure of the doctor.
  return 0;
}

/** `prizes export`: the CSV on stdout (requests, lines, decisions, budget; never contact details). */
async function prizesCommand(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  const { values } = parseArgs({ args: rest, options: { shared: { type: 'string' }, format: { type: 'string' } }, strict: true });
  if (sub !== 'export' || !values.shared || values.format !== 'csv') {
    process.stderr.write(`${usage}\n`);
    return 2;
  }
  process.stdout.write(`${await exportPrizesCsv(resolve(values.shared), appSyncConfig())}\n`);
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
