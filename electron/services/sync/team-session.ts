import type { AnyCapability } from '../../../shared/sync/capability';
import type { Op } from '../../../shared/sync/op';
import type { TeamFile } from '../../../shared/sync/team-files';
import type { TrustPlug, TrustSource } from '../../../shared/sync/trust-plug';
import type { Logger } from '../log';
import { DeviceState } from './device-state';
import { FolderReader, type FolderReaderOptions } from './folder-reader';
import { IngestCache } from './ingest-cache';
import type { TeamProfileLayout } from './layout';
import { pinTeam, pinnedTeam } from './pinned-team';
import type { SealedSegment } from './publisher';
import { TeamFold, type FoldChange } from './team-fold';

/**
 * Everything the service holds for one team folder: the team.json first accepted, what this
 * device published there, the local cache, the reader's memory and the trust plug. Another
 * folder or team is another session.
 */
export interface TeamSession {
  readonly sharedDir: string;
  readonly teamId: string;
  /** The pinned team.json; null only before this computer ever saw the folder's team.json. */
  team: TeamFile | null;
  readonly trust: TrustPlug | undefined;
  readonly profile: TeamProfileLayout;
  deviceState: DeviceState;
  readonly cache: IngestCache;
  readonly reader: FolderReader;
  /** Polls done; the first one reads a backlog. */
  polls: number;
  /** A segment sealed but not yet published: retried as these exact bytes, never re-sealed. */
  sealed: SealedSegment | null;
}

export interface SessionParts {
  readonly capabilities: readonly AnyCapability[];
  readonly trust: TrustSource | undefined;
  readonly log: Logger;
  readonly readerOptions: Omit<FolderReaderOptions, 'publicKeyFor'>;
}

export interface RestoredFold {
  readonly fold: TeamFold;
  readonly change: FoldChange;
  /** The ops restored from the cache, for the clock and the op counter. */
  readonly restoredOps: readonly Op[];
  readonly cacheDamaged: boolean;
}

export async function openTeamSession(
  parts: SessionParts,
  teamId: string,
  seen: TeamFile | null,
  profile: TeamProfileLayout,
  deviceId: string,
): Promise<{ session: TeamSession } & RestoredFold> {
  let team = pinnedTeam(profile.teamFile);
  if (!team && seen) {
    pinTeam(profile.teamFile, seen);
    team = seen;
  }
  const trust = team && parts.trust ? parts.trust(team) : undefined;
  const session: TeamSession = {
    sharedDir: parts.readerOptions.sharedDir,
    teamId,
    team,
    trust,
    profile,
    deviceState: DeviceState.load(profile.deviceStateFile, teamId, deviceId, parts.log),
    cache: new IngestCache(profile.cacheDir, teamId, parts.log),
    reader: new FolderReader({
      ...parts.readerOptions,
      ...(trust?.publicKeyFor ? { publicKeyFor: (id: string) => trust.publicKeyFor!(id) } : {}),
    }),
    polls: 0,
    sealed: null,
  };
  return { session, ...(await restoreFold(parts, session)) };
}

/**
 * A fold of what the cache holds (the files taken before), with the reader told which files and
 * devices those were. A cache the fold refuses is cleared: the folder is read again from scratch.
 */
export async function restoreFold(parts: SessionParts, session: TeamSession): Promise<RestoredFold> {
  const cached = await session.cache.load();
  const fold = new TeamFold(parts.capabilities, session.trust);
  const nothing = { touchedKinds: [], results: [] };
  if (!cached) return { fold, change: nothing, restoredOps: [], cacheDamaged: session.cache.wasDamaged };
  try {
    fold.setDevices(cached.devices);
    const change = fold.restore(cached.snapshot);
    session.reader.remember(cached.files);
    session.reader.rememberDevices(cached.devices);
    return { fold, change, restoredOps: cached.snapshot.ops as Op[], cacheDamaged: false };
  } catch (error) {
    parts.log.error('sync', 'the local cache does not fold; it is rebuilt from the shared folder', error);
    await session.cache.clear();
    return { fold: new TeamFold(parts.capabilities, session.trust), change: nothing, restoredOps: [], cacheDamaged: true };
  }
}
