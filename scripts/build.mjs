// Builds everything a host runs: the renderer with Vite, the main process, preload, web host and
// CLI with esbuild. Progress goes to stderr so the hosts' stdout stays machine-readable.
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { writeOperationNames } from './operation-names.mjs';

const only = process.argv[2];

const node = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  legalComments: 'none',
};

const targets = {
  renderer: () => viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' }),
  main: () =>
    esbuild({ ...node, entryPoints: ['electron/main/main.ts'], outfile: 'dist/electron/main.cjs', format: 'cjs', external: ['electron'] }),
  preload: () =>
    esbuild({ ...node, entryPoints: ['electron/preload/preload.ts'], outfile: 'dist/electron/preload.cjs', format: 'cjs', external: ['electron'], sourcemap: false }),
  host: () =>
    esbuild({
      ...node,
      entryPoints: { serve: 'electron/host/serve.ts', baton: 'electron/cli/baton.ts' },
      outdir: 'dist/host',
      format: 'esm',
      outExtension: { '.js': '.mjs' },
      // Bundled CommonJS dependencies expect require() in an ES module.
      banner: { js: "import { createRequire as __baton_cr } from 'node:module'; const require = __baton_cr(import.meta.url);" },
    }),
};

const chosen = only ? [only] : Object.keys(targets);
for (const name of chosen) {
  if (!targets[name]) throw new Error(`unknown build target ${name}`);
}
// The preload's zod-free list of operation names follows the contract before anything bundles it.
await writeOperationNames();
await Promise.all(chosen.map((name) => targets[name]()));
process.stderr.write(`built: ${chosen.join(', ')}\n`);
