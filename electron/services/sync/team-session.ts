import type { AnyCapability } from '../../../shared/sync/capability';
import type { Op } from '../../../shared/sync/op';
import { schemaFingerprint } from '../../../shared/sync/schema-fingerprint';
import { HeldIndexBuilder, type HeldIndex } from '../../../shared/sync/held-index';
import type { DormantEntity, HeldEntity } from '../../../shared/sync/sync-state';
import type { TeamFile } from '../../../shared/sync/team-files';
import type { TrustPlug, TrustSource } from '../../../shared/sync/trust-plug';
import type { Logger } from '../log';
import { DeviceState } from './write/device-state';
import { FolderReader, type FolderReaderOptions } from './read/folder-reader';
import type { FileStamp } from './read/file-tracker';
import { IngestCache, type Marked } from './snapshots/ingest-cache';
import { relativeSnapPath, type TeamProfileLayout } from './layout';
import { pinTeam, pinnedTeam } from './pinned-team';
import type { SealedSegment } from './write/publisher';
import { nodeReaderFs } from './reader-fs';
import { DAMAGED, type DecodedSnapshot } from './snapshots/snapshot-codec';
import { baseIndexOf } from './snapshots/cache-index';
import { findTeamSnapshot, type SnapshotSearch } from './snapshots/team-snapshot';
import { UnreadSnapshot } from './snapshots/snapshot-stream';
import { TeamFold, type FoldChange } from './read/team-fold';
import { unpaced, type OpeningProgress } from './pace';

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
  /** When this device last checked its own files in the folder (null: not yet, so at the first poll). */
  ownCheckedAt: number | null;
  /** Own files that verified at a check, by name, with their stamp then: not read again while it holds. */
  readonly ownVerified: Map<string, FileStamp>;
  /** This (root) device's newest team snapshot (its op count and schemas); null until looked up. */
  teamSnapshot: { readonly opCount: number; readonly schemas: string } | null;
}

export interface SessionParts {
  readonly capabilities: readonly AnyCapability[];
  /** The running build: what the local cache stores of states is bound to it. */
  readonly codeVersion: string;
  /** A line of the local cache's base read after the start did not match its index. */
  readonly localStateDamaged?: (detail: string) => void;
  /** This device, whose key signs the local cache's base. */
  readonly device: () => { readonly deviceId: string; readonly publicKeyPem: string };
  readonly trust: TrustSource | undefined;
  readonly log: Logger;
  readonly readerOptions: Omit<FolderReaderOptions, 'publicKeyFor'>;
  /** The open's pauses and progress (status.opening); without it, an open never pauses. */
  readonly opening?: OpeningProgress;
}

export interface RestoredFold {
  readonly fold: TeamFold;
  readonly change: FoldChange;
  /** Of the ops restored, those that move the clock and the op counter (the latest, and this device's). */
  readonly restoredOps: readonly Op[];
  readonly cacheDamaged: boolean;
  /** Team snapshots passed over as damaged or forged (every segment was read instead). */
  readonly damagedSnapshots: readonly { readonly path: string; readonly detail: string }[];
}

export async function openTeamSession(
  parts: SessionParts,
  teamId: string,
  seen: TeamFile | null,
  profile: TeamProfileLayout,
): Promise<{ session: TeamSession } & RestoredFold> {
  let team = pinnedTeam(profile.teamFile);
  if (!team && seen) {
    pinTeam(profile.teamFile, seen);
    team = seen;
  }
  const trust = team && parts.trust ? parts.trust(team) : undefined;
  const crypto = parts.readerOptions.crypto;
  const pinned = team;
  const publicKeyFor = (id: string) => {
    const device = parts.device();
    return id === device.deviceId ? device.publicKeyPem : id === pinned?.rootDeviceId ? pinned.rootPublicKey : undefined;
  };
  const session: TeamSession = {
    sharedDir: parts.readerOptions.sharedDir,
    teamId,
    team,
    trust,
    profile,
    deviceState: DeviceState.load(profile.deviceStateFile, teamId, parts.device().deviceId, parts.log),
    cache: new IngestCache(profile.cacheDir, teamId, parts.log, { schemas: schemaFingerprint(parts.capabilities, crypto), code: parts.codeVersion, publicKeyFor, crypto }),
    reader: new FolderReader({
      ...parts.readerOptions,
      ...(trust?.publicKeyFor ? { publicKeyFor: (id: string) => trust.publicKeyFor!(id) } : {}),
    }),
    polls: 0,
    sealed: null,
    ownCheckedAt: null,
    ownVerified: new Map(),
    teamSnapshot: null,
  };
  if (parts.localStateDamaged) session.cache.onDamaged = parts.localStateDamaged;
  return { session, ...(await restoreFold(parts, session)) };
}

