import type { HybridClock } from '../../../shared/sync/hlc';
import type { Op } from '../../../shared/sync/op';
import type { SyncStatus } from '../../../shared/sync/status';
import type { TeamFile } from '../../../shared/sync/team-files';
import type { ReadonlySyncState } from '../../../shared/sync/trust-plug';
import { closeSession, openSession } from './folder-session';
import { probeFolder } from './folder-probe';
import { pinTeam } from './pinned-team';
import { pollFolder, type PollHooks } from './read/poll-step';
import { SerialQueue } from './serial-queue';
import { SNAPSHOT_POLICY, writeDueSnapshots, type SnapshotWriter } from './snapshots/snapshot-writer';
import { NOT_LOOKED, SyncContext, type SyncChange, type SyncServiceOptions } from './sync-context';
import { createTeamFiles, TeamExistsError } from './team-create';
import { FolderWatch } from './watch/folder-watch';
import { SyncTimers } from './watch/sync-timers';
import type { OpDraft } from './write/local-device';
import { compactOwn, publishOutbox } from './write/publish-step';

export type { OpDraft } from './write/local-device';
export type { SyncChange, SyncServiceOptions } from './sync-context';

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

/**
 * The storage and sync service of one profile: records edits durably, publishes them as signed
 * segments into this device's folder of the shared team folder, reads everyone's segments and
 * keeps the folded state. SYNC-DESIGN.md is the design; ./README.md the guide. Its steps live in
 * rooms (`read/`, `write/`, `repair/`, `snapshots/`, `watch/`) and share one `SyncContext`.
 *
 * Other services use `record`, `state`, `clock`, `deviceId` and `onChange`. Read `state`,
 * `clock` and `deviceId` anew each time: they change when the folder's team changes or when a
 * copied profile gets a new device id.
 */
export class SyncService {
  readonly ready: Promise<void>;
  /** After `ready`, once the local state the start left is checked or written (see `settleLocalState`). */
  readonly settled: Promise<void>;
  private readonly ctx: SyncContext;
  private readonly queue = new SerialQueue();
  private readonly timers: SyncTimers;
  private readonly watcher: FolderWatch;
  private readonly hooks: PollHooks;
  private readonly statusListeners = new Set<(status: SyncStatus) => void>();
  private lastStatusKey = '';
  private closed = false;
  private rebuilding = false;

  constructor(private readonly options: SyncServiceOptions) {
    const ctx = new SyncContext(options);
    this.ctx = ctx;
    if (ctx.memberName) ctx.device.ensureMemberId();
    const waiting = ctx.device.outbox.pending.length;
    if (waiting > 0) ctx.log.info('sync', `start: ${waiting} edit(s) recorded before the last stop are not published yet; publishing them`);
    this.timers = new SyncTimers(
      {
        poll: () => this.job(async () => {
          await this.poll();
          // Edits that waited for the folder, or a publish that failed: now, unless an edit is settling.
          if (!this.timers.flushPending) await this.publish();
          // Closed entities read since (a search index built, a history opened) go back to disk.
          this.ctx.fold.state.rest();
        }),
        flush: () => this.job(() => this.pollAndPublish()),
        writeCache: () => this.job(() => this.writeCache()),
      },
      { pollIntervalMs: options.pollIntervalMs ?? 5000, flushDelayMs: options.flushDelayMs ?? 2000, cacheDelayMs: options.cacheDelayMs ?? 5000 },
      ctx.log,
      ctx.now,
    );
    this.watcher = new FolderWatch(() => this.timers.pollSoon(), ctx.log, ctx.now);
    this.hooks = {
      watcher: this.watcher,
      watch: options.watch ?? true,
      pollIntervalMs: () => this.timers.pollIntervalMs,
      cacheChanged: () => this.timers.cacheChanged(),
    };
    // The open's progress is pushed as it goes: screens say what is still arriving.
    ctx.openingMoved = () => this.emitStatus();
    // Opening from the first moment: a status asked before the job starts says so too.
    this.ready = ctx.whileOpening(() => this.job(() => this.openFolder()));
    // Not part of the start: what a start left of the local state to check or write.
    this.settled = this.ready.then(() => this.job(() => this.settleLocalState())).catch(() => {});
    ctx.localStateDamaged = (detail) => {
      if (this.rebuilding) return;
      this.rebuilding = true;
      void this.job(() => this.rebuildLocalState(detail)).finally(() => (this.rebuilding = false));
    };
    this.timers.schedulePoll();
  }

