import { createPrivateKey, sign, type KeyObject } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { appSyncConfig } from '../electron/services/sync/app-sync-config';
import { foldFolder } from '../electron/services/sync/folder-fold';
import { teamFolderLayout } from '../electron/services/sync/layout';
import { nodeCrypto } from '../electron/services/sync/node-crypto';
import { nodeReaderFs } from '../electron/services/sync/reader-fs';
import { snapshotOfFold } from '../electron/services/sync/snapshots/snapshot-writer';
import { publishTeamSnapshot } from '../electron/services/sync/snapshots/team-snapshot';
import { COMPACTION_POLICY, planCompaction } from '../shared/sync/compaction';
import type { SyncCrypto } from '../shared/sync/crypto';
import { HybridClock } from '../shared/sync/hlc';
import { formatOpId, type Op } from '../shared/sync/op';
import { encodeSegment } from '../shared/sync/segment-encode';
import { compactedFileName, parseSegmentFileName } from '../shared/sync/segment-name';
import type { BenchKeys } from './keys';
import type { PeerThread } from './peer-thread';
import { quietLog } from './quiet-log';

/**
 * The team's devices and their logs: each op is the next one of its device (id, HLC), a device's
 * ops of one shift are sealed by `encodeSegment` (the function the service's publisher seals
 * with) and signed with its Ed25519 key, and each device compacts its own segments as the
 * service's compactor does after each publish (shared/sync/compaction.ts). The files are kept in
 * memory until the history is done and then written once: most sealed segments are compacted
 * away within weeks, and writing and deleting them was a tenth of the time. A compacted file still
 * small enough to grow again is sealed only when it stops growing (re-sealing it at every growth
 * was most of the signing and encoding); its size is known without sealing it (the same header as
 * its first part, the ops' lines, a trailer), and checked when it is sealed. The folder ends with
 * the same bytes.
 */

/** node-crypto's signing with each device's parsed key kept (parsing the PEM per segment was a third of the time). */
const keyObjects = new Map<string, KeyObject>();
export const generatorCrypto: SyncCrypto = {
  ...nodeCrypto,
  sign: (privateKeyPem, data) => {
    let key = keyObjects.get(privateKeyPem);
    if (!key) keyObjects.set(privateKeyPem, (key = createPrivateKey(privateKeyPem)));
    return sign(null, data, key).toString('base64');
  },
};

interface LogFile {
  readonly size: number;
  /** Bytes of its header line: a compaction of a run that starts with this file has the same header. */
  readonly headerBytes: number;
  readonly count: number;
  /** Its header's prev. */
  readonly prev: string | null;
  /** Null for a compacted file not sealed yet (it may still grow). */
  readonly bytes: Uint8Array | null;
  /** Null for a compacted file too large to grow again: no later run re-reads its ops (heap at size L). */
  readonly ops: readonly Op[] | null;
}

/** The placeholder sha256 in the name of a compacted file not sealed yet. */
const UNSEALED = '0'.repeat(64);
/** Bytes of a trailer line (`{"count":…,"sha256":…,"sig":…}`; an Ed25519 signature is 88 base64 characters). */
const trailerBytes = (count: number) => JSON.stringify({ count, sha256: UNSEALED, sig: 'A'.repeat(88) }).length + 1;

export class GenDevice {
  readonly clock: HybridClock;
  counter = 0;
  seq = 0;
  prev: string | null = null;
  batch: Op[] = [];
  /** Its log folder as the device knows it (file name → bytes, header prev, ops), for compacting. */
  readonly files = new Map<string, LogFile>();

  constructor(readonly keys: BenchKeys) {
    this.clock = new HybridClock(keys.deviceId);
  }
}

export class TeamLogs {
  readonly devices: GenDevice[] = [];
  readonly opsByType: Record<string, number> = {};
  opCount = 0;

  constructor(private readonly peer: PeerThread) {}

  device(keys: BenchKeys): GenDevice {
    const device = new GenDevice(keys);
    this.devices.push(device);
    return device;
  }

  emit(device: GenDevice, wall: number, type: string, entity: string, data: object): Op {
    device.counter += 1;
    const op = { id: formatOpId(device.keys.deviceId, device.counter), hlc: device.clock.now(wall), type, entity, data } as Op;
    device.batch.push(op);
    this.opsByType[type] = (this.opsByType[type] ?? 0) + 1;
    this.opCount += 1;
    return op;
  }

