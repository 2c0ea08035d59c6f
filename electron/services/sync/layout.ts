import { join } from 'node:path';

/** Where things are in the shared folder (SYNC-DESIGN.md, "Layout"). */
export function teamFolderLayout(sharedDir: string) {
  const root = join(sharedDir, 'baton');
  return {
    root,
    teamFile: join(root, 'team.json'),
    devicesDir: join(root, 'devices'),
    deviceDir: (deviceId: string) => join(root, 'devices', deviceId),
    deviceFile: (deviceId: string) => join(root, 'devices', deviceId, 'device.json'),
    /** The own files a device put back after someone damaged them (restore-record.ts). */
    restoredFile: (deviceId: string) => join(root, 'devices', deviceId, 'restored.json'),
    logDir: (deviceId: string) => join(root, 'devices', deviceId, 'log'),
    /** Folded snapshots this device wrote (snapshot-codec.ts); only the team's root device writes them. */
    snapDir: (deviceId: string) => join(root, 'devices', deviceId, 'snap'),
    blobsDir: join(root, 'blobs'),
    blobFile: (sha256: string) => join(root, 'blobs', sha256.slice(0, 2), sha256),
  };
}
export type TeamFolderLayout = ReturnType<typeof teamFolderLayout>;

/** A path inside the shared folder as the status shows it: relative, with forward slashes. */
export const relativeLogPath = (deviceId: string, name: string) => `baton/devices/${deviceId}/log/${name}`;
export const relativeDevicePath = (deviceId: string, name: string) => `baton/devices/${deviceId}/${name}`;
export const relativeSnapPath = (deviceId: string, name: string) => `baton/devices/${deviceId}/snap/${name}`;

/**
 * Where this computer keeps what is its own (the profile). The identity and the outbox belong to
 * the computer; everything that depends on the team folder is kept per team, so that switching to
 * another team's folder never publishes one team's segments into the other, nor shows its data.
 */
export function profileLayout(profileDir: string) {
  const root = join(profileDir, 'sync');
  return {
    root,
    identityFile: join(root, 'identity.json'),
    outboxFile: join(root, 'outbox.jsonl'),
    /** Which team each shared folder held when last seen, to show its data while it is away. */
    foldersFile: join(root, 'folders.json'),
    teamsDir: join(root, 'teams'),
    team: (teamId: string) => {
      const teamRoot = join(root, 'teams', teamId);
      return {
        root: teamRoot,
        /** The team.json this computer first accepted for this team: a changed root of trust is refused. */
        teamFile: join(teamRoot, 'team.json'),
        deviceStateFile: join(teamRoot, 'device-state.json'),
        /** A copy of every segment this device wrote, to publish again if the folder loses it. */
        ownSegmentsDir: join(teamRoot, 'own-segments'),
        cacheDir: join(teamRoot, 'cache'),
        /** The local cache's folded snapshot (ingest-cache.ts): the chunks hold what came after it. */
        cacheBaseFile: join(teamRoot, 'cache', 'base.snap'),
      };
    },
  };
}
export type ProfileLayout = ReturnType<typeof profileLayout>;
export type TeamProfileLayout = ReturnType<ProfileLayout['team']>;
