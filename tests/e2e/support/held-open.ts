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
