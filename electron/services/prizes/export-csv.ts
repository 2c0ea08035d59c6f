import Papa from 'papaparse';
import { campaignsOf, fenToYuanText, prizeViews, teamFactsOf } from '../../../shared/prizes';
import { rosterAuthors, rosterMembers, rotaWorldOf } from '../../../shared/rota';
import { isOnApprovedLeave } from '../../../shared/rota/queries';
import type { AppSyncConfig } from '../sync/app-sync-config';
import { foldFolder } from '../sync/folder-fold';
import { nodeCrypto } from '../sync/node-crypto';
import { nodeReaderFs } from '../sync/reader-fs';
import { tapTrust } from '../team/trust-tap';

/**
 * `baton prizes export --shared <dir> --format csv`: requests, their lines, decisions and budget
 * figures as one CSV (a `record` column says which), folded exactly as a device would. Never
 * contact details: not even the masked form.
 */
export async function exportPrizesCsv(sharedDir: string, config: AppSyncConfig, now = Date.now()): Promise<string> {
  const tap = config.trust ? tapTrust(config.trust) : null;
  const folded = await foldFolder(sharedDir, tap ? { ...config, trust: tap.source } : config, nodeReaderFs, nodeCrypto);
  if (!folded.available) throw new Error(`the shared folder cannot be read: ${folded.detail}`);
  const roster = tap?.latest()?.roster;
  if (!roster) throw new Error('the team folder has no roster to judge decisions by');
  const state = folded.fold.state;
  // Leave from the rota, as on every device: a delegate's decision counts here as it does there.
  const rota = rotaWorldOf(state, { members: rosterMembers(roster), authorOf: rosterAuthors(roster) });
  const views = prizeViews(state, { facts: teamFactsOf(roster), onLeave: (memberId, atMs) => isOnApprovedLeave(rota, memberId, atMs), now });
  const campaigns = new Map(campaignsOf(state).map((item) => [item.id, item]));
  const rows: Array<Record<string, string | number>> = [];
  for (const view of views) {
    const campaign = campaigns.get(view.submission?.campaignId ?? '');
    const base = { request: view.id, campaign: campaign?.name ?? '', status: view.status, requester: view.requester?.name ?? '' };
    rows.push({ record: 'request', ...base, total_yuan: fenToYuanText(view.totalFen), submitted_at: view.submission ? new Date(view.submission.at).toISOString() : '' });
    for (const line of view.lines) rows.push({ record: 'line', ...base, prize: line.prize, quantity: line.quantity, unit_value_yuan: fenToYuanText(line.unitValueFen), total_yuan: fenToYuanText(line.quantity * line.unitValueFen) });
    for (const round of view.rounds) {
      for (const decision of round.decisions) {
        rows.push({ record: 'decision', ...base, step: decision.step + 1, outcome: decision.outcome, by: decision.by.name, as_delegate_of: decision.asDelegateOf?.name ?? '', at: new Date(decision.at).toISOString(), comment: decision.comment });
      }
    }
    for (const event of view.setAside) rows.push({ record: 'set-aside', ...base, by: event.by.name, at: new Date(event.at).toISOString(), outcome: event.type, comment: event.reason });
  }
  for (const item of campaigns.values()) {
    const committed = views.filter((view) => view.submission?.campaignId === item.id && (view.status === 'approved' || view.status === 'closed')).reduce((sum, view) => sum + view.totalFen, 0);
    rows.push({ record: 'budget', campaign: item.name, total_yuan: fenToYuanText(item.budgetFen), committed_yuan: fenToYuanText(committed) });
  }
  const columns = ['record', 'request', 'campaign', 'status', 'requester', 'prize', 'quantity', 'unit_value_yuan', 'total_yuan', 'committed_yuan', 'step', 'outcome', 'by', 'as_delegate_of', 'at', 'submitted_at', 'comment'];
  return Papa.unparse({ fields: columns, data: rows.map((row) => columns.map((column) => row[column] ?? '')) });
}
