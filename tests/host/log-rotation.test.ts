import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileLogger, MAX_LOG_LINE_CHARS } from '../../electron/services/log';
import { tempDir } from '../sync-service/helpers';

describe('baton.log stays bounded', () => {
  it('is rotated by size, keeping three old files, and the newest line is in baton.log', () => {
    const profile = tempDir('log');
    const log = createFileLogger(profile, { echo: false, rotateBytes: 10_000 });
    for (let index = 0; index < 1000; index += 1) log.warn('api', `call ${index} ${'x'.repeat(100)}`);
    const dir = join(profile, 'logs');
    expect(readdirSync(dir).sort()).toEqual(['baton.log', 'baton.log.1', 'baton.log.2', 'baton.log.3']);
    for (const name of readdirSync(dir)) expect(statSync(join(dir, name)).size).toBeLessThanOrEqual(10_000);
    expect(readFileSync(join(dir, 'baton.log'), 'utf8')).toContain('call 999 ');
    expect(readFileSync(join(dir, 'baton.log.1'), 'utf8')).not.toContain('call 999 ');
  });

  it('cuts a huge message (and a huge error) to a bounded line', () => {
    const profile = tempDir('log');
    const log = createFileLogger(profile, { echo: false });
    log.warn('api', 'k'.repeat(10 * 1024 * 1024));
    log.error('api', 'failed', new Error('e'.repeat(1024 * 1024)));
    const file = join(profile, 'logs', 'baton.log');
    expect(existsSync(file)).toBe(true);
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      expect(line.length).toBeLessThan(MAX_LOG_LINE_CHARS + 200);
      expect(line).toMatch(/…\(\d+ more characters\)$/);
    }
  });
});
