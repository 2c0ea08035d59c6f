import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isBatonTempName } from '../../electron/services/sync/durable-fs';
import { nodeCrypto } from '../../electron/services/sync/node-crypto';
import { decodeSegment } from '../../shared/sync';
import { computer, deviceKey, filesIn, logDir, teamFolder } from './helpers';

/**
 * Kills a process that records and publishes edits with SIGKILL at random moments, over a hundred
 * times on one profile, then checks what a crash at any step of a write may never do: lose an
 * acknowledged edit, publish an op twice, leave a corrupt file accepted, or leave temp files.
 */
const KILLS = 110;

let childDir = '';
let child = '';

beforeAll(async () => {
  childDir = mkdtempSync(join(tmpdir(), 'baton-crash-child-'));
  await build({
    entryPoints: { 'crash-child': 'tests/sync-service/crash-child.ts' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    outdir: childDir,
    outExtension: { '.js': '.mjs' },
    logLevel: 'warning',
    banner: { js: "import { createRequire as __baton_cr } from 'node:module'; const require = __baton_cr(import.meta.url);" },
  });
  child = join(childDir, 'crash-child.mjs');
});
afterAll(() => rmSync(childDir, { recursive: true, force: true }));

/** A random generator with a printed seed, so that a failing run can be replayed. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

interface Run {
  readonly stdout: string;
  readonly stderr: string;
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

/** Starts the child; kills it `killAfterMs` after its first ack (or after start, when `early`). */
function runChild(args: string[], kill: { early: boolean; afterMs: number } | null): Promise<Run> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [child, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let armed = false;
    const arm = () => {
      if (armed || !kill) return;
      armed = true;
      setTimeout(() => proc.kill('SIGKILL'), kill.afterMs);
    };
    proc.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes('ack ')) arm();
    });
    proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    proc.on('error', reject);
    proc.on('close', (code, signal) => resolve({ stdout, stderr, code, signal }));
    if (kill?.early) arm();
  });
}

function acksOf(stdout: string): string[] {
  // A line cut by the kill is not an acknowledgement anyone saw whole.
  return stdout
    .split('\n')
    .slice(0, -1)
    .filter((line) => line.startsWith('ack '))
    .map((line) => line.slice(4));
}

describe('crashing at any step of a write', () => {
  it(`loses nothing and duplicates nothing over ${KILLS} SIGKILLs`, async () => {
    const seed = Number(process.env.BATON_CRASH_SEED ?? Date.now() % 1_000_000);
    const next = random(seed);
    const { sharedDir, founder } = await teamFolder();
    await founder.close();
    const place = computer(sharedDir, 'crashing');
    const acked = new Set<string>();
    let deviceId = '';

    for (let kill = 0; kill < KILLS; kill += 1) {
      const early = next() < 0.2;
      const run = await runChild([place.profileDir, sharedDir, 'run'], { early, afterMs: Math.floor(next() * (early ? 120 : 60)) });
      expect(run.signal, `run ${kill} (seed ${seed}) ended by itself: ${run.stderr}`).toBe('SIGKILL');
      for (const id of acksOf(run.stdout)) acked.add(id);
      deviceId ||= /ready (\S+)/.exec(run.stdout)?.[1] ?? '';
      if (!deviceId) continue;
      // Whatever the kill left: every file of the log folder is a valid segment or a temp file of ours.
      const key = deviceKey(sharedDir, deviceId);
      for (const name of filesIn(logDir(sharedDir, deviceId))) {
        if (isBatonTempName(name)) continue;
        const decoded = decodeSegment(readFileSync(join(logDir(sharedDir, deviceId), name)), () => key, nodeCrypto);
        expect(decoded.ok, `run ${kill} (seed ${seed}): ${name} is not a valid segment`).toBe(true);
      }
    }

    const final = await runChild([place.profileDir, sharedDir, 'final'], null);
    expect(final.code, final.stderr).toBe(0);
    expect(final.stdout).toMatch(/^final 0 /m);
    expect(final.stdout).toContain(deviceId);

    const key = deviceKey(sharedDir, deviceId);
    const names = filesIn(logDir(sharedDir, deviceId));
    expect(names.filter(isBatonTempName), `seed ${seed}`).toEqual([]);
    const segmentOf = new Map<string, string>();
    for (const name of names) {
      const decoded = decodeSegment(readFileSync(join(logDir(sharedDir, deviceId), name)), () => key, nodeCrypto);
      expect(decoded.ok, `${name} (seed ${seed})`).toBe(true);
      if (!decoded.ok) continue;
      for (const op of decoded.ops) {
        expect(segmentOf.get(op.id), `${op.id} is in ${segmentOf.get(op.id)} and ${name} (seed ${seed})`).toBeUndefined();
        segmentOf.set(op.id, name);
      }
    }
    const lost = [...acked].filter((id) => !segmentOf.has(id));
    expect(lost, `acknowledged but never published (seed ${seed})`).toEqual([]);
    // The runs did write: most acknowledge edits before their kill (under load a run acknowledges fewer).
    expect(acked.size).toBeGreaterThan(KILLS / 2);
    const profileTemps = readdirSync(join(place.profileDir, 'sync')).filter(isBatonTempName);
    expect(profileTemps).toEqual([]);
  }, 240_000);
});