/**
 * A fold of what the cache holds (its base, then its chunks), with the reader told which files and
 * devices those were. With no cache, the team's snapshot stands in for its base. A cache the fold
 * refuses is cleared: the folder is read again from scratch.
 */
export async function restoreFold(parts: SessionParts, session: TeamSession): Promise<RestoredFold> {
  const cached = await session.cache.load();
  const fresh = () => new TeamFold(parts.capabilities, session.trust);
  const notes = new RestoredOps(parts.device().deviceId);
  const nothing = { touchedKinds: [], results: [] };
  if (!cached) {
    const fold = fresh();
    const { change, damaged } = await startFromTeamSnapshot(parts, session, fold, notes);
    const cacheDamaged = session.cache.wasDamaged;
    if (change) return { fold, change, restoredOps: notes.ops(), cacheDamaged, damagedSnapshots: damaged };
    return { fold: fresh(), change: nothing, restoredOps: [], cacheDamaged, damagedSnapshots: damaged };
  }
  try {
    const fold = fresh();
    const devices = cached.devices.length > 0 ? cached.devices : (cached.base?.devices ?? []);
    fold.setDevices(devices);
    // A base read whole (its index missing or passed over) gets an index for the next start.
    const built = cached.base && !cached.base.index ? new HeldIndexBuilder() : undefined;
    // Opened through its index, the base's entities are all dormant: nothing to note one by one (the index says it).
    const entities = cached.base?.index ? cached.base.entities : cached.base && notes.noting(cached.base.entities, built);
    const based = cached.base && entities ? fold.install(entities, cached.base.index?.counters) : nothing;
    if (cached.base?.index) notes.noteIndex(cached.base.index);
    if (cached.base && !(await cached.base.intact)) throw new Error(`base.snap: ${DAMAGED}`);
    if (cached.base && built) session.cache.indexBase(indexLater(built, fold, cached.base));
    const change = fold.restore(cached.snapshot);
    for (const op of cached.snapshot.ops as Op[]) notes.note(op);
    session.reader.remember([...(cached.base?.files ?? []), ...cached.files]);
    session.reader.rememberDevices(devices);
    const touchedKinds = [...new Set([...based.touchedKinds, ...change.touchedKinds])].sort();
    const results = [...based.results, ...change.results];
    const dormant = cached.base?.index ? `, ${cached.base.index.entities.names.length} entities left on disk until asked for` : '';
    parts.log.info('sync', `started from the local cache (${fold.opsCount} ops${dormant}; files taken in before are not read again)`);
    return { fold, change: { touchedKinds, results }, restoredOps: notes.ops(), cacheDamaged: false, damagedSnapshots: [] };
  } catch (error) {
    parts.log.error('sync', 'the local cache does not fold; it is rebuilt from the shared folder', error);
    await session.cache.clear();
    return { fold: fresh(), change: nothing, restoredOps: [], cacheDamaged: true, damagedSnapshots: [] };
  }
}

