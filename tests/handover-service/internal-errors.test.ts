import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch, type Handlers } from '../../electron/services/dispatch';
import { handoverHandlers } from '../../electron/services/handover/handlers';
import { createFileLogger } from '../../electron/services/log';
import { teamWithAlice, tempDir, withText } from './helpers';

const logText = (profileDir: string) => readFileSync(join(profileDir, 'logs', 'baton.log'), 'utf8');

describe('internal errors', () => {
  it('an autosave that cannot be written answers internal, and the log says why and where', async () => {
    const a = await teamWithAlice();
    const logDir = tempDir('log');
    const log = createFileLogger(logDir, { echo: false });
    const handlers = handoverHandlers(a.service) as Handlers;
    // The drafts folder is a file now: nothing can be written there.
    const drafts = join(a.profileDir, 'handover', 'drafts');
    rmSync(drafts, { recursive: true });
    writeFileSync(drafts, '');
    const draft = withText(a.service.getDraft().draft, { summary: '写不进去的草稿' });
    const result = await dispatch(handlers, 'saveHandoverDraft', { draft }, log);
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(logText(logDir)).toMatch(/ERROR \[api\] saveHandoverDraft failed: Error: (EEXIST|ENOTDIR)[^\n]*handover[/\\]drafts/);
  });

  it('the log line of an internal error names the errors that caused it', () => {
    const logDir = tempDir('log');
    const log = createFileLogger(logDir, { echo: false });
    log.error('api', 'saveHandoverDraft failed', new Error('the draft could not be saved', { cause: new Error('EACCES: permission denied') }));
    expect(logText(logDir)).toMatch(/saveHandoverDraft failed: Error: the draft could not be saved\n[\s\S]*Caused by: Error: EACCES: permission denied/);
  });
});
