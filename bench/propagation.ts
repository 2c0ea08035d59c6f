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

/** Two processes, two profiles, one shared folder: a writer and a reader, ready. */
async function withPair<T>(dataset: Dataset, watch: boolean, pollIntervalMs: number, body: (a: Child, b: Child, openMs: number) => Promise<T>): Promise<T> {
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
  try {
    return await body(a, b, Math.max(await a.ready, await b.ready));
  } finally {
    await Promise.all([a.close(), b.close()]);
    for (const profile of profiles) rmSync(profile, { recursive: true, force: true });
    clean();
  }
}

/** The reader is told to look out for `id`; resolves once it does. */
async function await_(b: Child, id: string): Promise<void> {
  const awaiting = b.next(`awaiting:${id}`);
  b.send({ type: 'await', id });
  await awaiting;
}

/**
 * An edit recorded in the writer as a screen records it and published by the app's own policy,
 * timed until the reader's state shows it, after a pause (so the edit comes after a quiet spell
 * and falls anywhere in the poll cycle). `watch`: chokidar hints plus the 5 s poll; otherwise
 * polling only, every `pollIntervalMs`.
 */
export async function propagation(dataset: Dataset, samples: number, watch: boolean, pollIntervalMs: number): Promise<PropagationMode> {
  const rng = new Rng(`propagation:${dataset.meta.seed}:${watch}`);
  return withPair(dataset, watch, pollIntervalMs, async (a, b, openMs) => {
    const latencies: number[] = [];
    const publishMs: number[] = [];
    for (let i = 0; i < samples; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, rng.int(2_200, 2_200 + pollIntervalMs)));
      const id = `bench-${watch ? 'w' : 'p'}-${Date.now().toString(36)}-${i}`;
      await await_(b, id);
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
  });
}

/**
 * Someone who keeps typing: an edit every `everyMs` in the writer (not waiting for anything),
 * each timed until the reader's state shows it. With the watcher, as the app runs.
 */
export async function continuousPropagation(dataset: Dataset, edits: number, everyMs: number): Promise<PropagationMode> {
  return withPair(dataset, true, 5_000, async (a, b, openMs) => {
    const run = `bench-c-${Date.now().toString(36)}`;
    for (let i = 0; i < edits; i += 1) await await_(b, `${run}-${i}`);
    const timings: Promise<{ latency: number; publish: number }>[] = [];
    for (let i = 0; i < edits; i += 1) {
      const id = `${run}-${i}`;
      const seen = b.next(`seen:${id}`, 120_000);
      const published = a.next(`published:${id}`, 120_000);
      const start = performance.now();
      a.send({ type: 'edit', id });
      const latency = seen.then(() => performance.now() - start);
      timings.push(Promise.all([latency, published]).then(([ms, message]) => ({ latency: ms, publish: message.type === 'published' ? message.ms : 0 })));
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
    const done = await Promise.all(timings);
    return { latencies: done.map((t) => t.latency), publishMs: done.map((t) => t.publish), openMs };
  });
}
