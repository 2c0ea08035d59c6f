import { describe, expect, it } from 'vitest';
import { RotaUsageError, rotaExport } from '../../electron/services/rota/rota-export-cli';
import { appSyncConfig } from '../../electron/services/sync/app-sync-config';
import { call, team, teamOfThree } from '../team-service/team-apps';

describe('baton rota export', () => {
  it('writes the published rota of the shared folder as CSV or one member’s iCalendar, and explains bad usage', async () => {
    const { admin, editor, sharedDir, syncAll } = await teamOfThree();
    const editorId = (await team(editor)).me.memberId!;
    for (const date of ['2026-03-02', '2026-03-03']) await call(admin, 'setRotaSlot', { date, shiftTypeId: 'early', primary: [editorId], backup: null });
    await call(admin, 'publishRotaMonth', { month: '2026-03' });
    await syncAll();
    const csv = await rotaExport(['--shared', sharedDir, '--format', 'csv', '--from', '2026-03-01', '--to', '2026-03-31'], appSyncConfig());
    expect(csv).toBe('date,shift,primary,backup\r\n2026-03-02,early,李雷,\r\n2026-03-03,early,李雷,\r\n');
    const ics = await rotaExport(['--shared', sharedDir, '--format', 'ics', '--member', '李雷', '--from', '2026-03-01', '--to', '2026-03-02'], appSyncConfig());
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    expect(ics).toContain('DTSTART;TZID=Asia/Shanghai:20260302T080000');
    await expect(rotaExport(['--shared', sharedDir, '--format', 'pdf'], appSyncConfig())).rejects.toThrow(RotaUsageError);
    await expect(rotaExport(['--shared', sharedDir, '--format', 'csv', '--from', '1970-01-01'], appSyncConfig())).rejects.toThrow('not a date in 2000–2099');
    await expect(rotaExport(['--shared', sharedDir, '--format', 'csv', '--member', 'Nobody'], appSyncConfig())).rejects.toThrow('no member named "Nobody"');
  });
});
