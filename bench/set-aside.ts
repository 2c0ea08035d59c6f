import { appSyncConfig } from '../electron/services/sync/app-sync-config';
import { foldFolder } from '../electron/services/sync/folder-fold';
import { nodeCrypto } from '../electron/services/sync/node-crypto';
import { nodeReaderFs } from '../electron/services/sync/reader-fs';
import { foldedQualifies } from '../electron/services/rota/sop-qualifies';
import { prizeViews, teamFactsOf } from '../shared/prizes';
import { isOnShift, rosterAuthors, rosterMembers, rotaWorldOf } from '../shared/rota';
import { countedTicks, shiftChecklist, sop, sopDocs, sopTeamOf } from '../shared/sop';
import { foldRoster, ROSTER_KINDS } from '../shared/team';

/**
 * What the rules of each capability set aside in the generated history, by reason: the generator
 * writes what the people allowed to do it would, so every count should be zero (the smoke test
 * says so). Reads the folder once more, as a new computer would, and applies the rules as the
 * app's services do, with the roster the trust layer folds: the rota's (cover eligibility
 * includes the SOPs the shift requires), the SOPs' (publications, acknowledgements, and each
 * shift's checklist ticks against who the rota has on it) and the prizes'.
 */
export async function setAsideByRules(sharedDir: string): Promise<Record<string, number>> {
  const folded = await foldFolder(sharedDir, appSyncConfig(), nodeReaderFs, nodeCrypto);
  if (!folded.available) throw new Error(`the generated folder is unreadable: ${folded.detail}`);
  const { state } = folded.fold;
  const keys = new Map([...folded.reader.devices.values()].map((device) => [device.deviceId, device.publicKey]));
  const roster = foldRoster(ROSTER_KINDS.flatMap((kind) => state.heldOps(kind)), folded.team, (id) => keys.get(id));
  const counts: Record<string, number> = {};
  const count = (label: string, reason: string) => (counts[`${label}: ${reason}`] = (counts[`${label}: ${reason}`] ?? 0) + 1);
  const world = rotaWorldOf(state, { members: rosterMembers(roster), authorOf: rosterAuthors(roster) }, foldedQualifies(state, roster));
  for (const entry of world.setAside) count('rota', entry.reason);
  const team = sopTeamOf(roster);
  for (const doc of sopDocs(state.list(sop).map((entry) => entry.state), team)) for (const entry of doc.setAside) count('sop', entry.reason);
  const judge = { team, onShift: (memberId: string, shift: { date: string; shiftTypeId: string }) => isOnShift(world, memberId, shift) };
  for (const { state: ticks } of state.list(shiftChecklist)) {
    const dot = ticks.id.indexOf('.'); // shiftChecklistId: `<date>.<shift type>`
    const shift = { date: ticks.id.slice(0, dot), shiftTypeId: ticks.id.slice(dot + 1) };
    for (const entry of countedTicks(ticks, shift, judge).setAside) count('checklist', entry.reason);
  }
  for (const view of prizeViews(state, { facts: teamFactsOf(roster), now: Date.now() })) for (const entry of view.setAside) count('prizes', entry.reason);
  return counts;
}
