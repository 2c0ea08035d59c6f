import { mkdirSync } from 'node:fs';
import { basename } from 'node:path';
import { stat } from 'node:fs/promises';
import type { AnyCapability } from '../../../shared/sync/capability';
import type { SyncCrypto } from '../../../shared/sync/crypto';
import type { HybridClock } from '../../../shared/sync/hlc';
import type { Op } from '../../../shared/sync/op';
import type { SyncStatus } from '../../../shared/sync/status';
import type { TeamFile } from '../../../shared/sync/team-files';
import type { ReadonlySyncState, TrustSource } from '../../../shared/sync/trust-plug';
import type { Logger } from '../log';
import { isBatonTempName } from './durable-fs';
import { Faults, lasted } from './faults';
import { FolderMemory } from './folder-memory';
import { probeFolder } from './folder-probe';
import type { ReadSegment } from './folder-reader';
import { FolderWatch } from './folder-watch';
import { toIngestedFile } from './ingested-file';
import { plainFileVault, type KeyVault } from './key-vault';
import { profileLayout, relativeLogPath, teamFolderLayout, type ProfileLayout } from './layout';
import { LocalDevice, type OpDraft } from './local-device';
import { nodeCrypto } from './node-crypto';
import { Notices } from './notices';
import { compactOwnLog } from './compactor';
import { adoptSegment, judgeOwnSegments, removeOwnTempFiles, republishMissing } from './own-folder';
import { checkOwnFiles, OWN_CHECK_INTERVAL_MS } from './own-segment-check';
import { pinTeam, pinnedTeam, sameRoot } from './pinned-team';
import { removeProfileTempFiles } from './profile-temp';
import { recordRestored } from './restore-record';
import { nodePublishFs, publishSealed, sealSegment, takeBatch, type PublishFs, type PublishTarget } from './publisher';
import { nodeReaderFs, type ReaderFs } from './reader-fs';
import { clashedOwnOps } from './rescue';
import { SerialQueue } from './serial-queue';
import { statusOf, type Availability } from './status-of';
import { SNAPSHOT_POLICY, writeDueSnapshots, type SnapshotPolicy, type SnapshotWriter } from './snapshot-writer';
import { SyncTimers } from './sync-timers';
import { createTeamFiles, TeamExistsError, writeDeviceFile } from './team-create';
import { TeamFold, type FoldChange } from './team-fold';
import { openTeamSession, restoreFold, type SessionParts, type TeamSession } from './team-session';

export type { OpDraft } from './local-device';

export interface CreateTeamInput {
  readonly teamName: string;
  readonly memberName: string;
  /** Ops that found the team (the trust layer's `createTeamOps`), recorded as its first edits. */
  readonly firstOps?: (device: CreatedTeam['device']) => readonly OpDraft[];
}

export interface CreatedTeam {
  readonly team: TeamFile;
  readonly device: { readonly deviceId: string; readonly memberId: string; readonly memberName: string; readonly publicKey: string };
}

export interface SyncChange {
  readonly touchedKinds: readonly string[];
}

export interface SyncServiceOptions {
  readonly profileDir: string;
  readonly sharedDir: string;
  readonly appVersion: string;
  readonly log: Logger;
  readonly capabilities: readonly AnyCapability[];
  /** The trust layer's plug for the team found in the folder (shared/team). */
  readonly trust?: TrustSource;
  /** This person's name on this computer (settings.memberName); device.json needs it. */
  readonly memberName?: string | null;
  readonly keyVault?: KeyVault;
  readonly crypto?: SyncCrypto;
  readonly pollIntervalMs?: number;
  /** The longest an edit waits to be published while edits keep coming (the first after a quiet spell goes at once). */
  readonly flushDelayMs?: number;
  readonly cacheDelayMs?: number;
  /** When folded snapshots are written (team and cache base). */
  readonly snapshotPolicy?: SnapshotPolicy;
  /** How long an incomplete file or an unknown device is waited on before it is set aside. */
  readonly giveUpMs?: number;
  /** How often this device checks its own published files for damage (also at every start). */
  readonly ownCheckIntervalMs?: number;
  /** Use file events as a hint for an early poll (chokidar). */
  readonly watch?: boolean;
  readonly now?: () => number;
  /** Test seams: the reader's file reads, and the rename and read-back of publishing. */
  readonly readerFs?: ReaderFs;
  readonly publishFs?: PublishFs;
  readonly renameRetries?: number;
}

