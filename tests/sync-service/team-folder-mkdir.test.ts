import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mkdirInTeamFolder } from '../../electron/services/sync/team-folder-mkdir';

describe('making folders in the team folder', () => {
  it('never re-creates a share that went away', async () => {
    const shared = join(mkdtempSync(join(tmpdir(), 'baton-mkdir-')), 'gone-share');
    const logDir = join(shared, 'baton', 'devices', 'abc', 'log');
    await expect(mkdirInTeamFolder(shared, logDir)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(existsSync(shared)).toBe(false);
  });

  it('makes the folders below baton/ when the team is there', async () => {
    const shared = mkdtempSync(join(tmpdir(), 'baton-mkdir-'));
    mkdirSync(join(shared, 'baton'));
    writeFileSync(join(shared, 'baton', 'team.json'), '{}');
    const logDir = join(shared, 'baton', 'devices', 'abc', 'log');
    await mkdirInTeamFolder(shared, logDir);
    expect(existsSync(logDir)).toBe(true);
  });
});
