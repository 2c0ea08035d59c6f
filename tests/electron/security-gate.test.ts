import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildElectronBundles, repoRoot, type BuiltApp } from './support/build-bundles';

let built: BuiltApp;

const gate = (bundleDir: string) =>
  spawnSync(process.execPath, ['scripts/security-gate.mjs', '--bundle-dir', bundleDir], { cwd: repoRoot, encoding: 'utf8', timeout: 60_000 });

beforeAll(async () => {
  built = await buildElectronBundles();
});

afterAll(() => built?.cleanup());

describe('scripts/security-gate.mjs', () => {
  it('passes on the built bundles, having scanned both', () => {
    const result = gate(built.electronDir);
    expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
    expect(result.stdout).toMatch(/bundles main\.cjs, preload\.cjs/);
    expect(result.stdout).toMatch(/excluded: AvailableSecurityFixesGlobalCheck$/m);
    expect(result.stdout).toMatch(/, 0 HIGH;/);
    expect(result.stdout).not.toMatch(/NOT SCANNED bundle/);
  });

  it('fails on a bundle that turns context isolation off (the gate is not vacuous)', () => {
    const insecure = join(built.root, 'insecure');
    mkdirSync(insecure);
    writeFileSync(
      join(insecure, 'main.cjs'),
      "const { BrowserWindow } = require('electron');\nnew BrowserWindow({ webPreferences: { contextIsolation: false } });\n",
    );
    const result = gate(insecure);
    expect(result.status, result.stdout).toBe(1);
    expect(result.stdout).toMatch(/HIGH\s+\S+\s+CONTEXT_ISOLATION_JS_CHECK/);
  });
});
