import { mkdirSync } from 'node:fs';
import type { AnyCapability } from '../../../shared/sync/capability';
import type { SyncCrypto } from '../../../shared/sync/crypto';
import type { OpeningPhase, SyncOpening, SyncStatus } from '../../../shared/sync/status';
import type { TrustSource } from '../../../shared/sync/trust-plug';
import type { Logger } from '../log';
import { Faults, lasted } from './faults';
import { FolderMemory } from './folder-memory';
import { plainFileVault, type KeyVault } from './key-vault';
import { profileLayout, type ProfileLayout } from './layout';
import { nodeCrypto } from './node-crypto';
import { Notices } from './notices';
import { timePace, type Pace } from './pace';
import { TeamFold, type FoldChange } from './read/team-fold';
import { nodeReaderFs, type ReaderFs } from './reader-fs';
import type { SnapshotPolicy } from './snapshots/snapshot-writer';
import { statusOf, type Availability } from './status-of';
import type { SessionParts, TeamSession } from './team-session';
import { LocalDevice } from './write/local-device';
import { removeProfileTempFiles } from './write/profile-temp';
import { nodePublishFs, type PublishFs, type PublishTarget } from './write/publisher';

/**
 * What a change of the fold touched. `touched`: the entities (`kind:id`) re-folded, so that a
 * listener can look at those alone (`state.get` of each) instead of listing a kind, which would wake
 * every dormant entity of it; 'all' when the whole fold was replaced (another folder or team, a
 * rebuilt fold): look at everything again. `touchedKinds`: their kinds ('all': every kind).
 */
export interface SyncChange {
  readonly touchedKinds: readonly string[];
  readonly touched: readonly string[] | 'all';
}

export interface SyncServiceOptions {
  readonly profileDir: string;
  readonly sharedDir: string;
  readonly appVersion: string;
  /** The running build (`codeVersionOf`): summaries the local cache stores are taken only from the same one. Default: `appVersion`. */
  readonly codeVersion?: string;
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
  /** How long an open works before it lets API calls in (pace.ts); tests make it 0 (every step) or Infinity (never). */
  readonly openSliceMs?: number;
}

export const NOT_LOOKED: Availability = { available: false, reason: 'folder-missing', detail: 'not looked at yet' };

/**
 * What the sync service knows at a given moment, shared by its steps (reading in `read/`,
 * publishing in `write/`, putting right in `repair/`): the folder, the session of its team, the
 * fold, this device, and the faults and notices told. Folder work changes it one job at a time
 * (the service's queue).
 */
export class SyncContext {
  readonly log: Logger;
  readonly now: () => number;
  readonly crypto: SyncCrypto;
  readonly readerFs: ReaderFs;
  readonly profile: ProfileLayout;
  readonly device: LocalDevice;
  readonly folders: FolderMemory;
  readonly notices: Notices;
  readonly faults: Faults;
  readonly changeListeners = new Set<(change: SyncChange) => void>();
  /** Told when a line of the local cache's base turns out damaged after the start (the service rebuilds). */
  localStateDamaged: (detail: string) => void = () => {};
  sharedDir: string;
  memberName: string | null;
  fold: TeamFold;
  session: TeamSession | null = null;
  availability: Availability = NOT_LOOKED;
  lastPollAt: number | null = null;
  lastPublishAt: number | null = null;
  warnedNoName = false;
  /** The folder came back: the next publish says how many edits had waited for it. */
  heldWhileAway = false;
  failedPublishes = 0;
  /** The team's data is being opened (status.opening); null once open. */
  opening: SyncOpening | null = null;
  /** Told when the opening starts, ends or moves by a percent (the service pushes the status). */
  openingMoved: () => void = () => {};
  private openingDepth = 0;
  /** Edits waiting for the open to end (`whenOpen`). */
  private openWaiters: Array<() => void> = [];

  constructor(readonly options: SyncServiceOptions) {
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
    this.folders = new FolderMemory(this.profile.foldersFile);
    this.notices = new Notices(this.now);
    this.faults = new Faults(this.log, this.now);
    this.fold = this.teamlessFold();
  }

  get deviceId(): string {
    return this.device.deviceId;
  }

