import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtCli } from '../support/cli';
import { tempDir } from '../sync-service/helpers';

const baton = builtCli();

describe('baton sample', () => {
  it('makes the sample team in a command, and `baton doctor` sets nothing aside', async () => {
    const root = tempDir('sample-cli');
    const shared = join(root, 'shared');
    const made = await baton('sample', '--shared', shared, '--profile', join(root, 'profile'), '--lang', 'en');
    const out = JSON.parse(made.stdout) as { teamId: string; teamName: string; memberName: string };
    expect(out.teamName).toBe('Sample team · Weibo desk');
    expect(out.memberName).toBe('Alex Lin');
    const report = JSON.parse((await baton('doctor', '--shared', shared)).stdout) as { available: boolean; setAside: unknown[]; setAsideOps: unknown[] };
    expect(report).toMatchObject({ available: true, setAside: [], setAsideOps: [] });
  });

  it('refuses a folder that already holds a team, and says how it is used', async () => {
    const root = tempDir('sample-cli');
    const shared = join(root, 'shared');
    await baton('sample', '--shared', shared, '--profile', join(root, 'profile'));
    await expect(baton('sample', '--shared', shared, '--profile', join(root, 'other'))).rejects.toMatchObject({ code: 1 });
    await expect(baton('sample', '--profile', join(root, 'other'))).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('baton sample --shared <dir> --profile <dir>') });
  });
});
