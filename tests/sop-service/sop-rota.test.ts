import { describe, expect, it } from 'vitest';
import type { ShiftChecklistPayload } from '../../shared/api/sop-views';
import { call, team, teamOfThree } from '../team-service/team-apps';

const once = (id: string, title: string, holidays: 'skip' | 'only') => ({ id, title, kind: 'once', contentType: null, times: [], everyMinutes: null, shiftTypeIds: [], days: 'everyday', holidays });

describe("the shift checklist and the rota (through the rota's queries)", () => {
  it("holidays from the rota's calendar decide the items; only the people on the shift (or a lead) tick it, judged again when the rota changes", async () => {
    const { admin: lead, editor, viewer, syncAll } = await teamOfThree();
    const saved = await call<{ id: string; revision: string }>(lead, 'saveSopRevision', {
      id: null,
      parents: [],
      title: '值班清单',
      body: '',
      checklist: [once('daily', '清空私信', 'skip'), once('holiday', '发节日海报', 'only')],
      area: 'content',
    });
    await call(lead, 'publishSopRevision', { id: saved.id, revision: saved.revision, minor: false });
    const { shift } = await call<ShiftChecklistPayload>(lead, 'getShiftChecklist');
    const titles = async () => (await call<ShiftChecklistPayload>(lead, 'getShiftChecklist')).entries.map((entry) => entry.title);
    expect(await titles()).toEqual(['清空私信']);
    // Asked for a shift (the briefing's link), that shift's; a shift type the team lacks has none.
    const other = { date: '2030-01-02', shiftTypeId: shift!.shiftTypeId };
    expect((await call<ShiftChecklistPayload>(lead, 'getShiftChecklist', { shift: other })).shift).toMatchObject(other);
    expect((await call<ShiftChecklistPayload>(lead, 'getShiftChecklist', { shift: { ...other, shiftTypeId: 'no-such-shift' } })).shift).toBeNull();

    await call(lead, 'setRotaSettings', { holidays: [{ date: shift!.date, kind: 'holiday', name: '元旦' }] });
    expect(await titles()).toEqual(['发节日海报']);

    const [leadId, editorId] = [(await team(lead)).me.memberId!, (await team(editor)).me.memberId!];
    const publishWith = async (memberId: string) => {
      await call(lead, 'setRotaSlot', { date: shift!.date, shiftTypeId: shift!.shiftTypeId, primary: [memberId], backup: null });
      await call(lead, 'publishRotaMonth', { month: shift!.date.slice(0, 7) });
      await syncAll();
    };
    const key = `${saved.id}/holiday/shift`;
    const tick = { date: shift!.date, shiftTypeId: shift!.shiftTypeId, key, done: true };
    const refusal = async (app: typeof lead) => (await call<ShiftChecklistPayload>(app, 'getShiftChecklist')).tickRefusal;
    await publishWith(leadId);
    // The screen says why before anyone tries: off the shift in the rota, or a role that does not tick.
    expect([await refusal(lead), await refusal(editor), await refusal(viewer)]).toEqual([null, 'not-on-shift', 'role']);
    await expect(call(editor, 'tickChecklistItem', tick)).rejects.toThrow(/forbidden/);

    await publishWith(editorId);
    expect(await refusal(editor)).toBeNull();
    await call(editor, 'tickChecklistItem', tick);
    await syncAll();
    expect((await call<ShiftChecklistPayload>(lead, 'getShiftChecklist')).entries[0]).toMatchObject({ state: 'done', tick: { by: { name: '李雷' } } });

    // The rota changes: the lead takes the shift alone. The editor's tick stops counting on every computer, with the reason.
    await publishWith(leadId);
    for (const app of [lead, editor]) {
      const judged = await call<ShiftChecklistPayload>(app, 'getShiftChecklist');
      expect(judged.entries[0]!.tick).toBeNull();
      expect(judged.setAside).toMatchObject([{ key, by: { name: '李雷' }, reason: 'not-on-shift' }]);
    }
  });
});
