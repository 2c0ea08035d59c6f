import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  anyRunning,
  freePorts,
  listRecursive,
  startSyncthingPair,
  waitFor,
  writeFileAtomically,
  type SyncthingPair,
} from './syncthing-harness';

describe('Syncthing harness', () => {
  let started: SyncthingPair | undefined;
  let failure: unknown;
  /** A start that failed (Syncthing missing, say) fails every test here: none is skipped. */
  const pairOrThrow = (): SyncthingPair => {
    if (!started) throw failure;
    return started;
  };

  beforeAll(async () => {
    try {
      started = await startSyncthingPair();
    } catch (error) {
      failure = error;
    }
  }, 120_000);

  afterAll(async () => {
    await started?.stop();
  }, 60_000);

  it('finds distinct free ports', async () => {
    const ports = await freePorts(4);
    expect(new Set(ports).size).toBe(4);
    for (const port of ports) expect(port).toBeGreaterThan(0);
  });

  it('runs two instances on loopback only, each with a monitor and a child process', async () => {
    const pair = pairOrThrow();
    for (const node of [pair.a, pair.b]) {
      expect(node.processes()).toHaveLength(2);
      expect(anyRunning(node)).toBe(true);
      const config = await node.api<{
        options: Record<string, unknown>;
        gui: { address: string };
        folders: Array<{ id: string; path: string; fsWatcherEnabled: boolean; fsWatcherDelayS: number; rescanIntervalS: number }>;
      }>('/rest/config');
      expect(config.gui.address).toBe(`127.0.0.1:${node.guiPort}`);
      expect(config.options.listenAddresses).toEqual([`tcp://127.0.0.1:${node.listenPort}`]);
      expect(config.options.globalAnnounceEnabled).toBe(false);
      expect(config.options.localAnnounceEnabled).toBe(false);
      expect(config.options.relaysEnabled).toBe(false);
      expect(config.options.natEnabled).toBe(false);
      expect(config.options.urAccepted).toBe(-1);
      expect(config.options.crashReportingEnabled).toBe(false);
      expect(config.options.autoUpgradeIntervalH).toBe(0);
      expect(config.folders).toHaveLength(1);
      expect(config.folders[0]).toMatchObject({
        id: pair.folderId,
        path: node.folder,
        fsWatcherEnabled: true,
        fsWatcherDelayS: 1,
        rescanIntervalS: 10,
      });
      expect(existsSync(join(node.folder, '.stfolder'))).toBe(true);
    }
    expect(pair.a.folder).not.toBe(pair.b.folder);
  });

  it('a file written with temp + rename on A appears on B with the same bytes', async () => {
    const pair = pairOrThrow();
    const dir = join(pair.a.folder, 'baton', 'devices', 'abc', 'log');
    mkdirSync(dir, { recursive: true });
    const text = `${JSON.stringify({ hello: '接力', at: 1 })}\n`.repeat(20);
    writeFileAtomically(join(dir, '000000000001-deadbeef.jsonl'), text);
    const onB = join(pair.b.folder, 'baton', 'devices', 'abc', 'log', '000000000001-deadbeef.jsonl');
    await waitFor('the file on B', () => existsSync(onB) && readFileSync(onB, 'utf8') === text, 60_000);
    await pair.waitInSync();
    expect(listRecursive(pair.b.folder).filter((rel) => !rel.startsWith('.stfolder'))).toEqual([
      'baton/devices/abc/log/000000000001-deadbeef.jsonl',
    ]);
  });
});

describe('Syncthing harness: stopping', () => {
  it('stops exactly the processes it started and removes its folders', async () => {
    const pair = await startSyncthingPair();
    const nodes = [pair.a, pair.b];
    expect(nodes.every(anyRunning)).toBe(true);
    await pair.stop();
    expect(nodes.some(anyRunning)).toBe(false);
    expect(existsSync(pair.root)).toBe(false);
    await pair.stop(); // twice is harmless
  }, 120_000);
});
