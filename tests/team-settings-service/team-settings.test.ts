import { describe, expect, it } from 'vitest';
import type { Checked } from '../../shared/api/checked';
import type { TeamSettingsView } from '../../shared/api/team-settings-contract';
import { TEAM_SETTINGS_ID } from '../../shared/team-settings';
import type { ShiftContext as ShiftContextView } from '../../shared/api/handover-views';
import { call, team, teamOfThree } from '../team-service/team-apps';

const settingsOf = (app: Parameters<typeof call>[0]) => call<TeamSettingsView>(app, 'getTeamSettings');
const save = (app: Parameters<typeof call>[0], changes: unknown) => call<Checked<{ queued: boolean }>>(app, 'setTeamSettings', { changes });

const night = { name: { 'zh-CN': '夜班', en: 'Night shift' }, start: '00:00', end: '08:00' };
const pr = { name: { 'zh-CN': '公关部', en: 'PR' }, contact: ' 公关经理 赵倩 139 1111 2222 ' };

describe('the lead edits the team settings', () => {
  it('a lead saves; new items get ids from the service; a second computer sees them after sync', async () => {
    const { admin, editor, syncAll } = await teamOfThree();
    const before = (await settingsOf(admin)).settings;
    const result = await save(admin, {
      shiftTypes: [...before.shiftTypes, night],
      departments: [...before.departments, pr],
      escalationMinutes: 90,
    });
    expect(result).toMatchObject({ ok: true });
    const mine = (await settingsOf(admin)).settings;
    const added = mine.shiftTypes.find((type) => type.name['zh-CN'] === '夜班');
    expect(added?.id).toMatch(/^shift-[0-9a-f]{8}$/);
    expect(mine.departments.at(-1)).toMatchObject({ name: pr.name, contact: '公关经理 赵倩 139 1111 2222', id: expect.stringMatching(/^dept-[0-9a-f]{8}$/) });
    expect(mine.escalationMinutes).toBe(90);

    await syncAll();
    const theirs = await settingsOf(editor);
    expect(theirs).toEqual({ settings: mine, conflicts: [] });
    // What the write view and the escalation form read.
    const context = await call<ShiftContextView>(editor, 'getShiftContext');
    expect(context.shiftTypes.map((type) => type.name['zh-CN'])).toEqual(['早班', '晚班', '夜班']);
    expect(context.departments.map((department) => department.name['zh-CN'])).toContain('公关部');
    expect(context.escalationMinutes).toBe(90);
  });

  it('a shift type or department left out is kept retired, so old notes still name it', async () => {
    const { admin } = await teamOfThree();
    const before = (await settingsOf(admin)).settings;
    const result = await save(admin, { shiftTypes: before.shiftTypes.filter((type) => type.id !== 'late'), departments: before.departments.slice(1) });
    expect(result).toMatchObject({ ok: true });
    const after = (await settingsOf(admin)).settings;
    expect(after.shiftTypes.find((type) => type.id === 'late')).toMatchObject({ name: { 'zh-CN': '晚班' }, retired: true });
    expect(after.departments.find((department) => department.id === 'customer-service')?.retired).toBe(true);
  });

  it('bad input answers with the codes at the rows typed, and nothing is written', async () => {
    const { admin } = await teamOfThree();
    const before = await settingsOf(admin);
    const result = await save(admin, {
      shiftTypes: [
        { ...night, name: { 'zh-CN': ' ', en: 'Night' } },
        { ...night, start: '09:00', end: '09:00' },
        { id: 'early', ...night },
        { id: 'early', ...night },
      ],
      departments: [{ ...pr, contact: '赵'.repeat(201) }],
      escalationMinutes: 0,
      timeZone: 'Mars/Olympus',
    });
    expect(result.ok).toBe(false);
    const codes = result.ok ? [] : result.issues.map((issue) => [issue.code, issue.path.join('.')]);
    expect(codes).toEqual(expect.arrayContaining([
      ['required', 'shiftTypes.0.name.zh-CN'],
      ['shift-start-equals-end', 'shiftTypes.1.end'],
      ['duplicate-id', 'shiftTypes'],
      ['too-long', 'departments.0.contact'],
      ['out-of-range', 'escalationMinutes'],
      ['unknown-time-zone', 'timeZone'],
    ]));
    const retiringAll = await save(admin, { shiftTypes: before.settings.shiftTypes.map((type) => ({ ...type, retired: true })) });
    expect(retiringAll.ok ? [] : retiringAll.issues.map((issue) => issue.code)).toEqual(['no-active-shift-type']);
    expect(await settingsOf(admin)).toEqual(before);
  });

  it('an editor is refused by the service, and an op written anyway is set aside by the trust layer', async () => {
    const { admin, editor, syncAll } = await teamOfThree();
    const refused = await editor.dispatch('setTeamSettings', { changes: { escalationMinutes: 30 } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    editor.sync.record([{ type: 'teamSettings.set', entity: `teamSettings:${TEAM_SETTINGS_ID}`, data: { set: { escalationMinutes: 30 }, seen: {} } }]);
    await syncAll();
    for (const app of [admin, editor]) expect((await settingsOf(app)).settings.escalationMinutes).toBe(120);
    expect((await team(admin)).setAside.map((op) => [op.type, op.reason])).toContainEqual(['teamSettings.set', 'role-not-allowed']);
  });

  it('two leads changing one setting unseen both see the conflict; a save having seen it resolves it', async () => {
    const { admin, editor, syncAll } = await teamOfThree();
    const editorMember = (await team(editor)).me.memberId!;
    await call(admin, 'setMemberRoles', { memberId: editorMember, roles: ['lead', 'editor'] });
    await syncAll();
    expect(await save(admin, { escalationMinutes: 60 })).toMatchObject({ ok: true });
    expect(await save(editor, { escalationMinutes: 45 })).toMatchObject({ ok: true });
    await syncAll();
    const [mine, theirs] = [await settingsOf(admin), await settingsOf(editor)];
    expect(mine.conflicts).toEqual(['escalationMinutes']);
    expect(theirs).toEqual(mine);

    expect(await save(admin, { escalationMinutes: 50 })).toMatchObject({ ok: true });
    await syncAll();
    for (const app of [admin, editor]) expect(await settingsOf(app)).toMatchObject({ conflicts: [], settings: { escalationMinutes: 50 } });
  });
});