  /** Before any team is known: this computer's own unpublished edits only. */
  teamlessFold(): TeamFold {
    const fold = new TeamFold(this.options.capabilities);
    fold.apply(this.device.outbox.pending);
    return fold;
  }

  /** Every change of the folder's availability goes through here, so that faults are told. */
  setAvailability(next: Availability): void {
    this.availability = next;
    if (!next.available) {
      this.faults.raise('folder-unavailable', `the shared folder is unavailable (${next.reason}: ${next.detail}); edits are kept on this computer until it is back`);
      return;
    }
    const away = this.faults.clear('folder-unavailable', (ms) => `the shared folder is back after ${lasted(ms)}; ${this.device.outbox.pending.length} edit(s) held meanwhile are published now`);
    if (away && this.device.outbox.pending.length > 0) this.heldWhileAway = true;
  }

  /**
   * Runs the open of the folder's team (at start, after a switch, a first poll): the status says
   * so meanwhile. Nested calls are one open; the outermost ends it.
   */
  async whileOpening<T>(work: () => Promise<T>): Promise<T> {
    this.openingDepth += 1;
    if (this.openingDepth === 1) {
      this.opening = { phase: 'folder', done: 0, total: 0 };
      this.openingMoved();
    }
    try {
      return await work();
    } finally {
      this.openingDepth -= 1;
      if (this.openingDepth === 0) {
        this.opening = null;
        this.openingMoved();
        const waiters = this.openWaiters;
        this.openWaiters = [];
        for (const resolve of waiters) resolve();
      }
    }
  }

  /** Resolves once no open is running: at once when none is. */
  whenOpen(): Promise<void> {
    if (this.openingDepth === 0) return Promise.resolve();
    return new Promise((resolve) => this.openWaiters.push(resolve));
  }

  /** How far the open is; said (pushed) when the phase or the whole percent changes. Nothing while not opening. */
  openingAt(phase: OpeningPhase, done: number, total: number): void {
    const current = this.opening;
    if (!current) return;
    const percent = (at: SyncOpening) => (at.total > 0 ? Math.floor((100 * at.done) / at.total) : -1);
    const next = { phase, done: Math.min(Math.round(done), total), total };
    this.opening = next;
    if (current.phase !== phase || percent(current) !== percent(next)) this.openingMoved();
  }

  /** The pauses of an open's long loops (pace.ts). */
  pace(): Pace {
    return timePace(this.options.openSliceMs);
  }

  sessionParts(): SessionParts {
    return {
      opening: { pace: () => this.pace(), at: (phase, done, total) => this.openingAt(phase, done, total) },
      localStateDamaged: (detail) => this.localStateDamaged(detail),
      capabilities: this.options.capabilities,
      codeVersion: this.options.codeVersion ?? this.options.appVersion,
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

  publishTarget(session: TeamSession): PublishTarget {
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

  /** Clashes and failures of a fold, told in the log and on the Sync screen. */
  report(change: FoldChange): void {
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

  /** Changes applied to the current fold. A fold filled by `install` names no entity: announce it with `announceAll`. */
  announce(...changes: FoldChange[]): void {
    const kinds = new Set<string>();
    const entities = new Set<string>();
    for (const change of changes) {
      for (const kind of change.touchedKinds) kinds.add(kind);
      for (const result of change.results) for (const entity of result.touched) entities.add(entity);
    }
    if (kinds.size > 0) this.emitChange([...kinds], [...entities]);
  }

  /** The whole state was replaced (another team, a rebuilt fold): every screen re-fetches. */
  announceAll(): void {
    this.emitChange(this.options.capabilities.map((capability) => capability.kind), 'all');
  }

  private emitChange(kinds: string[], touched: readonly string[] | 'all'): void {
    const event: SyncChange = { touchedKinds: [...new Set(kinds)].sort(), touched };
    for (const listener of this.changeListeners) listener(event);
  }

  statusNow(freshHash: boolean): SyncStatus {
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
      opening: this.opening,
      // While opening, the state is not the team's yet: no hash (computing one would only hold up the answer).
      stateHash: this.opening ? null : freshHash ? this.fold.stateHash(this.crypto) : this.fold.cachedStateHash(),
    });
  }
}
