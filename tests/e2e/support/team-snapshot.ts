import { appSyncConfig } from '../../../electron/services/sync/app-sync-config';
import { foldFolder } from '../../../electron/services/sync/folder-fold';
import type { Logger } from '../../../electron/services/log';
import { nodeCrypto } from '../../../electron/services/sync/node-crypto';
import { nodeReaderFs } from '../../../electron/services/sync/reader-fs';
import { snapshotOfFold } from '../../../electron/services/sync/snapshots/snapshot-writer';
import { publishTeamSnapshot } from '../../../electron/services/sync/snapshots/team-snapshot';

export interface RootDevice {
  readonly deviceId: string;
  readonly publicKeyPem: string;
  readonly privateKeyPem: string;
}

const quiet: Logger = { info: () => {}, warn: () => {}, error: () => {} };

/**
 * What the founder's computer (the team's root device) publishes once it has folded the history:
 * the team snapshot a computer new to the team opens from (the `snapshot` phase of an open), made
 * by the app's own fold and encoder from what is in the folder now.
 */
export async function writeRootSnapshot(sharedDir: string, root: RootDevice): Promise<void> {
  const config = appSyncConfig();
  const folded = await foldFolder(sharedDir, config, nodeReaderFs, nodeCrypto);
  if (!folded.available) throw new Error(`the shared folder does not fold: ${folded.detail}`);
  const writer = { capabilities: config.capabilities, crypto: nodeCrypto, device: root, now: Date.now };
  const encoded = snapshotOfFold(writer, folded.team.teamId, folded.reader, folded.fold);
  await publishTeamSnapshot(sharedDir, root.deviceId, encoded, quiet);
}