const NOT_LOOKED: Availability = { available: false, reason: 'folder-missing', detail: 'not looked at yet' };

/**
 * The storage and sync service of one profile: records edits durably, publishes them as signed
 * segments into this device's folder of the shared team folder, reads everyone's segments and
 * keeps the folded state. SYNC-DESIGN.md is the design; ./README.md the guide.
 *
 * Other services use `record`, `state`, `clock`, `deviceId` and `onChange`. Read `state`,
 * `clock` and `deviceId` anew each time: they change when the folder's team changes or when a
 * copied profile gets a new device id.
 */
export class SyncService {
  readonly ready: Promise<void>;
  private readonly log: Logger;
  private readonly now: () => number;
  private readonly crypto: SyncCrypto;
  private readonly readerFs: ReaderFs;
  private readonly profile: ProfileLayout;
  private readonly device: LocalDevice;
  private readonly folders: FolderMemory;
  private readonly notices: Notices;
  private readonly faults: Faults;
  private readonly queue = new SerialQueue();
  private readonly timers: SyncTimers;
  private readonly watcher: FolderWatch;
  private readonly changeListeners = new Set<(change: SyncChange) => void>();
  private readonly statusListeners = new Set<(status: SyncStatus) => void>();
  private sharedDir: string;
  private memberName: string | null;
  private fold: TeamFold;
  private session: TeamSession | null = null;
  private availability: Availability = NOT_LOOKED;
  private lastPollAt: number | null = null;
  private lastPublishAt: number | null = null;
  private lastStatusKey = '';
  private warnedNoName = false;
  /** The folder came back: the next publish says how many edits had waited for it. */
  private heldWhileAway = false;
  private failedPublishes = 0;
  private closed = false;

  constructor(private readonly options: SyncServiceOptions) {
    this.log = options.log;
    this.now = options.now ?? Date.now;
    this.crypto = options.crypto ?? nodeCrypto;
    this.readerFs = options.readerFs ?? nodeReaderFs;
    this.sharedDir = options.sharedDir;
    this.memberName = options.memberName ?? null;
    this.profile = profileLayout(options.profileDir);
    mkdirSync(this.profile.root, { recursive: true, mode: 0o700 });
    removeProfileTempFiles(this.profile);
    this.device = new LocalDevice(this.profile, options.keyVault ?? plainFileVault, this.log, this.now);
    if (this.memberName) this.device.ensureMemberId();
    this.folders = new FolderMemory(this.profile.foldersFile);
    this.notices = new Notices(this.now);
    this.faults = new Faults(this.log, this.now);
    const waiting = this.device.outbox.pending.length;
    if (waiting > 0) this.log.info('sync', `start: ${waiting} edit(s) recorded before the last stop are not published yet; publishing them`);
    this.fold = this.teamlessFold();
    this.timers = new SyncTimers(
      {
        poll: () => this.job(async () => {
          await this.poll();
          // Edits that waited for the folder, or a publish that failed: now, unless an edit is settling.
          if (!this.timers.flushPending) await this.publish();
        }),
        flush: () => this.job(() => this.pollAndPublish()),
        writeCache: () => this.job(() => this.writeCache()),
      },
      { pollIntervalMs: options.pollIntervalMs ?? 5000, flushDelayMs: options.flushDelayMs ?? 2000, cacheDelayMs: options.cacheDelayMs ?? 5000 },
      this.log,
      this.now,
    );
    this.watcher = new FolderWatch(() => this.timers.pollSoon(), this.log);
    this.ready = this.job(() => this.openFolder());
    this.timers.schedulePoll();
  }

