import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { memoryLog, type MemoryLog } from '../support/memory-log';
import { nodeCrypto } from '../../electron/services/sync/node-crypto';
import { SyncService, type OpDraft, type SyncServiceOptions } from '../../electron/services/sync/sync-service';
import {
  createSyncState,
  decodeSegment,
  lwwSetData,
  MAX_SEGMENT_BYTES,
  parseSegmentFileName,
  type AnyCapability,
  type Op,
} from '../../shared/sync';
import type { SyncStatus } from '../../shared/sync/status';
import { note, prizeRequest } from '../sync/example-capabilities';
import { SimWorld, type SimWorldOptions } from './sim-engine';

/**
 * A team of simulated computers: each runs a real SyncService on its own profile and its own copy
 * of the shared folder; the SimWorld moves files between the copies. Services are driven by hand
 * (no timer fires: polls and flushes are asked for), and every computer reads one virtual clock
 * (plus its own skew), so a run is deterministic.
 */

export const CAPABILITIES: readonly AnyCapability[] = [note, prizeRequest];
/** 2026-01-05 09:00 Asia/Shanghai */
export { memoryLog, type MemoryLog };

export const START_MS = Date.UTC(2026, 0, 5, 1, 0, 0);
export const HOUR = 60 * 60 * 1000;
export const DAY = 24 * HOUR;
/** Long enough that no timer of a hand-driven service fires during a test. */
const NEVER = 3_600_000;


export interface Member {
  readonly name: string;
  readonly memberName: string;
  service: SyncService;
  readonly log: MemoryLog;
  /** This computer's clock error, added to the virtual time. */
  offsetMs: number;
}

export interface ClusterOptions extends SimWorldOptions {
  /** Who creates the team (default: the first computer). */
  readonly founder?: string;
  /** Service options for every computer (on top of the hand-driven defaults). */
  readonly service?: Partial<SyncServiceOptions>;
  /** Per-computer clock error at start. */
  readonly offsets?: Readonly<Record<string, number>>;
  /** Per-computer service options. */
  readonly perComputer?: Readonly<Record<string, Partial<SyncServiceOptions>>>;
  /** Computers that only hold a copy of the folder and run no Baton (a NAS, a computer not set up yet). */
  readonly idle?: readonly string[];
}

export class Cluster {
  /** The virtual "true" time every computer's clock is derived from. */
  time = START_MS;
  readonly members = new Map<string, Member>();
  /** Every op any computer's `record` acknowledged, by id (re-homed ops replace their originals). */
  readonly acknowledged = new Map<string, Op>();
  private readonly retired: Array<{ service: SyncService; hung: boolean }> = [];

  private constructor(
    readonly world: SimWorld,
    private readonly options: ClusterOptions,
  ) {}

  /**
   * The founder creates the team in its copy; the engine carries team.json to everyone; each
   * other computer starts, writes its device.json, and the engine carries those too.
   */
  static async create(options: ClusterOptions): Promise<Cluster> {
    const cluster = new Cluster(new SimWorld(options), options);
    try {
      const founder = options.founder ?? options.computers[0]!;
      const first = cluster.start(founder);
      await first.service.ready;
      await first.service.createTeam({ teamName: '运营组', memberName: first.memberName });
      cluster.world.settle();
      for (const name of options.computers) {
        if (name === founder || options.idle?.includes(name)) continue;
        const member = cluster.start(name);
        await member.service.ready;
        await member.service.syncNow();
      }
      cluster.world.settle();
      for (const member of cluster.members.values()) await member.service.pollNow();
      return cluster;
    } catch (error) {
      await cluster.dispose();
      throw error;
    }
  }

  member(name: string): Member {
    const member = this.members.get(name);
    if (!member) throw new RangeError(`no computer ${name} in the cluster`);
    return member;
  }

  service(name: string): SyncService {
    return this.member(name).service;
  }

  /** Starts (or starts again, on the same profile) the service of a computer. */
  start(name: string, overrides: Partial<SyncServiceOptions> = {}): Member {
    const computer = this.world.computer(name);
    const existing = this.members.get(name);
    const member: Member = existing ?? {
      name,
      memberName: computer.owner,
      log: memoryLog(),
      offsetMs: this.options.offsets?.[name] ?? 0,
      service: undefined as unknown as SyncService,
    };
    member.service = new SyncService({
      profileDir: computer.profileDir,
      sharedDir: computer.sharedDir,
      appVersion: '0.1.0-sim',
      log: member.log,
      capabilities: CAPABILITIES,
      memberName: member.memberName,
      watch: false,
      pollIntervalMs: NEVER,
      flushDelayMs: NEVER,
      cacheDelayMs: NEVER,
      now: () => this.time + member.offsetMs,
      ...this.options.service,
      ...this.options.perComputer?.[name],
      ...overrides,
    });
    this.members.set(name, member);
    return member;
  }

  /** Closes a computer's service the orderly way and starts a new one on the same profile. */
  async restart(name: string, overrides: Partial<SyncServiceOptions> = {}): Promise<Member> {
    await this.member(name).service.close();
    const member = this.start(name, overrides);
    await member.service.ready;
    return member;
  }

  /**
   * The process died: the old service is dropped as it is, and a new one starts on the same
   * profile. The old one does nothing more: its timers never fire during a test, and the job a
   * crash seam holds never finishes. (It is closed at dispose, to stop its timers.)
   */
  async crashAndRestart(
    name: string,
    overrides: Partial<SyncServiceOptions> = {},
    /** The old service is stuck in a job that never ends (a crash seam): its close() never finishes. */
    options: { hung?: boolean } = {},
  ): Promise<Member> {
    this.retired.push({ service: this.member(name).service, hung: options.hung ?? false });
    const member = this.start(name, overrides);
    await member.service.ready;
    return member;
  }

