import { TEAM_SETTINGS_ID, teamSettings, teamSettingsOf } from '../../../shared/team-settings';
import type { UnavailableReason } from '../../../shared/sync/status';
import type { ReadonlySyncState } from '../../../shared/sync/trust-plug';
import { appSyncConfig } from '../sync/app-sync-config';
import { readSharedBlob } from '../sync/blob-store';
import { foldFolder } from '../sync/folder-fold';
import { nodeCrypto } from '../sync/node-crypto';
import { nodeReaderFs } from '../sync/reader-fs';
import type { Roster } from '../../../shared/team';
import { tapTrust } from '../team/trust-tap';
import { capabilityExports } from './capability-exports';
import { writeExport } from './write-export';

export type ExportOutcome =
  | { readonly available: true; readonly files: readonly string[] }
  | { readonly available: false; readonly reason: UnavailableReason; readonly detail: string };

/** The export of a folded state (the app's own, or a folder read from scratch) into `outDir`; `roster` judges the rota, SOPs and prizes. */
export async function exportState(state: ReadonlySyncState, roster: Roster | null, teamName: string | null, outDir: string, sharedDir: string, now: number): Promise<string[]> {
  const settings = teamSettingsOf(state.get(teamSettings, TEAM_SETTINGS_ID));
  const more = await capabilityExports(state, roster, now, (sha256) => readSharedBlob(sharedDir, sha256));
  return writeExport({ state, settings, teamName, now }, outDir, sharedDir, more);
}

/** `baton export`: reads the shared folder from scratch, as `doctor` does (never writing there), and exports it. */
export async function exportFolder(sharedDir: string, outDir: string, now: number): Promise<ExportOutcome> {
  const config = appSyncConfig();
  const tap = config.trust ? tapTrust(config.trust) : null;
  const folded = await foldFolder(sharedDir, tap ? { ...config, trust: tap.source } : config, nodeReaderFs, nodeCrypto);
  if (!folded.available) return { available: false, reason: folded.reason, detail: folded.detail };
  return { available: true, files: await exportState(folded.fold.state, tap?.latest()?.roster ?? null, folded.team.name, outDir, sharedDir, now) };
}
