import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { dateInZone } from '../../../shared/team-settings';
import { rosterAuthors, rosterMembers, rotaDateSchema, rotaWorldOf } from '../../../shared/rota';
import type { AppSyncConfig } from '../sync/app-sync-config';
import { foldFolder } from '../sync/folder-fold';
import { nodeCrypto } from '../sync/node-crypto';
import { nodeReaderFs } from '../sync/reader-fs';
import { tapTrust } from '../team/trust-tap';
import { rotaCsv, rotaIcs } from './calendar-export';
import { foldedQualifies } from './sop-qualifies';

export const rotaUsage = 'usage: baton rota export --shared <dir> --format ics|csv [--member <name>] [--from <yyyy-MM-dd> --to <yyyy-MM-dd>]';

/** A usage mistake: the message goes to stderr with the usage, exit code 2. */
export class RotaUsageError extends Error {}

/**
 * `baton rota export`: the published rota read from the shared folder (read only, as `doctor`
 * reads it) as iCalendar or CSV on stdout. Default range: the current month in the team's zone.
 */
export async function rotaExport(args: string[], config: AppSyncConfig, now = Date.now()): Promise<string> {
  const { values } = parseArgs({
    args,
    options: { shared: { type: 'string' }, format: { type: 'string' }, member: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' } },
    strict: true,
  });
  if (!values.shared) throw new RotaUsageError('--shared is required');
  if (values.format !== 'ics' && values.format !== 'csv') throw new RotaUsageError('--format must be ics or csv');
  for (const date of [values.from, values.to]) {
    if (date !== undefined && !rotaDateSchema.safeParse(date).success) throw new RotaUsageError(`not a date in 2000–2099 (yyyy-MM-dd): ${date}`);
  }
  const tap = config.trust ? tapTrust(config.trust) : null;
  const folded = await foldFolder(resolve(values.shared), tap ? { ...config, trust: tap.source } : config, nodeReaderFs, nodeCrypto);
  if (!folded.available) throw new Error(`the shared folder cannot be read: ${folded.detail || folded.reason}`);
  const roster = tap?.latest()?.roster;
  if (!roster) throw new Error('the shared folder has no team roster');
  const world = rotaWorldOf(folded.fold.state, { members: rosterMembers(roster), authorOf: rosterAuthors(roster) }, foldedQualifies(folded.fold.state, roster));
  const month = dateInZone(now, world.settings.timeZone).slice(0, 7);
  const from = values.from ?? `${month}-01`;
  const to = values.to ?? new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).toISOString().slice(0, 10);
  if (from > to) throw new RotaUsageError('--from is after --to');
  let memberId: string | undefined;
  if (values.member !== undefined) {
    const found = world.members.filter((member) => member.name === values.member || member.memberId === values.member);
    if (found.length !== 1) throw new RotaUsageError(found.length === 0 ? `no member named "${values.member}"` : `two members are named "${values.member}": give the member id`);
    memberId = found[0]!.memberId;
  }
  const range = { from, to, memberId };
  return values.format === 'ics' ? rotaIcs(world, range, now) : `${rotaCsv(world, range)}\r\n`;
}