  /** Seals every device's batch as its next segment (the end of a shift: each computer flushed). */
  flush(wall: number): void {
    for (const device of this.devices) {
      if (device.batch.length === 0) continue;
      device.seq += 1;
      const encoded = encodeSegment({ deviceId: device.keys.deviceId, seq: device.seq, prev: device.prev, ops: device.batch }, device.keys.privateKeyPem, generatorCrypto);
      // The header is ASCII: its characters are its bytes.
      const headerBytes = encoded.text.indexOf('\n') + 1;
      device.files.set(encoded.fileName, { size: encoded.bytes.length, headerBytes, count: device.batch.length, prev: device.prev, bytes: encoded.bytes, ops: device.batch });
      this.peer.addSegment(encoded.text, wall);
      device.prev = encoded.sha256;
      device.batch = [];
      this.compact(device);
    }
  }

  /** Writes every device's log folder as it stands, and lets go of it (the root snapshot's fold needs the heap). */
  write(sharedDir: string): { segments: number; bytesOnDisk: number } {
    const layout = teamFolderLayout(sharedDir);
    let segments = 0;
    let bytesOnDisk = 0;
    for (const device of this.devices) {
      if (device.files.size === 0) continue;
      const logDir = layout.logDir(device.keys.deviceId);
      mkdirSync(logDir, { recursive: true });
      for (const [name, file] of device.files) {
        const sealed = file.bytes ? { fileName: name, bytes: file.bytes } : this.seal(device, name, file);
        writeFileSync(join(logDir, sealed.fileName), sealed.bytes);
        segments += 1;
        bytesOnDisk += sealed.bytes.length;
      }
      device.files.clear();
    }
    return { segments, bytesOnDisk };
  }

  /** What the service's compactor does after a publish, on the files this device wrote. */
  private compact(device: GenDevice): void {
    const { run } = planCompaction([...device.files].map(([name, file]) => ({ name, size: file.size })));
    if (!run) return;
    const parts = run.files.map((file) => device.files.get(file.name)!);
    const ops = parts.flatMap((part) => {
      if (!part.ops) throw new Error(`compaction planned to grow ${device.keys.deviceId}'s file of ${part.size} bytes, above COMPACTION_POLICY.growBelowBytes`);
      return part.ops;
    });
    const first = parts[0]!;
    const opBytes = parts.reduce((sum, part) => sum + part.size - part.headerBytes - trailerBytes(part.count), 0);
    const file = { size: first.headerBytes + opBytes + trailerBytes(ops.length), headerBytes: first.headerBytes, count: ops.length, prev: first.prev, bytes: null, ops };
    for (const part of run.files) device.files.delete(part.name);
    const name = compactedFileName(run.firstSeq, run.lastSeq, UNSEALED);
    if (file.size < COMPACTION_POLICY.growBelowBytes) {
      device.files.set(name, file);
      return;
    }
    // Too large to grow again: sealed now, and its ops let go.
    const sealed = this.seal(device, name, file);
    device.files.set(sealed.fileName, { ...file, bytes: sealed.bytes, ops: null });
  }

  /** Seals a compacted file named `c-<first>-<last>-<UNSEALED>`, checking the size it was planned with. */
  private seal(device: GenDevice, name: string, file: LogFile): { fileName: string; bytes: Uint8Array } {
    const parsed = parseSegmentFileName(name);
    if (parsed?.kind !== 'compacted' || !file.ops) throw new Error(`${name} is not a compacted file waiting to be sealed`);
    const draft = { deviceId: device.keys.deviceId, seq: parsed.firstSeq, lastSeq: parsed.lastSeq, prev: file.prev, ops: file.ops };
    const encoded = encodeSegment(draft, device.keys.privateKeyPem, generatorCrypto);
    if (encoded.bytes.length !== file.size) throw new Error(`${name}: planned as ${file.size} bytes, sealed as ${encoded.bytes.length}`);
    return encoded;
  }
}

/**
 * What the founder's computer (the team's root device) does once it has folded the history: reads
 * the folder, folds it with the app's capabilities and trust, and publishes its team snapshot, so
 * that a cold open starts the way a computer new to the team does.
 */
export async function writeRootSnapshot(sharedDir: string, keys: BenchKeys): Promise<void> {
  const config = appSyncConfig();
  const folded = await foldFolder(sharedDir, config, nodeReaderFs, generatorCrypto);
  if (!folded.available) throw new Error(`the generated folder is unreadable: ${folded.detail}`);
  const writer = { capabilities: config.capabilities, crypto: generatorCrypto, device: keys, now: Date.now };
  const encoded = snapshotOfFold(writer, folded.team.teamId, folded.reader, folded.fold);
  await publishTeamSnapshot(sharedDir, keys.deviceId, encoded, quietLog('[generate]'));
}
