import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../shared/sync/status';
import { tempDir } from '../sync-service/helpers';
import { startHost, stopHost } from './host';

describe('showInFolder reveals only what Baton wrote or lists (issue 16, item 9)', () => {
  it('refuses any other path, shows a PDF it saved and a set-aside file the Sync screen lists', async () => {
    const shownPaths: string[] = [];
    const saved = join(tempDir('exports'), 'note.pdf');
    writeFileSync(saved, '%PDF-1.4 stand-in');
    const { op, profileDir } = await startHost({
      platform: {
        showInFolder: async (path) => {
          shownPaths.push(path);
          return true;
        },
        savePdf: async () => ({ outcome: 'saved', path: saved }),
      },
    });
    const forbidden = { ok: false, error: { code: 'forbidden' } };
    for (const path of ['/etc/passwd', join(profileDir, 'settings.json'), join(profileDir, 'sync', 'identity.json'), saved, 'relative/path']) {
      expect((await op('showInFolder', { path })).json, path).toMatchObject(forbidden);
    }

    // A PDF Baton saved where the person chose: shown.
    expect((await op('savePdf', { fileName: '交接班记录' })).json).toMatchObject({ ok: true, value: { outcome: 'saved', path: saved } });
    expect((await op('showInFolder', { path: saved })).json).toEqual({ ok: true, value: { shown: true } });

    // A file of the shared folder that Baton set aside and lists: shown; its neighbour that is not listed: refused.
    expect((await op('completeFirstRun', { memberName: '小林', sharedFolder: { kind: 'embedded' } })).json).toMatchObject({ ok: true });
    const shared = join(profileDir, 'team-folder');
    const status = (await op('syncNow', {})).json as { value: SyncStatus };
    const log = join(shared, 'baton', 'devices', status.value.deviceId, 'log');
    writeFileSync(join(log, '000000000099-00000000.jsonl'), 'not a segment\n');
    const after = (await op('syncNow', {})).json as { value: SyncStatus };
    expect(after.value.setAside.map((file) => file.path)).toContain(`baton/devices/${status.value.deviceId}/log/000000000099-00000000.jsonl`);
    expect((await op('showInFolder', { path: join(log, '000000000099-00000000.jsonl') })).json).toEqual({ ok: true, value: { shown: true } });
    expect((await op('showInFolder', { path: join(shared, 'baton', 'team.json') })).json).toMatchObject(forbidden);
    expect(shownPaths).toEqual([saved, join(log, '000000000099-00000000.jsonl')]);
  });

  it('remembers what Baton wrote across a restart: an export folder and its files, a saved PDF', async () => {
    const saved = join(tempDir('pdfs'), 'note.pdf');
    writeFileSync(saved, '%PDF-1.4 stand-in');
    const platform = { showInFolder: async () => true, savePdf: async () => ({ outcome: 'saved' as const, path: saved }) };
    const first = await startHost({ platform });
    expect((await first.op('completeFirstRun', { memberName: '小林', sharedFolder: { kind: 'embedded' } })).json).toMatchObject({ ok: true });
    const out = join(tempDir('exports'), 'baton-export');
    expect((await first.op('exportTeamData', { path: out })).json).toMatchObject({ ok: true, value: { path: out } });
    expect((await first.op('savePdf', { fileName: '交接班记录' })).json).toMatchObject({ ok: true });
    await stopHost(first);

    const again = await startHost({ platform, root: dirname(first.profileDir) });
    const shown = { ok: true, value: { shown: true } };
    expect((await again.op('showInFolder', { path: out })).json).toEqual(shown);
    expect((await again.op('showInFolder', { path: saved })).json).toEqual(shown);
    const anExportFile = (JSON.parse(readFileSync(join(again.profileDir, 'showable.json'), 'utf8')) as { paths: string[] }).paths.find((path) => path.startsWith(`${out}/`));
    expect(anExportFile).toBeDefined();
    expect((await again.op('showInFolder', { path: anExportFile })).json).toEqual(shown);
    expect((await again.op('showInFolder', { path: join(out, 'not-written.txt') })).json).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await stopHost(again);

    // A damaged list: a warning in the log, nothing shown that Baton did not write since, and the app runs.
    writeFileSync(join(again.profileDir, 'showable.json'), '{"format":"baton/showable@1","paths":["/etc"');
    const damaged = await startHost({ platform, root: dirname(first.profileDir) });
    expect((await damaged.op('showInFolder', { path: out })).json).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(readFileSync(damaged.logFile, 'utf8')).toMatch(/showable\.json is damaged/);
  });
});
