import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A web host whose open of the team's data stops part-way until the test lets it go: through the
 * same seam as the team clock (NODE_OPTIONS `--import` into the host process only), the host's
 * reads of segment files in the shared folder pass for the first `readsBeforeHold`, then wait
 * until `releaseFile` exists. No timing is assumed: the open is held, not slowed.
 */
export function heldOpenNodeOptions(sharedDir: string, readsBeforeHold: number, releaseFile: string): string {
  const source = `
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
const devices = ${JSON.stringify(join(sharedDir, 'baton', 'devices'))};
const release = ${JSON.stringify(releaseFile)};
let reads = 0;
const released = () => fs.existsSync(release);
const whenReleased = () => new Promise((resolve) => {
  const timer = setInterval(() => { if (released()) { clearInterval(timer); resolve(); } }, 50);
});
const open = fs.promises.open;
fs.promises.open = async (path, ...rest) => {
  if (typeof path === 'string' && path.startsWith(devices) && path.includes('/log/') && !released()) {
    reads += 1;
    if (reads > ${readsBeforeHold}) await whenReleased();
  }
  return open(path, ...rest);
};
syncBuiltinESMExports();`;
  return `--import=data:text/javascript,${encodeURIComponent(source)}`;
}

/** How many segment files the shared folder holds (every device's log folder). */
export function segmentFilesIn(sharedDir: string): number {
  const devices = join(sharedDir, 'baton', 'devices');
  return readdirSync(devices)
    .map((device) => join(devices, device, 'log'))
    .filter((log) => existsSync(log))
    .reduce((sum, log) => sum + readdirSync(log).length, 0);
}

/**
 * A web host whose open stops at its first pause between slices (pace.ts: installing the team
 * snapshot, folding a backlog) until the test lets it go, for a phase with no file read to hold,
 * such as the `snapshot` phase of a computer new to the team. Until released, the host's clock of
 * slices (`performance.now`, which only the pace reads) leaps a second a call, so the first slice
 * is due after its first entity and no timing is assumed; the pause (`setImmediate` of
 * node:timers/promises, which only the pace uses) then waits for `releaseFile`, the API answering
 * meanwhile as it does between slices.
 */
export function heldAtFirstPauseNodeOptions(releaseFile: string): string {
  const source = `
import fs from 'node:fs';
import timers from 'node:timers/promises';
import { syncBuiltinESMExports } from 'node:module';
const release = ${JSON.stringify(releaseFile)};
let gone = false;
const released = () => (gone ||= fs.existsSync(release));
const whenReleased = () => new Promise((resolve) => {
  const timer = setInterval(() => { if (released()) { clearInterval(timer); resolve(); } }, 50);
});
const now = performance.now.bind(performance);
let leap = 0;
performance.now = () => (released() ? now() + leap : now() + (leap += 1000));
const nextTurn = timers.setImmediate;
timers.setImmediate = async (...args) => {
  if (!released()) await whenReleased();
  return nextTurn(...args);
};
syncBuiltinESMExports();`;
  return `--import=data:text/javascript,${encodeURIComponent(source)}`;
}
