import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/**
 * The running build: its version and a hash of its bundle. What the local cache stores of the
 * fold's states (summaries) was made by some build's code; another build, even one with the same
 * version number, may make something else of the same ops, so it does not take them.
 */
export function codeVersionOf(appVersion: string, bundleFile: string): string {
  return `${appVersion}+${createHash('sha256').update(readFileSync(bundleFile)).digest('hex').slice(0, 16)}`;
}
