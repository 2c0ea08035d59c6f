import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { exportFolder } from '../services/export/export-folder';

export const exportUsage = 'usage: baton export --shared <dir> --out <dir>';

/** `baton export`: reads the shared folder (never writes there) and writes everything readable to --out. */
export async function exportCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { shared: { type: 'string' }, out: { type: 'string' } }, strict: true });
  if (!values.shared || !values.out) {
    process.stderr.write(`--shared and --out are required\n${exportUsage}\n`);
    return 2;
  }
  const outcome = await exportFolder(resolve(values.shared), resolve(values.out), Date.now());
  if (!outcome.available) {
    process.stderr.write(`the shared folder cannot be read (${outcome.reason}): ${outcome.detail}\n`);
    return 1;
  }
  process.stdout.write(`${JSON.stringify({ out: resolve(values.out), files: outcome.files })}\n`);
  return 0;
}
