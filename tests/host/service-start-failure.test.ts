import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { tempDir } from '../sync-service/helpers';
import { startHost } from './host';

describe('a service that cannot make its own files at the start', () => {
  it('is logged, and the app goes on answering', async () => {
    // The prize service keeps its contact key in <profile>/prizes/: here a file stands in the way.
    const root = tempDir('host');
    mkdirSync(join(root, 'profile'), { recursive: true });
    writeFileSync(join(root, 'profile', 'prizes'), 'not a folder');
    const started = await startHost({ root });
    await started.services.sync.ready;
    await vi.waitFor(() => expect(readFileSync(started.logFile, 'utf8')).toMatch(/ERROR \[prizes\] could not start/));
    const answer = await started.op('getSettings', {});
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ ok: true });
  });
});
