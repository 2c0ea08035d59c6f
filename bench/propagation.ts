import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { teamFolderLayout } from '../electron/services/sync/layout';
import type { BenchDevice, Dataset } from './generate';
import { tempProfile } from './measure';
import type { ChildConfig, FromChild, ToChild } from './propagation-child';
import { Rng } from './prng';

const CHILD = fileURLToPath(new URL('./propagation-child.ts', import.meta.url));

/** A profile holding a bench device's identity (the format identity.ts reads), key in a plain file. */
function profileFor(device: BenchDevice): string {
  const profileDir = tempProfile();
  mkdirSync(join(profileDir, 'sync'), { recursive: true });
  const identity = {
    format: 'baton/identity@1',
    deviceId: device.deviceId,
    publicKey: device.publicKeyPem,
    privateKey: { protection: 'plain-file', sealed: device.privateKeyPem },
    memberId: device.memberId,
    created: new Date().toISOString(),
    replaced: [],
  };
  writeFileSync(join(profileDir, 'sync', 'identity.json'), JSON.stringify(identity), { mode: 0o600 });
  return profileDir;
}

class Child {
  private readonly waiters = new Map<string, (message: FromChild) => void>();
  private readonly failures = new Map<string, (error: Error) => void>();
  readonly process: ChildProcess;
  readonly ready: Promise<number>;

  constructor(config: ChildConfig) {
    this.process = fork(CHILD, [JSON.stringify(config)], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.ready = this.next('ready').then((message) => (message.type === 'ready' ? message.openMs : 0));
    this.process.once('exit', (code) => {
      for (const waiter of this.failures.values()) waiter(new Error(`propagation child exited (${code})`));
    });
    this.process.on('message', (message: FromChild) => {
      const key = 'id' in message ? `${message.type}:${message.id}` : message.type;
      const waiter = this.waiters.get(key);
      this.waiters.delete(key);
      waiter?.(message);
    });
  }

  next(key: string, timeoutMs = 600_000): Promise<FromChild> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`propagation: no ${key} within ${timeoutMs} ms`)), timeoutMs);
      this.failures.set(key, (error) => {
        clearTimeout(timer);
        reject(error);
      });
      this.waiters.set(key, (message) => {
        clearTimeout(timer);
        this.failures.delete(key);
        resolve(message);
      });
    });
  }

  send(message: ToChild): void {
    this.process.send(message);
  }

  async close(): Promise<void> {
    if (this.process.exitCode !== null) return;
    const exited = new Promise((resolve) => this.process.once('exit', resolve));
    this.send({ type: 'close' });
    await exited;
  }
}

export interface PropagationMode {
  readonly latencies: number[];
  readonly publishMs: number[];
  readonly openMs: number;
}

/**
 * Two processes, two profiles, one shared folder: an edit recorded and published in the writer,
 * timed until the reader's state shows it. `watch`: chokidar hints plus the 5 s poll; otherwise
 * polling only, every `pollIntervalMs`.
 */
export async function propagation(dataset: Dataset, samples: number, watch: boolean, pollIntervalMs: number): Promise<PropagationMode> {
  const { writer, reader, person } = dataset.meta.bench;
  const layout = teamFolderLayout(dataset.sharedDir);
  const clean = () => {
    for (const device of [writer, reader]) rmSync(layout.logDir(device.deviceId), { recursive: true, force: true });
  };
  clean();
  const profiles = [profileFor(writer), profileFor(reader)];
  const base = { sharedDir: dataset.sharedDir, watch, pollIntervalMs, person };
  const a = new Child({ ...base, role: 'writer', profileDir: profiles[0]! });
  const b = new Child({ ...base, role: 'reader', profileDir: profiles[1]! });
  const rng = new Rng(`propagation:${dataset.meta.seed}:${watch}`);
  try {
    const openMs = Math.max(await a.ready, await b.ready);
    const latencies: number[] = [];
    const publishMs: number[] = [];
    for (let i = 0; i < samples; i += 1) {
      // A random pause, so that edits fall anywhere in the poll cycle.
      await new Promise((resolve) => setTimeout(resolve, rng.int(200, 200 + pollIntervalMs)));
      const id = `bench-${watch ? 'w' : 'p'}-${Date.now().toString(36)}-${i}`;
      const awaiting = b.next(`awaiting:${id}`);
      b.send({ type: 'await', id });
      await awaiting;
      const seen = b.next(`seen:${id}`, 60_000);
      const published = a.next(`published:${id}`, 60_000);
      const start = performance.now();
      a.send({ type: 'edit', id });
      await seen;
      latencies.push(performance.now() - start);
      const message = await published;
      if (message.type === 'published') publishMs.push(message.ms);
    }
    return { latencies, publishMs, openMs };
  } finally {
    await Promise.all([a.close(), b.close()]);
    for (const profile of profiles) rmSync(profile, { recursive: true, force: true });
    clean();
  }
}