  get deviceId(): string {
    return this.ctx.device.deviceId;
  }

  get clock(): HybridClock {
    return this.ctx.device.clock;
  }

  /** This device's public identity (for a join request, say); never the private key. */
  publicIdentity(): { deviceId: string; memberId: string | null; publicKey: string } {
    const identity = this.ctx.device.identity;
    return { deviceId: identity.deviceId, memberId: identity.memberId, publicKey: identity.publicKeyPem };
  }

  /** The folded team data (read-only); includes this computer's edits not yet published. */
  get state(): ReadonlySyncState {
    return this.ctx.fold.state;
  }

  onChange(listener: (change: SyncChange) => void): () => void {
    this.ctx.changeListeners.add(listener);
    return () => this.ctx.changeListeners.delete(listener);
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
    const ops = this.ctx.device.record(drafts);
    if (ops.length === 0) return ops;
    this.ctx.announce(this.ctx.fold.apply(ops));
    this.timers.editRecorded();
    this.emitStatus();
    return ops;
  }

  /**
   * Resolves once the team's data is open (at once when it is). An edit is built from the state it
   * reads (a field's `seen`, a rule's check); made while the open has not read an entity yet, it
   * would miss what it continues, so edits wait for this (dispatch's `beforeWrite`).
   */
  whenOpen(): Promise<void> {
    return this.ctx.whenOpen();
  }

