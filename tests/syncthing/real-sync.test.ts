import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SyncService } from '../../electron/services/sync/sync-service';
import { nodeCrypto } from '../../electron/services/sync/node-crypto';
import { createSyncState, lwwSetData, type Op } from '../../shared/sync';
import { CAPABILITIES, memoryLog, type MemoryLog } from '../sync-sim/baton-cluster';
import { note } from '../sync/example-capabilities';
import { describePropagation, measurePropagation } from './propagation-probe';
import { listRecursive, startSyncthingPair, waitFor, type SyncthingPair } from './syncthing-harness';

/**
 * The real engine: two Syncthing instances on loopback, each replicating its own copy of the
 * shared folder, and one Baton service on each copy running on its own timers (flusher, poller,
 * file watcher), as in the app. Concurrent edits on both sides converge, and Syncthing never has
 * a reason to make a conflict copy of a Baton file: one writer per file, files never rewritten.
 */

const TIMEOUT_MS = 60_000;

interface Side {
  readonly name: string;
  readonly service: SyncService;
  readonly log: MemoryLog;
}

describe('Baton over real Syncthing', () => {
  let pair: SyncthingPair;
  let profiles: string;
  const sides: Side[] = [];
  const acknowledged = new Map<string, Op>();

  const start = (name: string, sharedDir: string, memberName: string): Side => {
    const log = memoryLog();
    const service = new SyncService({
      profileDir: join(profiles, name),
      sharedDir,
      appVersion: '0.1.0-syncthing',
      log,
      capabilities: CAPABILITIES,
      memberName,
      watch: true,
      pollIntervalMs: 500,
      flushDelayMs: 300,
      cacheDelayMs: 1_000,
    });
    const side = { name, service, log };
    sides.push(side);
    return side;
  };

  const edit = (side: Side, id: string, title: string) => {
    const current = side.service.state.get(note, id) as ReturnType<typeof note.reduce> | undefined;
    for (const op of side.service.record([{ type: 'note.set', entity: `note:${id}`, data: { ...lwwSetData(current?.fields, { title }) } }])) {
      acknowledged.set(op.id, op);
    }
  };

  const expectedHash = () => {
    const state = createSyncState(CAPABILITIES);
    state.apply([...acknowledged.values()]);
    return state.stateHash(nodeCrypto);
  };

  const converged = async (what: string) => {
    const expected = expectedHash();
    await waitFor(
      what,
      () =>
        sides.every((side) => {
          const status = side.service.getStatus();
          return status.available && status.pendingOutbox === 0 && status.stateHash === expected && status.opsCount === acknowledged.size;
        }),
      TIMEOUT_MS,
      200,
    );
  };

  let failure: unknown;

  beforeAll(async () => {
    profiles = mkdtempSync(join(tmpdir(), 'baton-syncthing-profiles-'));
    try {
      pair = await startSyncthingPair();
    } catch (error) {
      // Failed in the test below rather than here, so that it is reported failed, never skipped.
      failure = error;
    }
  }, 120_000);

  afterAll(async () => {
    for (const side of sides) await side.service.close();
    await pair?.stop();
    if (profiles) rmSync(profiles, { recursive: true, force: true });
  }, 60_000);

  it('concurrent edits on both copies converge to the same stateHash, with no .sync-conflict- copy of any Baton file', async () => {
    if (failure !== undefined) throw failure;
    const alice = start('alice', pair.a.folder, 'Alice');
    await alice.service.ready;
    await alice.service.createTeam({ teamName: '运营组', memberName: 'Alice' });
    await waitFor('team.json to reach B', () => existsSync(join(pair.b.folder, 'baton', 'team.json')), TIMEOUT_MS);
    const bob = start('bob', pair.b.folder, 'Bob');
    await bob.service.ready;
    await waitFor('B to see the team', () => bob.service.getStatus().available, TIMEOUT_MS, 200);
    await waitFor(
      "each to read the other's device.json",
      () => sides.every((side) => side.service.getStatus().devices.length === 2),
      TIMEOUT_MS,
      200,
    );

    // Rounds of concurrent edits on both sides: the same field of one note, and notes of their own.
    for (let round = 0; round < 4; round += 1) {
      for (let burst = 0; burst < 3; burst += 1) {
        edit(alice, 'shared', `Alice 第 ${round}.${burst} 版`);
        edit(bob, 'shared', `Bob 第 ${round}.${burst} 版`);
        edit(alice, `a${round}`, `Alice 的笔记 ${round}.${burst}`);
        edit(bob, `b${round}`, `Bob 的笔记 ${round}.${burst}`);
      }
      if (round % 2 === 1) await converged(`round ${round} to converge`);
    }
    await converged('both sides to converge');
    await pair.waitInSync();
    await converged('both sides to stay converged');

    const statuses = sides.map((side) => side.service.getStatus());
    expect(statuses[0]!.stateHash).toBe(statuses[1]!.stateHash);
    for (const status of statuses) {
      expect(status.setAside).toEqual([]);
      expect(status.salvaged).toEqual([]);
      expect(status.notices.filter((notice) => notice.kind !== 'cache-rebuilt')).toEqual([]);
    }
    // The winner of the shared field is the same on both, and nobody's last edit vanished silently.
    const shown = sides.map((side) => (side.service.state.get(note, 'shared') as ReturnType<typeof note.reduce>).fields.title!);
    expect(shown[0]).toEqual(shown[1]);

    const files = { a: listRecursive(pair.a.folder), b: listRecursive(pair.b.folder) };
    const conflicts = [...files.a, ...files.b].filter((rel) => rel.includes('.sync-conflict-'));
    expect(conflicts).toEqual([]);
    const baton = (list: string[]) => list.filter((rel) => rel.startsWith('baton/') && !rel.split('/').some((part) => part.startsWith('.')));
    expect(baton(files.a)).toEqual(baton(files.b));
    expect(baton(files.a).filter((rel) => rel.endsWith('.jsonl')).length).toBeGreaterThanOrEqual(4);
  }, 180_000);

  // Measured and printed, never asserted (timing is `npm run bench`'s job): an edit recorded on A
  // as a screen records it, published by the service's own policy, until B's state shows it,
  // against Syncthing alone moving a 1 KB file written with temp + rename, taken in turns.
  it("measures Baton's propagation against Syncthing's own, in the same run", async () => {
    if (failure !== undefined) throw failure;
    const [alice, bob] = sides;
    const report = await measurePropagation({
      writer: { folder: pair.a.folder, deviceId: alice!.service.deviceId },
      reader: { folder: pair.b.folder, deviceId: bob!.service.deviceId },
      samples: 8,
      edit: (sample) => edit(alice!, `m${sample}`, `测量 ${sample}`),
      shown: (sample) => bob!.service.state.get(note, `m${sample}`) !== undefined,
    });
    console.log(`propagation over real Syncthing (watch delay 1 s): ${describePropagation(report, 'Syncthing')}`);
    expect(report.samples).toBe(8);
  }, 180_000);
});
