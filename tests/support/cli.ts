import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, beforeAll } from 'vitest';

const run = promisify(execFile);

/**
 * The CLI built the way `node scripts/build.mjs host` builds it, into a folder of the test file's
 * own (built once before its tests, removed after them). `baton(...args)` runs it; a non-zero
 * exit rejects with `{ code, stdout, stderr }`.
 */
export function builtCli(): (...args: string[]) => Promise<{ stdout: string; stderr: string }> {
  let dir = '';
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'baton-cli-'));
    await build({
      entryPoints: { baton: 'electron/cli/baton.ts' },
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'esm',
      outdir: dir,
      outExtension: { '.js': '.mjs' },
      // The starter SOPs are Markdown files bundled as text, as scripts/build.mjs does.
      loader: { '.md': 'text' },
      logLevel: 'warning',
      banner: { js: "import { createRequire as __baton_cr } from 'node:module'; const require = __baton_cr(import.meta.url);" },
    });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return (...args) => run(process.execPath, [join(dir, 'baton.mjs'), ...args]);
}
