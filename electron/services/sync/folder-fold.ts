import type { SyncCrypto } from '../../../shared/sync/crypto';
import type { UnavailableReason } from '../../../shared/sync/status';
import type { TeamFile } from '../../../shared/sync/team-files';
import type { AppSyncConfig } from './app-sync-config';
import { probeFolder } from './folder-probe';
import { FolderReader } from './read/folder-reader';
import type { ReaderFs } from './reader-fs';
import { TeamFold } from './read/team-fold';

export type FolderFold =
  | { readonly available: false; readonly reason: UnavailableReason; readonly detail: string; readonly fold: TeamFold }
  | { readonly available: true; readonly team: TeamFile; readonly reader: FolderReader; readonly fold: TeamFold };

/**
 * A team folder read once from scratch with the service's own reader and folded with the app's
 * capabilities and trust plug: what `baton doctor` reports on, and what the bench's root device
 * snapshots. Reads only. An unavailable folder still gives its (empty) fold.
 */
export async function foldFolder(sharedDir: string, config: AppSyncConfig, fs: ReaderFs, crypto: SyncCrypto): Promise<FolderFold> {
  const probe = await probeFolder(sharedDir, fs);
  const trust = probe.available ? config.trust?.(probe.team) : undefined;
  const fold = new TeamFold(config.capabilities, trust);
  if (!probe.available) return { available: false, reason: probe.reason, detail: probe.detail, fold };
  const reader = new FolderReader({
    sharedDir,
    crypto,
    fs,
    ...(trust?.publicKeyFor ? { publicKeyFor: (id: string) => trust.publicKeyFor!(id) } : {}),
  });
  const outcome = await reader.poll(false, probe);
  if (!outcome.available) return { available: false, reason: outcome.reason, detail: outcome.detail, fold };
  fold.setDevices(reader.devices.values());
  fold.apply(outcome.segments.flatMap((segment) => segment.ops));
  return { available: true, team: outcome.team, reader, fold };
}