  advance(ms: number): void {
    this.time += ms;
  }

  /** Records edits on a computer, as a domain service would; returns the acknowledged ops. */
  record(name: string, drafts: readonly OpDraft[]): Op[] {
    const ops = this.service(name).record(drafts);
    for (const op of ops) this.acknowledged.set(op.id, op);
    return ops;
  }

  /** Sets a note's title having seen what this computer shows (resolving conflicts it shows). */
  editNote(name: string, id: string, fields: { title?: string; body?: string }): Op {
    const current = this.service(name).state.get(note, id) as ReturnType<typeof note.reduce> | undefined;
    return this.record(name, [{ type: 'note.set', entity: `note:${id}`, data: { ...lwwSetData(current?.fields, fields) } }])[0]!;
  }

  deleteNote(name: string, id: string): Op {
    const seen = this.service(name).state.heads(`note:${id}`);
    return this.record(name, [{ type: 'note.deleted', entity: `note:${id}`, data: { seen } }])[0]!;
  }

  restoreNote(name: string, id: string): Op {
    const seen = this.service(name).state.heads(`note:${id}`);
    return this.record(name, [{ type: 'note.restored', entity: `note:${id}`, data: { seen } }])[0]!;
  }

  commentNote(name: string, id: string, text: string): Op {
    return this.record(name, [{ type: 'note.commented', entity: `note:${id}`, data: { text } }])[0]!;
  }

  noteState(name: string, id: string): ReturnType<typeof note.reduce> | undefined {
    return this.service(name).state.get(note, id) as ReturnType<typeof note.reduce> | undefined;
  }

  status(name: string): SyncStatus {
    return this.service(name).getStatus();
  }

  hashes(): Record<string, string> {
    return Object.fromEntries([...this.members].map(([name, member]) => [name, member.service.getStatus().stateHash!]));
  }

  /** The state hash the acknowledged ops fold to, computed without the service: the oracle. */
  expectedHash(ops: Iterable<Op> = this.acknowledged.values()): string {
    const state = createSyncState(CAPABILITIES);
    state.apply([...ops]);
    return state.stateHash(nodeCrypto);
  }

  /**
   * No more faults: every mounted computer publishes and polls, the engine settles, and again,
   * until every computer shows the same state with nothing left in its outbox (bounded rounds).
   */
  async converge(rounds = 4): Promise<void> {
    for (let round = 0; round < rounds; round += 1) {
      for (const member of this.members.values()) {
        if (this.world.isMounted(member.name)) await member.service.syncNow();
      }
      this.world.settle();
      for (const member of this.members.values()) {
        if (this.world.isMounted(member.name)) await member.service.syncNow();
      }
      this.world.settle();
      for (const member of this.members.values()) await member.service.pollNow();
      const statuses = [...this.members.values()].map((member) => member.service.getStatus());
      if (
        statuses.every((status) => status.pendingOutbox === 0 && status.available) &&
        new Set(statuses.map((status) => status.stateHash)).size === 1
      ) {
        return;
      }
    }
  }

  /**
   * Ops of every verified segment in a computer's copy of the folder, strict names only (files
   * of record), keyed by op id; `duplicates` lists op ids found in two files of record.
   */
  publishedOps(name: string): { ops: Map<string, Op>; duplicates: string[] } {
    const sharedDir = this.world.computer(name).sharedDir;
    const devicesDir = join(sharedDir, 'baton', 'devices');
    const ops = new Map<string, Op>();
    const duplicates: string[] = [];
    for (const deviceId of safeReaddir(devicesDir)) {
      let key: string;
      try {
        key = (JSON.parse(readFileSync(join(devicesDir, deviceId, 'device.json'), 'utf8')) as { publicKey: string }).publicKey;
      } catch {
        continue;
      }
      const logDir = join(devicesDir, deviceId, 'log');
      for (const file of safeReaddir(logDir)) {
        if (!parseSegmentFileName(file) || statSync(join(logDir, file)).size > MAX_SEGMENT_BYTES) continue;
        const decoded = decodeSegment(readFileSync(join(logDir, file)), (id) => (id === deviceId ? key : undefined), nodeCrypto);
        if (!decoded.ok) continue;
        for (const op of decoded.ops) {
          if (ops.has(op.id)) duplicates.push(op.id);
          ops.set(op.id, op);
        }
      }
    }
    return { ops, duplicates };
  }

  /** Closes every service and removes every folder. */
  async dispose(): Promise<void> {
    for (const member of this.members.values()) {
      await member.service.close().catch(() => undefined);
    }
    // close() clears a crashed service's timers at once; for a hung one the rest of it waits
    // forever behind the job the crash seam holds, so it is not awaited.
    for (const old of this.retired.splice(0)) {
      const closing = old.service.close().catch(() => undefined);
      if (!old.hung) await closing;
    }
    this.world.dispose();
  }
}

function safeReaddir(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}

/** Creates a cluster, runs `body`, always cleans up. On failure, the services' logs are attached. */
export async function withCluster<T>(options: ClusterOptions, body: (cluster: Cluster) => Promise<T>): Promise<T> {
  const cluster = await Cluster.create(options);
  try {
    return await body(cluster);
  } catch (error) {
    const logs = [...cluster.members.values()]
      .map((member) => `--- ${member.name} (${member.service.deviceId}) ---\n${member.log.lines.slice(-30).join('\n')}`)
      .join('\n');
    if (error instanceof Error) error.message += `\n\nservice logs:\n${logs}`;
    throw error;
  } finally {
    await cluster.dispose();
  }
}