/** Fills an empty fold from the team's snapshot, if there is a good one (change null when it did not). */
async function startFromTeamSnapshot(
  parts: SessionParts,
  session: TeamSession,
  fold: TeamFold,
  notes: RestoredOps,
): Promise<{ change: FoldChange | null; damaged: SnapshotSearch['damaged'] }> {
  if (!session.team) return { change: null, damaged: [] };
  const { crypto, fs, sharedDir } = parts.readerOptions;
  const { found, damaged } = await findTeamSnapshot(sharedDir, session.team, schemaFingerprint(parts.capabilities, crypto), crypto, fs ?? nodeReaderFs, parts.log);
  if (!found) return { change: null, damaged };
  const { snapshot } = found;
  try {
    fold.setDevices(snapshot.devices);
    const index = new HeldIndexBuilder();
    // Installed and asked about in slices (each op twice: the progress's total), the API answering
    // between them, while the rest of the file is read and hashed: the fold is kept only if intact.
    const total = snapshot.header.opCount * 2;
    const opening = parts.opening ?? unpaced;
    opening.at('snapshot', 0, total);
    const change = await fold.installInSlices(notes.notingArriving(snapshot.entities, index), opening.pace(), (ops) => opening.at('snapshot', ops, total));
    if (!(await snapshot.intact)) throw new Error(DAMAGED);
    // Files first seen by the root, not by a poll of ours: no clock-skew estimate from them.
    session.reader.remember(snapshot.files.map((file) => ({ ...file, live: false })));
    session.reader.rememberDevices(snapshot.devices);
    // Before this computer's own edits are applied: the index describes the snapshot alone.
    session.cache.adoptBase(snapshot.bytes, indexLater(index, fold, snapshot));
    parts.log.info('sync', `started from the team snapshot ${found.name} (${snapshot.header.opCount} ops)`);
    return { change, damaged };
  } catch (error) {
    // A line that does not parse is most likely damage the hash finds too (it says so); a file that
    // could not be read to its end is being replaced, not damaged: no notice.
    const verdict = await snapshot.intact.then((intact) => (intact ? 'intact' : 'damaged'), () => 'unread');
    const unread = error instanceof UnreadSnapshot || verdict === 'unread';
    const detail = verdict === 'damaged' ? DAMAGED : error instanceof Error ? error.message : String(error);
    parts.log.info('sync', `passed over the team snapshot ${found.name}; every segment is read instead: ${detail}`);
    if (unread) return { change: null, damaged };
    return { change: null, damaged: [...damaged, { path: relativeSnapPath(session.team.rootDeviceId, found.name), detail }] };
  }
}

/**
 * The index of a base just installed into `fold` (built from its entities as they went in), for
 * the local cache: what it says of the fold is asked now, before any other op is applied, so it
 * describes the base alone; where the lines lie is surveyed when the cache is written, after the
 * start.
 */
function indexLater(built: HeldIndexBuilder, fold: TeamFold, base: Pick<DecodedSnapshot, 'survey' | 'size' | 'sha256'>): () => Promise<Marked | null> {
  const closed = built.closedOf((entity) => fold.state.isClosed(entity));
  const mark = fold.state.changeMark();
  return async () => {
    // Entities unchanged since `mark` hold the base's ops: their summaries are the base's (under the filter now).
    const summaries = fold.state.summariesToStore(mark);
    const index = baseIndexOf(built.build((entity) => closed.has(entity)), await base.survey(), { sha256: base.sha256, bytes: base.size }, summaries);
    return index && { index, mark };
  };
}

/** What a restore must show the device: the latest op (for the clock) and its own (for the op counter). */
class RestoredOps {
  private latest: Op | null = null;
  private readonly own: Op[] = [];

  constructor(private readonly deviceId: string) {}

  note(op: Op): void {
    if (this.latest === null || op.hlc > this.latest.hlc) this.latest = op;
    if (op.id.startsWith(this.deviceId) && op.id[this.deviceId.length] === ':') this.own.push(op);
  }

  *noting<T extends HeldEntity | DormantEntity>(entities: Iterable<T>, index?: HeldIndexBuilder): Generator<T> {
    for (const entity of entities) yield this.noted(entity, index);
  }

  async *notingArriving<T extends HeldEntity | DormantEntity>(batches: AsyncIterable<readonly T[]>, index?: HeldIndexBuilder): AsyncGenerator<readonly T[]> {
    for await (const batch of batches) yield batch.map((entity) => this.noted(entity, index));
  }

  private noted<T extends HeldEntity | DormantEntity>(entity: T, index: HeldIndexBuilder | undefined): T {
    if ('ops' in entity) {
      for (const op of entity.ops) this.note(op);
      index?.add(entity);
    }
    return entity;
  }

  /** What the ops of dormant entities would have shown: the latest, and this device's highest counter. */
  noteIndex(index: Pick<HeldIndex, 'counters' | 'latest'>): void {
    if (index.latest) this.note({ id: index.latest[0], hlc: index.latest[1], type: 'index.latest', entity: 'index:latest', data: {} });
    const own = index.counters[this.deviceId]?.at(-1);
    if (own && index.latest) this.note({ id: `${this.deviceId}:${own[1]}`, hlc: index.latest[1], type: 'index.own', entity: 'index:own', data: {} });
  }

  ops(): Op[] {
    return this.latest ? [...this.own, this.latest] : [...this.own];
  }
}
