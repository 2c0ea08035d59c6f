import { addDaysToDate } from '../../../shared/team-settings';
import type { ExportFile } from '../../../shared/export';
import type { ReadonlySyncState } from '../../../shared/sync/trust-plug';
import type { Roster } from '../../../shared/team';
import { rosterAuthors, rosterMembers, rotaWorldOf } from '../../../shared/rota';
import { sop, sopDocs, sopTeamOf, type SopState } from '../../../shared/sop';
import { prizesCsv } from '../prizes/export-csv';
import { rotaCsv, rotaIcs } from '../rota/calendar-export';
import { sopExportFiles, type BlobReader } from '../sop/sop-export';

/**
 * The rota, the SOPs and the prize requests in the whole export, with the same writers as their
 * own `baton rota|sop|prizes export` commands. They are judged by the roster (who may publish,
 * decide, acknowledge), so without one (a folder with no team) they are left out.
 */

const BOM = '\uFEFF';

/** The published rota from its first published month to its last, as .ics and CSV. */
function rotaFiles(state: ReadonlySyncState, roster: Roster, now: number): ExportFile[] {
  const world = rotaWorldOf(state, { members: rosterMembers(roster), authorOf: rosterAuthors(roster) });
  const months = [...world.publications.keys()].sort();
  if (months.length === 0) return [];
  const last = months.at(-1)!;
  const range = { from: `${months[0]}-01`, to: addDaysToDate(`${addDaysToDate(`${last}-01`, 32).slice(0, 7)}-01`, -1) };
  return [
    { path: 'rota/rota.ics', content: rotaIcs(world, range, now), describe: { zh: `rota/rota.ics：${range.from} 至 ${range.to} 已发布的值班表（iCalendar，日历软件可导入）`, en: `rota/rota.ics: the published rota ${range.from} to ${range.to} (iCalendar, for any calendar app)` } },
    { path: 'rota/rota.csv', content: `${BOM}${rotaCsv(world, range)}\r\n`, describe: { zh: 'rota/rota.csv：同一份值班表，每个班次一行', en: 'rota/rota.csv: the same rota, one row per shift' } },
  ];
}

async function sopFiles(state: ReadonlySyncState, roster: Roster, readBlob: BlobReader): Promise<ExportFile[]> {
  const docs = sopDocs(state.list(sop).map((entry) => entry.state as SopState), sopTeamOf(roster));
  const { files } = await sopExportFiles(docs, readBlob);
  if (files.length === 0) return [];
  const [first, ...rest] = files.map((file) => ({ ...file, path: `sops/${file.path}` }));
  return [{ ...first!, describe: { zh: 'sops/：每份已发布的运营规范一个 Markdown 文件，元数据在文件头，图片在 sops/pictures/', en: 'sops/: each published SOP as Markdown, its metadata in front matter, its pictures in sops/pictures/' } }, ...rest];
}

function prizeFiles(state: ReadonlySyncState, roster: Roster, now: number): ExportFile[] {
  const csv = prizesCsv(state, roster, now);
  return [{ path: 'prizes.csv', content: `${BOM}${csv}\r\n`, describe: { zh: 'prizes.csv：奖品申请、奖品明细、审批记录和活动预算（record 列说明每行是哪一种；不含中奖者联系方式）', en: "prizes.csv: prize requests, their lines, decisions and campaign budgets (the record column says which; never winners' contacts)" } }];
}

/** `readBlob` reads the pictures the SOPs show from the shared folder. */
export async function capabilityExports(state: ReadonlySyncState, roster: Roster | null, now: number, readBlob: BlobReader): Promise<ExportFile[]> {
  if (!roster) return [];
  return [...rotaFiles(state, roster, now), ...(await sopFiles(state, roster, readBlob)), ...prizeFiles(state, roster, now)];
}
