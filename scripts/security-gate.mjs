// Security gate: runs Electronegativity on the built Electron bundles (plus the shell's
// TypeScript sources and the built index.html), prints every finding and exits 1 on any HIGH
// one, 2 if it could not read a bundle or a main/preload source (or could not run).
//
//   node scripts/security-gate.mjs [--bundle-dir dist/electron] [--renderer-dir dist/renderer]
//
// Offline by construction: the one check that downloads Electron's release list
// (AvailableSecurityFixesGlobalCheck) is excluded, and the HTTP client the tool uses for that and
// for fetching translations is replaced before the tool loads, so nothing can leave the machine.
// What it scans is staged in a temporary folder; the JSON report goes to the system temp folder.
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { transformSync } from 'esbuild';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

// Needs the network (GitHub's Electron release list); every other check runs.
const excludedChecks = ['AvailableSecurityFixesGlobalCheck'];
// The sources the desktop app is built from (the web host and CLI are not part of it). They are
// scanned as well as the bundles because the window checks match `new BrowserWindow(...)`, which
// the bundle spells `new import_electron.BrowserWindow(...)`. The tool parses .ts with a modern
// Babel and falls back to typescript-estree 4.x (which predates `satisfies`). A shell file
// (main/preload) it cannot read fails the gate, since that is where the window and session
// settings live; an unreadable services file is only listed as NOT SCANNED.
const sourceDirs = ['electron/main', 'electron/preload', 'electron/services'];
// The tool's scope analysis predates ES2022 (class private fields crash it), so the bundles are
// scanned after esbuild lowers their syntax; the calls and object literals checked are unchanged.
const scanTarget = 'es2018';
const reportFile = join(tmpdir(), 'baton-security-gate', 'electronegativity.json');

const { values } = parseArgs({
  options: {
    'bundle-dir': { type: 'string', default: join(repoRoot, 'dist/electron') },
    'renderer-dir': { type: 'string', default: join(repoRoot, 'dist/renderer') },
  },
  strict: true,
});

/** Puts a stub answering "404" in place of `got`, the tool's only HTTP client. */
function cutNetwork() {
  const toolDir = dirname(require.resolve('@doyensec/electronegativity'));
  const offline = () => Promise.resolve({ statusCode: 404, body: '', headers: {} });
  const stub = Object.assign(offline, { head: offline, get: offline, default: offline, __esModule: true });
  for (const from of [join(toolDir, 'locales'), join(toolDir, 'finder/checks/GlobalChecks')]) {
    const file = require.resolve('got', { paths: [from] });
    require.cache[file] = { id: file, filename: file, loaded: true, exports: stub, children: [], paths: [] };
  }
}

/** Copies what is scanned into a temp folder; bundles become .js, the only script name it reads. */
function stage(bundleDir, rendererDir) {
  const root = mkdtempSync(join(tmpdir(), 'baton-security-gate-'));
  const bundles = existsSync(bundleDir) ? readdirSync(bundleDir).filter((name) => name.endsWith('.cjs')) : [];
  if (bundles.length === 0) {
    throw new Error(`no bundles in ${bundleDir}: run \`node scripts/build.mjs main\` and \`node scripts/build.mjs preload\` first`);
  }
  mkdirSync(join(root, 'bundle'));
  for (const name of bundles) {
    const { code } = transformSync(readFileSync(join(bundleDir, name), 'utf8'), { loader: 'js', target: scanTarget, legalComments: 'none' });
    writeFileSync(join(root, 'bundle', `${basename(name, '.cjs')}.js`), code);
  }
  // package.json carries the Electron version the checks key their defaults on.
  copyFileSync(join(repoRoot, 'package.json'), join(root, 'package.json'));
  let renderer = false;
  try {
    mkdirSync(join(root, 'renderer'));
    copyFileSync(join(rendererDir, 'index.html'), join(root, 'renderer', 'index.html'));
    renderer = true;
  } catch {
    // No renderer build (or one being rebuilt right now): the HTML checks have nothing to read.
  }
  for (const dir of sourceDirs) {
    cpSync(join(repoRoot, dir), join(root, 'sources', dir), { recursive: true, filter: (from) => !from.endsWith('.d.ts') });
  }
  return { root, bundles, renderer };
}

async function scan() {
  process.env.LANG = 'en-US'; // the tool's bundled English messages; no translation download
  cutNetwork();
  const run = require('@doyensec/electronegativity');
  const staged = stage(resolve(values['bundle-dir']), resolve(values['renderer-dir']));
  try {
    const result = await run({
      input: staged.root,
      isRelative: true,
      excludeFromScan: excludedChecks.map((name) => name.toLowerCase()),
      electronVersionOverride: JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version,
      severitySet: 'informational',
      confidenceSet: 'tentative',
    });
    // Issues come back relative to the staged folder, parse errors absolute: make both relative.
    const errors = result.errors.map((e) => ({ ...e, file: relative(staged.root, e.file).split(sep).join('/') }));
    return { ...result, errors, ...staged };
  } finally {
    rmSync(staged.root, { recursive: true, force: true });
  }
}

function report({ globalChecks, atomicChecks, errors, issues, bundles, renderer }) {
  const order = { HIGH: 0, MEDIUM: 1, LOW: 2, INFORMATIONAL: 3 };
  const sorted = [...issues].sort((a, b) => order[a.severity.name] - order[b.severity.name] || a.id.localeCompare(b.id));
  const lines = [
    `Electronegativity: ${atomicChecks} atomic + ${globalChecks} global checks; excluded: ${excludedChecks.join(', ')}`,
    `Scanned: bundles ${bundles.join(', ')} (lowered to ${scanTarget}); sources ${sourceDirs.join(', ')}; ${renderer ? 'renderer index.html' : 'no renderer build found'}`,
    ...errors.map((e) => `${e.tolerable ? 'parse warning' : 'NOT SCANNED'} ${e.file}: ${e.message}`),
    ...sorted.map((i) => {
      const review = i.manualReview ? ' (manual review)' : '';
      return `${i.severity.name.padEnd(13)} ${i.confidence.name.padEnd(9)} ${i.id} ${i.file}:${i.location.line}:${i.location.column}${review}\n    ${i.description}`;
    }),
  ];
  const high = issues.filter((i) => i.severity.name === 'HIGH');
  lines.push(`${issues.length} finding(s), ${high.length} HIGH; report: ${reportFile}`);
  process.stdout.write(`${lines.join('\n')}\n`);

  mkdirSync(dirname(reportFile), { recursive: true });
  const plain = sorted.map((i) => ({ ...i, severity: i.severity.name, confidence: i.confidence.name }));
  writeFileSync(reportFile, JSON.stringify({ excludedChecks, errors, issues: plain }, null, 2));
  const mustScan = ['bundle', 'sources/electron/main/', 'sources/electron/preload/'];
  return { high, unscanned: errors.filter((e) => !e.tolerable && mustScan.some((prefix) => e.file.startsWith(prefix))) };
}

try {
  const { high, unscanned } = report(await scan());
  if (unscanned.length > 0) {
    // A file the tool cannot read would let the gate pass without having looked.
    process.stderr.write('security gate: FAILED, a bundle or shell source could not be scanned\n');
    process.exit(2);
  }
  if (high.length > 0) {
    process.stderr.write('security gate: FAILED, HIGH severity findings\n');
    process.exit(1);
  }
  process.stderr.write('security gate: passed\n');
} catch (error) {
  process.stderr.write(`security gate: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(2);
}