  get deviceId(): string {
    return this.device.deviceId;
  }

  get clock(): HybridClock {
    return this.device.clock;
  }

  /** This device's public identity (for a join request, say); never the private key. */
  publicIdentity(): { deviceId: string; memberId: string | null; publicKey: string } {
    const identity = this.device.identity;
    return { deviceId: identity.deviceId, memberId: identity.memberId, publicKey: identity.publicKeyPem };
  }

  /** The folded team data (read-only); includes this computer's edits not yet published. */
  get state(): ReadonlySyncState {
    return this.fold.state;
  }

  onChange(listener: (change: SyncChange) => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  onStatus(listener: (status: SyncStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  /**
   * Makes edits durable on this computer (appended and fsynced to the outbox) before it returns,
   * whether or not the shared folder is there, and applies them to `state` at once. Returns the
   * ops with their ids and timestamps. Throws, having written nothing, if an op is malformed or
   * too large.
   */
  record(drafts: readonly OpDraft[]): Op[] {
    if (this.closed) throw new Error('the sync service is closed');
    const ops = this.device.record(drafts);
    if (ops.length === 0) return ops;
    this.announce(this.fold.apply(ops));
    this.timers.editRecorded();
    this.emitStatus();
    return ops;
  }

  /** The status, with a freshly computed state hash. */
  getStatus(): SyncStatus {
    return this.statusNow(true);
  }

  /** Polls and publishes now; resolves with the status after both. */
  async syncNow(): Promise<SyncStatus> {
    await this.flushNow();
    return this.getStatus();
  }

  /** Reads the folder now, without publishing. */
  async pollNow(): Promise<void> {
    await this.job(() => this.poll());
  }

  /** Seals and publishes the outbox now, without waiting for the quiet time (polling first). */
  async flushNow(): Promise<void> {
    this.timers.cancelFlush();
    await this.job(() => this.pollAndPublish());
  }

  /** Switches to another shared folder (settings.sharedFolder changed). */
  async setSharedDir(sharedDir: string): Promise<void> {
    await this.job(async () => {
      if (sharedDir === this.sharedDir) return;
      await this.closeSession();
      this.sharedDir = sharedDir;
      this.availability = NOT_LOOKED;
      this.faults.clear('folder-unavailable', () => `switched to another shared folder (${sharedDir})`);
      this.fold = this.teamlessFold();
      this.announceAll();
      await this.openFolder();
    });
  }

  /** Whether the current folder holds, or last held, a team this computer knows. */
  hasKnownTeam(): boolean {
    return this.session !== null || this.folders.teamOf(this.sharedDir) !== null;
  }

  /** The person's name on this computer; naming them the first time makes their member id. */
  setMemberName(name: string | null): void {
    this.memberName = name;
    if (!name) return;
    this.warnedNoName = false;
    this.device.ensureMemberId();
  }

  setPollInterval(ms: number): void {
    this.timers.setPollInterval(ms);
  }

  /**
   * Creates a team in the current shared folder, with this device's key as its root of trust, and
   * returns what the trust layer needs to found it (`firstOps` are recorded before the first
   * publish). `createFolder`: make the folder itself if missing, only for Baton's own embedded
   * folder (a missing path may be an unmounted share, never to be created on the local disk).
   */
  async createTeam(input: CreateTeamInput, options: { createFolder?: boolean } = {}): Promise<CreatedTeam> {
    return this.job(async () => {
      const probe = await probeFolder(this.sharedDir, this.readerFs);
      if (probe.available) throw new TeamExistsError(probe.team);
      if (probe.reason !== 'no-team' && !(options.createFolder && probe.reason === 'folder-missing')) {
        throw new Error(`cannot create a team in ${this.sharedDir}: ${probe.detail}`);
      }
      this.memberName = input.memberName;
      const claim = this.device.claim(input.memberName, this.options.appVersion);
      const team = await createTeamFiles(this.sharedDir, input.teamName, claim, this.now());
      // This computer's own new team: accepted even where it remembers another team in this folder.
      pinTeam(this.profile.team(team.teamId).teamFile, team);
      this.log.info('sync', `created team ${team.teamId} (${team.name}) in ${this.sharedDir}`);
      const device = { deviceId: claim.deviceId, memberId: claim.memberId, memberName: claim.memberName, publicKey: claim.publicKeyPem };
      await this.poll();
      if (input.firstOps) this.record(input.firstOps(device));
      await this.publish();
      return { team, device };
    });
  }

  /** Stops timers and the watcher, publishes what it can, writes the cache. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.timers.stop();
    await this.watcher.close();
    await this.queue
      .run(async () => {
        if (this.device.outbox.pending.length > 0 && this.availability.available) await this.publish();
        await this.closeSession();
      })
      .catch((error: unknown) => this.log.error('sync', 'closing the sync service', error));
  }

  // ---- folder work: always inside the queue ----

  /** Runs folder work one job at a time, then pushes the status if it changed. */
  private job<T>(work: () => Promise<T>): Promise<T> {
    return this.queue.run(work).finally(() => this.emitStatus());
  }

  private async pollAndPublish(): Promise<void> {
    await this.poll();
    await this.publish();
    // Also when nothing was published: a compaction cut short by a crash is finished at the next start.
    if (this.session && this.availability.available) await this.compact(this.session);
  }

  /** At start and after a folder switch: a folder that is away still shows its team's cached data. */
  private async openFolder(): Promise<void> {
    const probe = await probeFolder(this.sharedDir, this.readerFs);
    if (probe.available) return this.pollAndPublish();
    this.setAvailability(probe);
    const teamId = this.folders.teamOf(this.sharedDir);
    if (teamId) await this.openSession(teamId, null);
  }

  private async openSession(teamId: string, team: TeamFile | null): Promise<void> {
    await this.closeSession();
    const opened = await openTeamSession(this.sessionParts(), teamId, team, this.profile.team(teamId));
    if (opened.cacheDamaged) this.notices.add('cache-rebuilt', 'the local cache was damaged and is being rebuilt from the shared folder');
    for (const { path, detail } of opened.damagedSnapshots) this.notices.add('snapshot-passed-over', `${path}: ${detail}`, { path });
    for (const op of opened.restoredOps) this.device.observe(op);
    this.session = opened.session;
    this.fold = opened.fold;
    this.fold.apply(this.device.outbox.pending);
    this.announceAll();
    if (this.options.watch ?? true) await this.watcher.watch(teamFolderLayout(this.sharedDir).devicesDir);
  }

  private async closeSession(): Promise<void> {
    const session = this.session;
    if (!session) return;
    await session.cache.flush().catch((error: unknown) => this.log.error('sync', 'writing the local cache', error));
    await this.watcher.close();
    this.session = null;
  }

  private async poll(): Promise<void> {
    const probe = await probeFolder(this.sharedDir, this.readerFs);
    if (!probe.available) {
      this.setAvailability(probe);
      return;
    }
    if (this.session?.teamId !== probe.team.teamId) {
      const joined = this.folders.teamOf(this.sharedDir);
      if (joined !== null && joined !== probe.team.teamId && !this.knowsTeam(probe.team)) return this.refuseReplacedTeam(joined, probe.team);
      await this.openSession(probe.team.teamId, probe.team);
    }
    const session = this.session!;
    if (session.team && !sameRoot(session.team, probe.team)) {
      this.setAvailability({ available: false, reason: 'team-replaced', detail: 'baton/team.json names another root of trust than the one this computer joined' });
      return;
    }
    if (!session.team) {
      pinTeam(session.profile.teamFile, probe.team);
      session.team = probe.team;
    }
    this.folders.remember(this.sharedDir, session.teamId);
    const first = session.polls === 0;
    const outcome = await session.reader.poll(!first, probe);
    session.polls += 1;
    if (!outcome.available) {
      this.setAvailability(outcome);
      return;
    }
    const cameBack = !this.availability.available;
    this.setAvailability({ available: true });
    this.lastPollAt = this.now();
    // A folder that went away and came back may be a new folder under the old name: watch it anew.
    if (cameBack) await this.watcher.rearm();
    else if (!first) await this.judgeWatcher(outcome.segments);
    // Our temp files are leftovers whenever no write of ours is in flight, which is always the case
    // here (folder work runs one job at a time): at a start, when the share comes back (a write cut
    // off by its drop could not clean up), or when the listing shows one.
    const mine = outcome.logNames.get(this.deviceId) ?? [];
    if (first || cameBack || mine.some(isBatonTempName)) {
      const removed = await removeOwnTempFiles(this.sharedDir, this.deviceId);
      if (removed.length > 0) this.log.info('sync', `removed ${removed.length} leftover temp file(s) of this device (a write cut off by a stop or a dropped share)`);
    }
    await this.ensureDeviceFile();

    const own = outcome.segments.filter((segment) => segment.deviceId === this.deviceId);
    const verdict = judgeOwnSegments(own, session.deviceState, this.device.outbox.pending);
    for (const segment of verdict.adopt) await adoptSegment(session, segment, this.device.outbox, this.log);
    const ops = outcome.segments.flatMap((segment) => segment.ops);
    const devices = this.fold.setDevices(session.reader.devices.values());
    const applied = this.fold.apply(ops);
    for (const op of ops) this.device.observe(op);
    this.report(applied);
    if (outcome.segments.length > 0) session.cache.add(outcome.segments.map(toIngestedFile), ops);
    session.cache.setDevices(session.reader.devices.values());
    this.timers.cacheChanged();
    this.announce(devices, applied);

    if (verdict.foreign.length > 0) await this.recoverFromClone(session, verdict.foreign);
    await this.rescueClashed(session, applied);
    const names = outcome.unlisted.has(this.deviceId) ? null : (outcome.logNames.get(this.deviceId) ?? []);
    if (names && verdict.foreign.length === 0) {
      await republishMissing(session, names, this.publishTarget(session), this.log);
      await this.checkOwnFiles(session, names);
    }
  }

  /** A team this computer accepted itself (created, joined with its code, or saw first in a folder). */
  private knowsTeam(team: TeamFile): boolean {
    const pinned = pinnedTeam(this.profile.team(team.teamId).teamFile);
    return pinned !== null && sameRoot(pinned, team);
  }

  /**
   * The folder's team.json names another team than the one this computer joined there: someone
   * replaced it (with its own root of trust). It is not opened as a new team; the joined team's
   * data stays shown from the local cache and edits wait, until the real team.json is back.
   */
  private async refuseReplacedTeam(joined: string, found: TeamFile): Promise<void> {
    if (this.session?.teamId !== joined) await this.openSession(joined, null);
    this.setAvailability({
      available: false,
      reason: 'team-replaced',
      detail: `baton/team.json names another team (${found.teamId}, "${found.name}") than the one this computer joined in this folder (${joined}); it is not opened`,
    });
  }

  /** At the first poll and every few minutes: own files damaged in place are put back, byte for byte. */
  private async checkOwnFiles(session: TeamSession, names: readonly string[]): Promise<void> {
    const now = this.now();
    if (session.ownCheckedAt !== null && now - session.ownCheckedAt < (this.options.ownCheckIntervalMs ?? OWN_CHECK_INTERVAL_MS)) return;
    session.ownCheckedAt = now;
    const damaged = await checkOwnFiles(this.publishTarget(session), names, session.ownVerified, this.log);
    for (const file of damaged) {
      const path = relativeLogPath(this.deviceId, file.fileName);
      this.notices.add(file.restored ? 'own-file-restored' : 'own-file-damaged', `${path}: ${file.detail}`, { path });
    }
    const restored = damaged.filter((file) => file.restored).map((file) => ({ name: file.fileName, detail: file.detail }));
    if (restored.length === 0) return;
    // Signed in the folder too, for readers that never saw the damage (baton doctor).
    const identity = this.device.identity;
    const signer = { sharedDir: this.sharedDir, deviceId: identity.deviceId, publicKeyPem: identity.publicKeyPem, privateKeyPem: identity.privateKeyPem, crypto: this.crypto, fs: this.readerFs };
    await recordRestored(signer, restored, now).catch((error: unknown) => this.log.warn('sync', `could not write restored.json (the restore itself is done): ${String(error)}`));
  }

  private async publish(): Promise<void> {
    const session = this.session;
    if (!session || !this.availability.available) return;
    if (this.device.outbox.pending.length === 0 && !session.sealed) {
      this.heldWhileAway = false;
      return;
    }
    if (!this.memberName) {
      if (!this.warnedNoName) this.log.warn('sync', 'edits wait in the outbox until this person has a name (device.json needs it)');
      this.warnedNoName = true;
      return;
    }
    // The last poll may be seconds old: a folder that vanished since must not be written into.
    const probe = await probeFolder(this.sharedDir, this.readerFs);
    if (!probe.available) return this.setAvailability(probe);
    if (probe.team.teamId !== session.teamId) return;
    await this.ensureDeviceFile();
    let publishedOps = 0;
    while (session.sealed || this.device.outbox.pending.length > 0) {
      const target = this.publishTarget(session);
      const sealed = session.sealed ?? sealSegment(target, takeBatch(this.device.outbox.pending));
      session.sealed = sealed;
      let published;
      try {
        published = await publishSealed(target, sealed);
      } catch (error) {
        this.failedPublishes += 1;
        this.faults.raise('publish-failing', `publishing ${sealed.encoded.fileName} failed (${errorText(error)}); edits are kept on this computer and retried`);
        this.notices.add('publish-failed', `could not write to the shared folder (${errorText(error)}); edits are kept and retried`);
        return;
      }
      publishedOps += sealed.ops.length;
      session.sealed = null;
      session.reader.remember([published]);
      session.cache.add([published], sealed.ops);
      this.device.outbox.dropThrough(this.deviceId, sealed.lastCounter);
      this.lastPublishAt = this.now();
      this.timers.cacheChanged();
    }
    this.reportPublished(publishedOps);
    await this.compact(session);
  }

  /** The INFO lines of a publish that ended a fault: how many edits had waited. */
  private reportPublished(count: number): void {
    const failed = this.failedPublishes;
    this.faults.clear('publish-failing', (ms) => `publishing works again after ${lasted(ms)} and ${failed} refused attempt(s); published ${count} waiting edit(s)`);
    this.failedPublishes = 0;
    if (this.heldWhileAway) this.log.info('sync', `published ${count} edit(s) held while the folder was away`);
    this.heldWhileAway = false;
  }

  /** Files a poll found that the watcher never reported: it went deaf; start it again and say so. */
  private async judgeWatcher(found: readonly ReadSegment[]): Promise<void> {
    const verdict = this.watcher.judge(found.map((segment) => basename(segment.path)));
    if (verdict === 'heard') this.faults.clear('watch-silent', (ms) => `change notices from the folder arrive again after ${lasted(ms)}`);
    if (verdict !== 'missed') return;
    const every = lasted(this.timers.pollIntervalMs);
    this.faults.raise('watch-silent', `change notices from the folder are not arriving (a poll found files no event told of); checking every ${every}, and watching the folder anew`);
    await this.watcher.rearm();
  }

  /** Every change of the folder's availability goes through here, so that faults are told. */
  private setAvailability(next: Availability): void {
    this.availability = next;
    if (!next.available) {
      this.faults.raise('folder-unavailable', `the shared folder is unavailable (${next.reason}: ${next.detail}); edits are kept on this computer until it is back`);
      return;
    }
    const away = this.faults.clear('folder-unavailable', (ms) => `the shared folder is back after ${lasted(ms)}; ${this.device.outbox.pending.length} edit(s) held meanwhile are published now`);
    if (away && this.device.outbox.pending.length > 0) this.heldWhileAway = true;
  }

  /** Snapshots that are due first (a new base makes pending chunks unnecessary), then the chunks. */
  private async writeCache(): Promise<void> {
    const session = this.session;
    if (!session) return;
    if (this.availability.available && this.device.outbox.pending.length === 0 && !session.sealed) {
      try {
        await writeDueSnapshots(this.snapshotWriter(), session, this.fold);
      } catch (error) {
        this.log.warn('sync', `writing a snapshot failed; it is tried again later: ${String(error)}`);
      }
    }
    await session.cache.flush();
  }

  private snapshotWriter(): SnapshotWriter {
    return {
      capabilities: this.options.capabilities,
      crypto: this.crypto,
      log: this.log,
      policy: this.options.snapshotPolicy ?? SNAPSHOT_POLICY,
      device: this.device.identity,
      now: this.now,
    };
  }

  /** After publishing, and at a start: keep this device's file count small. A failure costs nothing but files. */
  private async compact(session: TeamSession): Promise<void> {
    try {
      const compacted = await compactOwnLog(this.publishTarget(session), this.log);
      if (!compacted) return;
      session.reader.remember([compacted]);
      // Its ops are cached under the files they came from; remembering the file is enough.
      session.cache.add([compacted], []);
      this.timers.cacheChanged();
    } catch (error) {
      this.log.warn('sync', `compacting this device's segments failed; it is tried again after the next publish: ${String(error)}`);
    }
  }

  /**
   * Another computer writes as this device (the profile was copied): this one takes a new device
   * id and keys, moves its unpublished edits to the new id, and leaves every file as it is.
   */
  private async recoverFromClone(session: TeamSession, foreign: readonly ReadSegment[]): Promise<void> {
    const { oldId, newId } = this.device.remint(`another computer wrote ${foreign[0]!.path} as this device`);
    session.deviceState = session.deviceState.forDevice(newId);
    session.sealed = null;
    // The old id's unpublished ops are in the fold: fold again without them.
    await session.cache.flush();
    this.fold = (await restoreFold(this.sessionParts(), session)).fold;
    this.fold.setDevices(session.reader.devices.values());
    this.fold.apply(this.device.outbox.pending);
    this.notices.add('device-cloned', `another computer uses a copy of this profile; this computer is now device ${newId}`, {
      oldDeviceId: oldId,
      newDeviceId: newId,
    });
    this.log.warn('sync', `device ${oldId} was cloned (${foreign.map((segment) => segment.path).join(', ')}); this computer is now ${newId}`);
    await this.ensureDeviceFile();
    this.announceAll();
  }

  /** Ops we published that lost an id clash to a copied profile's: recorded again under our current id. */
  private async rescueClashed(session: TeamSession, applied: FoldChange): Promise<void> {
    const clashes = applied.results.flatMap((result) => result.clashes);
    if (clashes.length === 0) return;
    const lost = await clashedOwnOps(clashes, this.device.ownIds(), session.profile.ownSegmentsDir);
    if (lost.length === 0) return;
    this.announce(this.fold.apply(this.device.recordAgain(lost)));
    this.log.warn('sync', `recorded again ${lost.length} edit(s) hidden by a copied profile's ops of the same ids`);
  }

  private async ensureDeviceFile(): Promise<void> {
    if (!this.memberName || !this.session) return;
    try {
      await stat(teamFolderLayout(this.sharedDir).deviceFile(this.deviceId));
      return;
    } catch {
      // Not there (new, or lost with a restored backup): write it.
    }
    try {
      if (await writeDeviceFile(this.sharedDir, this.device.claim(this.memberName, this.options.appVersion), this.now())) {
        this.log.info('sync', `wrote device.json of ${this.deviceId}`);
      }
    } catch (error) {
      this.log.warn('sync', `cannot write device.json: ${String(error)}`);
    }
  }

  // ---- helpers ----

  /** Before any team is known: this computer's own unpublished edits only. */
  private teamlessFold(): TeamFold {
    const fold = new TeamFold(this.options.capabilities);
    fold.apply(this.device.outbox.pending);
    return fold;
  }

  private sessionParts(): SessionParts {
    return {
      capabilities: this.options.capabilities,
      device: () => this.device.identity,
      trust: this.options.trust,
      log: this.log,
      readerOptions: {
        sharedDir: this.sharedDir,
        crypto: this.crypto,
        now: this.now,
        fs: this.readerFs,
        ...(this.options.giveUpMs === undefined ? {} : { giveUpMs: this.options.giveUpMs }),
      },
    };
  }

  private publishTarget(session: TeamSession): PublishTarget {
    const identity = this.device.identity;
    return {
      sharedDir: this.sharedDir,
      deviceId: identity.deviceId,
      publicKeyPem: identity.publicKeyPem,
      privateKeyPem: identity.privateKeyPem,
      ownSegmentsDir: session.profile.ownSegmentsDir,
      deviceState: session.deviceState,
      crypto: this.crypto,
      fs: this.options.publishFs ?? nodePublishFs,
      now: this.now,
      ...(this.options.renameRetries === undefined ? {} : { renameRetries: this.options.renameRetries }),
    };
  }

  private report(change: FoldChange): void {
    for (const result of change.results) {
      for (const clash of result.clashes) {
        this.log.warn('sync', `two different ops share the id ${clash.id}; kept the same one as every device`);
        this.notices.add('op-clash', `two different edits share the id ${clash.id}`, { opId: clash.id });
      }
      for (const failure of result.failures) {
        this.log.error('sync', `folding ${failure.entity} failed: ${failure.message}`);
        this.notices.add('reduce-failed', `${failure.entity} could not be shown: ${failure.message}`, { entity: failure.entity });
      }
      if (result.invalid.length > 0) this.log.warn('sync', `${result.invalid.length} op(s) broke their schema and are ignored`);
    }
  }

  private announce(...changes: FoldChange[]): void {
    const kinds = new Set<string>();
    for (const change of changes) for (const kind of change.touchedKinds) kinds.add(kind);
    if (kinds.size > 0) this.emitChange([...kinds]);
  }

  /** The whole state was replaced (another team, a rebuilt fold): every screen re-fetches. */
  private announceAll(): void {
    this.emitChange(this.options.capabilities.map((capability) => capability.kind));
  }

  private emitChange(kinds: string[]): void {
    const event = { touchedKinds: [...new Set(kinds)].sort() };
    for (const listener of this.changeListeners) listener(event);
  }

  private statusNow(freshHash: boolean): SyncStatus {
    return statusOf({
      sharedDir: this.sharedDir,
      availability: this.availability,
      session: this.session,
      lastPollAt: this.lastPollAt,
      lastPublishAt: this.lastPublishAt,
      pendingOutbox: this.device.outbox.pending.length,
      deviceId: this.deviceId,
      keyProtection: this.device.identity.keyProtection,
      notices: this.notices.all,
      faults: this.faults.all,
      clock: this.device.clock,
      opsCount: this.fold.opsCount,
      stateHash: freshHash ? this.fold.stateHash(this.crypto) : this.fold.cachedStateHash(),
    });
  }

  /** Pushes the status when anything but the poll time changed (hashing the state is left to getStatus). */
  private emitStatus(): void {
    if (this.statusListeners.size === 0) return;
    const status = this.statusNow(false);
    const key = JSON.stringify({ ...status, lastPollAt: null, stateHash: null });
    if (key === this.lastStatusKey) return;
    this.lastStatusKey = key;
    for (const listener of this.statusListeners) listener(status);
  }
}

function errorText(error: unknown): string {
  return (error as NodeJS.ErrnoException | null)?.code ?? (error instanceof Error ? error.message : String(error));
}
