import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { exportSops } from '../services/sop/sop-export';
import { appSyncConfig } from '../services/sync/app-sync-config';

export const sopUsage = 'usage: baton sop export --shared <dir> --out <dir>';

/** `baton sop export`: one JSON line on stdout with the files written (or why the folder could not be read). */
export async function sopCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'export') {
    process.stderr.write(`${sub ? `unknown sop command: ${sub}\n` : ''}${sopUsage}\n`);
    return 2;
  }
  const { values } = parseArgs({ args: rest, options: { shared: { type: 'string' }, out: { type: 'string' } }, strict: true });
  if (!values.shared || !values.out) {
    process.stderr.write(`--shared and --out are required\n${sopUsage}\n`);
    return 2;
  }
  const report = await exportSops(resolve(values.shared), resolve(values.out), appSyncConfig());
  process.stdout.write(`${JSON.stringify(report)}\n`);
  return report.available ? 0 : 1;
}
