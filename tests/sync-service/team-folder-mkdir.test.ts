import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { mkdirInTeamFolder } from '../../electron/services/sync/team-folder-mkdir';

describe('making folders in the team folder', () => {
  const made: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'baton-mkdir-'));
    made.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('never re-creates a share that went away', async () => {
    const shared = join(tempDir(), 'gone-share');
    const logDir = join(shared, 'baton', 'devices', 'abc', 'log');
    await expect(mkdirInTeamFolder(shared, logDir)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(existsSync(shared)).toBe(false);
  });

  it('makes the folders below baton/ when the team is there', async () => {
    const shared = tempDir();
    mkdirSync(join(shared, 'baton'));
    writeFileSync(join(shared, 'baton', 'team.json'), '{}');
    const logDir = join(shared, 'baton', 'devices', 'abc', 'log');
    await mkdirInTeamFolder(shared, logDir);
    expect(existsSync(logDir)).toBe(true);
  });
});