  /**
   * The status, with a freshly computed state hash; `freshHash: false` leaves the hash null when
   * it is not current (hashing wakes and folds every entity a restart left on disk). While the
   * team's data is opening (`opening`), the hash is not computed either: it answers at once.
   */
  getStatus(options: { readonly freshHash?: boolean } = {}): SyncStatus {
    return this.ctx.statusNow(options.freshHash ?? true);
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
      if (sharedDir === this.ctx.sharedDir) return;
      await closeSession(this.ctx, this.hooks);
      this.ctx.sharedDir = sharedDir;
      this.ctx.availability = NOT_LOOKED;
      this.ctx.faults.clear('folder-unavailable', () => `switched to another shared folder (${sharedDir})`);
      this.ctx.fold = this.ctx.teamlessFold();
      this.ctx.announceAll();
      await this.openFolder();
    });
  }

  /** Whether the current folder holds, or last held, a team this computer knows. */
  hasKnownTeam(): boolean {
    return this.ctx.session !== null || this.ctx.folders.teamOf(this.ctx.sharedDir) !== null;
  }

  /** The person's name on this computer; naming them the first time makes their member id. */
  setMemberName(name: string | null): void {
    this.ctx.memberName = name;
    if (!name) return;
    this.ctx.warnedNoName = false;
    this.ctx.device.ensureMemberId();
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
      const probe = await probeFolder(this.ctx.sharedDir, this.ctx.readerFs);
      if (probe.available) throw new TeamExistsError(probe.team);
      if (probe.reason !== 'no-team' && !(options.createFolder && probe.reason === 'folder-missing')) {
        throw new Error(`cannot create a team in ${this.ctx.sharedDir}: ${probe.detail}`);
      }
      this.ctx.memberName = input.memberName;
      const claim = this.ctx.device.claim(input.memberName, this.options.appVersion);
      const team = await createTeamFiles(this.ctx.sharedDir, input.teamName, claim, this.ctx.now());
      // This computer's own new team: accepted even where it remembers another team in this folder.
      pinTeam(this.ctx.profile.team(team.teamId).teamFile, team);
      this.ctx.log.info('sync', `created team ${team.teamId} (${team.name}) in ${this.ctx.sharedDir}`);
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
        if (this.ctx.device.outbox.pending.length > 0 && this.ctx.availability.available) await this.publish();
        await closeSession(this.ctx, this.hooks);
      })
      .catch((error: unknown) => this.ctx.log.error('sync', 'closing the sync service', error));
  }

  // ---- folder work: always inside the queue ----

  /** Runs folder work one job at a time, then pushes the status if it changed. */
  private job<T>(work: () => Promise<T>): Promise<T> {
    return this.queue.run(work).finally(() => this.emitStatus());
  }

  private poll(): Promise<void> {
    return pollFolder(this.ctx, this.hooks);
  }

  private publish(): Promise<void> {
    return publishOutbox(this.ctx, this.hooks.cacheChanged);
  }

  private async pollAndPublish(): Promise<void> {
    await this.poll();
    await this.publishAndCompact();
  }

  private async publishAndCompact(): Promise<void> {
    await this.publish();
    // Also when nothing was published: a compaction cut short by a crash is finished at the next start.
    if (this.ctx.session && this.ctx.availability.available) await compactOwn(this.ctx, this.ctx.session, this.hooks.cacheChanged);
  }

  /** At start and after a folder switch: a folder that is away still shows its team's cached data. */
  private async openFolder(): Promise<void> {
    // Opening ends with the first poll's fold; publishing what waited comes after.
    const available = await this.ctx.whileOpening(async () => {
      const probe = await probeFolder(this.ctx.sharedDir, this.ctx.readerFs);
      if (probe.available) {
        await this.poll();
        return true;
      }
      this.ctx.setAvailability(probe);
      const teamId = this.ctx.folders.teamOf(this.ctx.sharedDir);
      if (teamId) await openSession(this.ctx, this.hooks, teamId, null);
      return false;
    });
    if (available) await this.publishAndCompact();
  }

  /**
   * After the start: a base a restart opened without reading it is hashed on another thread
   * (damaged, it is rebuilt); a base a new computer took from the team's snapshot is written at
   * once, so that its closed entities go back to disk and the next start is a restart.
   */
  private async settleLocalState(): Promise<void> {
    const session = this.ctx.session;
    if (!session) return;
    if (!(await session.cache.verifyBase())) {
      if (this.ctx.session === session) await this.rebuildLocalState('base.snap: its hash does not match (damaged)');
      return;
    }
    if (session.cache.baseWaiting) await this.writeCache();
  }

  /** Forgets the local cache and opens the folder again as a computer new to the team would. */
  private async rebuildLocalState(detail: string): Promise<void> {
    const session = this.ctx.session;
    if (!session || this.closed) return;
    this.ctx.log.error('sync', `the local cache is damaged and is rebuilt from the shared folder: ${detail}`);
    this.ctx.notices.add('cache-rebuilt', 'the local cache was damaged and is being rebuilt from the shared folder');
    await closeSession(this.ctx, this.hooks);
    await session.cache.clear();
    this.ctx.fold = this.ctx.teamlessFold();
    this.ctx.announceAll();
    await this.openFolder();
  }

  /** Snapshots that are due first (a new base makes pending chunks unnecessary), then the chunks. */
  private async writeCache(): Promise<void> {
    const { session, availability, device } = this.ctx;
    if (!session) return;
    if (availability.available && device.outbox.pending.length === 0 && !session.sealed) {
      try {
        await writeDueSnapshots(this.snapshotWriter(), session, this.ctx.fold);
      } catch (error) {
        this.ctx.log.warn('sync', `writing a snapshot failed; it is tried again later: ${String(error)}`);
      }
    }
    await session.cache.flush();
    const written = session.cache.takeWritten();
    if (!written || this.ctx.session !== session) return;
    const slept = this.ctx.fold.state.sleep(written.dormant, written.counters, written.mark);
    if (slept > 0) this.ctx.log.info('sync', `${slept} closed entities went back to disk (the local state holds them)`);
  }

  private snapshotWriter(): SnapshotWriter {
    return {
      capabilities: this.options.capabilities,
      crypto: this.ctx.crypto,
      log: this.ctx.log,
      policy: this.options.snapshotPolicy ?? SNAPSHOT_POLICY,
      device: this.ctx.device.identity,
      now: this.ctx.now,
    };
  }

  /** Pushes the status when anything but the poll time changed (hashing the state is left to getStatus). */
  private emitStatus(): void {
    if (this.statusListeners.size === 0) return;
    const status = this.ctx.statusNow(false);
    const key = JSON.stringify({ ...status, lastPollAt: null, stateHash: null });
    if (key === this.lastStatusKey) return;
    this.lastStatusKey = key;
    for (const listener of this.statusListeners) listener(status);
  }
}
