// `npm test`: every check in one run, ending with the one line CI reads: `N passed, N failed`.
// A step that is not a test suite (type check, lint, build, security gate) counts as one test.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const results = [];
// Names of failed tests, printed just above the summary: CI shows only the tail of the output.
const failures = [];
const bin = (name) => join('node_modules', '.bin', name);

function run(label, command, args, env = {}) {
  process.stdout.write(`\n=== ${label}\n`);
  const started = Date.now();
  const child = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  process.stdout.write(`--- ${label}: exit ${child.status ?? child.signal} in ${seconds}s\n`);
  return child.status === 0;
}

function step(label, command, args) {
  const ok = run(label, command, args);
  results.push({ label, passed: ok ? 1 : 0, failed: ok ? 0 : 1 });
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

function vitest() {
  const ok = run('unit tests (vitest)', bin('vitest'), ['run', '--reporter=default', '--reporter=json', '--outputFile=test-results/unit.json']);
  const report = readJson('test-results/unit.json');
  const passed = report?.numPassedTests ?? 0;
  const failed = (report?.numFailedTests ?? 0) + (report?.numPendingTests ?? 0) + (report?.numTodoTests ?? 0);
  for (const file of report?.testResults ?? []) {
    for (const test of file.assertionResults ?? []) {
      if (test.status !== 'passed') failures.push(`unit ${test.status}: ${file.name.replace(process.cwd() + '/', '')} › ${test.fullName}`);
    }
    if (file.status === 'failed' && !(file.assertionResults ?? []).some((t) => t.status === 'failed')) {
      failures.push(`unit file failed: ${file.name.replace(process.cwd() + '/', '')}: ${(file.message ?? '').split('\n')[0]}`);
    }
  }
  // A run that crashed before reporting still counts as a failure.
  results.push({ label: 'unit tests', passed, failed: ok || failed > 0 ? failed : failed + 1 });
}

function playwright(project, label) {
  const out = `test-results/e2e-${project}.json`;
  const ok = run(label, bin('playwright'), ['test', `--project=${project}`], { PLAYWRIGHT_JSON_OUTPUT_NAME: out });
  const report = readJson(out);
  const stats = report?.stats;
  collectSpecFailures(report?.suites ?? [], label);
  const passed = (stats?.expected ?? 0) + (stats?.flaky ?? 0);
  const failed = (stats?.unexpected ?? 0) + (stats?.skipped ?? 0);
  results.push({ label, passed, failed: ok || failed > 0 ? failed : failed + 1 });
}

function collectSpecFailures(suites, label) {
  for (const suite of suites) {
    for (const spec of suite.specs ?? []) {
      const outcomes = (spec.tests ?? []).map((t) => t.status);
      if (outcomes.some((o) => o === 'unexpected' || o === 'skipped')) failures.push(`${label}: ${spec.file}:${spec.line} › ${spec.title}`);
    }
    collectSpecFailures(suite.suites ?? [], label);
  }
}

function electronBinaryPresent() {
  const pathFile = join('node_modules', 'electron', 'path.txt');
  if (!existsSync(pathFile)) return false;
  return existsSync(join('node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8').trim()));
}

mkdirSync('test-results', { recursive: true });
step('type check: renderer + shared', bin('tsc'), ['-p', 'tsconfig.renderer.json', '--noEmit']);
step('type check: electron + services + shared + tests (against electron types)', bin('tsc'), ['-p', 'tsconfig.node.json', '--noEmit']);
step('lint (including layer rules)', bin('eslint'), ['.']);
step('build', process.execPath, ['scripts/build.mjs']);
step('security gate (electronegativity)', process.execPath, ['scripts/security-gate.mjs']);
vitest();
playwright('web', 'end-to-end (web host in Chromium)');
if (electronBinaryPresent()) {
  playwright('electron', 'end-to-end (Electron)');
} else {
  process.stdout.write('\nElectron end-to-end specs: skipped, because the Electron binary is not installed on this machine (node_modules/electron/dist is missing).\n');
}

process.stdout.write('\n');
for (const f of failures) process.stdout.write(`  failed: ${f}\n`);
for (const r of results) process.stdout.write(`  ${r.failed ? 'FAIL' : 'ok  '} ${r.label}: ${r.passed} passed, ${r.failed} failed\n`);
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
process.stdout.write(`${passed} passed, ${failed} failed\n`);
process.exit(failed > 0 ? 1 : 0);
