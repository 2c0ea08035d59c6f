import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

const lockDir = join(repoRoot, 'node_modules/.cache/baton-electron-build.lock');
const staleLockMs = 120_000;

/**
 * Test files run in parallel and all rebuild dist/electron, so the build runs under a lock
 * (mkdir is atomic) and each file then works on its own copy, never on a file another test
 * is rewriting.
 */
async function underBuildLock<T>(work: () => T): Promise<T> {
  mkdirSync(dirname(lockDir), { recursive: true });
  const deadline = Date.now() + staleLockMs;
  for (;;) {
    try {
      mkdirSync(lockDir);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      try {
        // A lock left by a crashed run is taken over rather than waited on forever.
        if (Date.now() - statSync(lockDir).mtimeMs > staleLockMs) rmSync(lockDir, { recursive: true, force: true });
      } catch {
        // It vanished between the checks: simply try again.
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${lockDir}`);
      await new Promise((done) => setTimeout(done, 100));
    }
  }
  try {
    return work();
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}

export interface BuiltApp {
  /** A temporary app folder laid out like the package: `<root>/dist/electron/{main,preload}.cjs`. */
  root: string;
  electronDir: string;
  cleanup(): void;
}

/** Runs the real build script for the main and preload bundles and copies them aside. */
export async function buildElectronBundles(): Promise<BuiltApp> {
  const root = mkdtempSync(join(tmpdir(), 'baton-electron-'));
  const electronDir = join(root, 'dist', 'electron');
  mkdirSync(electronDir, { recursive: true });
  await underBuildLock(() => {
    for (const target of ['main', 'preload']) {
      execFileSync(process.execPath, ['scripts/build.mjs', target], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'pipe'] });
    }
    for (const file of ['main.cjs', 'preload.cjs']) {
      copyFileSync(join(repoRoot, 'dist/electron', file), join(electronDir, file));
    }
  });
  return { root, electronDir, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}
