import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { AppServices } from '../../electron/services/app-services';
import type { CsvPreview, RotaRequestsView, RotaView } from '../../shared/api/rota-views';
import type { TakeCoverOutcome } from '../../shared/api/rota-contract';
import { call, keysOf, opOf, team, teamOfThree, writeSigned } from '../team-service/team-apps';

const MARCH = { from: '2026-03-01', days: 31 };

async function memberIdOf(app: AppServices): Promise<string> {
  return (await team(app)).me.memberId!;
}

/** The lead (the team's creator) puts the editor on the early shifts of 2–4 March and publishes March. */
async function publishedMarch() {
  const three = await teamOfThree();
  const editorId = await memberIdOf(three.editor);
  const leadId = await memberIdOf(three.admin);
  for (const date of ['2026-03-02', '2026-03-03', '2026-03-04']) {
    await call(three.admin, 'setRotaSlot', { date, shiftTypeId: 'early', primary: [editorId], backup: leadId });
  }
  await call(three.admin, 'publishRotaMonth', { month: '2026-03' });
  await three.syncAll();
  return { ...three, editorId, leadId };
}

const slot = (view: RotaView, key: string) => view.days.flatMap((day) => day.slots).find((candidate) => candidate.key === key)!;

describe('rota service on a team of three', () => {
  it('publishes a month to everyone; an editor cannot edit it; cover taken by the lead holds on every computer', async () => {
    const { admin, editor, viewer, editorId, leadId, syncAll } = await publishedMarch();
    const seen = await call<RotaView>(editor, 'getRota', MARCH);
    expect(slot(seen, '2026-03-02_early').duty?.people.map((person) => person.memberId)).toEqual([editorId]);
    expect(slot(seen, '2026-03-02_early').draft).toBeNull();
    const refused = await editor.dispatch('setRotaSlot', { date: '2026-03-05', shiftTypeId: 'early', primary: [editorId], backup: null });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    const { id } = await call<{ id: string }>(editor, 'requestCover', { date: '2026-03-02', shiftTypeId: 'early', note: '看牙' });
    await syncAll();
    const candidates = await call<{ candidates: Array<{ memberId: string; reasons: Array<{ code: string }> }> }>(admin, 'getCoverCandidates', { id });
    expect(candidates.candidates.find((candidate) => candidate.memberId === leadId)?.reasons).toEqual([]);
    expect(candidates.candidates.find((candidate) => candidate.memberId !== leadId)?.reasons.map((reason) => reason.code)).toEqual(['not-editor']);
    expect(await call<TakeCoverOutcome>(admin, 'takeCover', { id })).toEqual({ outcome: 'taken' });
    await syncAll();
    for (const app of [admin, editor, viewer]) {
      const view = await call<RotaView>(app, 'getRota', MARCH);
      expect(slot(view, '2026-03-02_early').duty?.people).toEqual([{ memberId: leadId, via: 'cover', for: editorId }]);
    }
  });

  it('sets aside, on every computer, a cover asked by an editor for the lead’s shift and leave written by a viewer', async () => {
    const { admin, editor, viewer, leadId, sharedDir, syncAll } = await publishedMarch();
    await call(admin, 'setRotaSlot', { date: '2026-03-06', shiftTypeId: 'late', primary: [leadId], backup: null });
    await call(admin, 'publishRotaMonth', { month: '2026-03' });
    await syncAll();
    const editorKeys = keysOf(editor.profileDir);
    const viewerKeys = keysOf(viewer.profileDir);
    const viewerId = await memberIdOf(viewer);
    writeSigned(sharedDir, editorKeys.deviceId, editorKeys.privateKeyPem, [
      opOf(editorKeys.deviceId, 900, 'rota.coverRequested', 'rotaCover:forged', { date: '2026-03-06', shiftTypeId: 'late', memberId: leadId, note: '', at: 1 }),
    ]);
    writeSigned(sharedDir, viewerKeys.deviceId, viewerKeys.privateKeyPem, [
      opOf(viewerKeys.deviceId, 900, 'rota.leaveRequested', 'rotaLeave:v', { memberId: viewerId, leaveType: 'annual', from: '2026-03-02', to: '2026-03-02', note: '', at: 1 }),
    ]);
    await syncAll();
    for (const app of [admin, editor]) {
      const requests = await call<RotaRequestsView>(app, 'getRotaRequests');
      expect(requests.covers).toEqual([]);
      expect(requests.leaves).toEqual([]);
    }
    const lead = await call<RotaRequestsView>(admin, 'getRotaRequests');
    expect(lead.setAside).toMatchObject([{ entity: 'rotaCover:forged', reason: 'not-own' }]);
    // The viewer may write no rota op at all: the trust layer sets it aside before the rota sees it.
    expect((await team(admin)).setAside.filter((entry) => entry.type.startsWith('rota.'))).toMatchObject([{ type: 'rota.leaveRequested', reason: 'role-not-allowed' }]);
  });

  it('exports iCalendar that a second library reads back at the right instants, in Shanghai and in a DST zone', async () => {
    const { admin, editorId } = await publishedMarch();
    for (const [zone, startUtc] of [
      ['Asia/Shanghai', '2026-03-02T00:00:00.000Z'],
      ['America/New_York', '2026-03-02T13:00:00.000Z'],
    ] as const) {
      await call(admin, 'setTeamSettings', { changes: { timeZone: zone } });
      const { text } = await call<{ text: string }>(admin, 'exportRota', { format: 'ics', memberId: editorId, from: '2026-03-01', to: '2026-03-31' });
      const calendar = new ICAL.Component(ICAL.parse(text));
      const vtimezone = calendar.getFirstSubcomponent('vtimezone')!;
      expect(vtimezone.getFirstPropertyValue('tzid')).toBe(zone);
      ICAL.TimezoneService.register(new ICAL.Timezone(vtimezone));
      const events = calendar.getAllSubcomponents('vevent').map((event) => new ICAL.Event(event));
      expect(events).toHaveLength(3);
      expect(new Date(events[0]!.startDate.toUnixTime() * 1000).toISOString()).toBe(startUtc);
      expect(events[0]!.endDate.toUnixTime() - events[0]!.startDate.toUnixTime()).toBe(8 * 3600);
      ICAL.TimezoneService.remove(zone);
    }
  });

  it('round-trips CSV, names each bad row and writes nothing while any row is bad', async () => {
    const { admin, editorId } = await publishedMarch();
    const { text } = await call<{ text: string }>(admin, 'exportRota', { format: 'csv', from: '2026-03-01', to: '2026-03-31' });
    const moved = text.replaceAll('2026-03-0', '2026-04-0');
    const preview = await call<CsvPreview>(admin, 'previewRotaCsv', { text: moved });
    expect(preview).toMatchObject({ good: 3, bad: 0 });
    expect(await call(admin, 'importRotaCsv', { text: moved })).toMatchObject({ written: 3 });
    const april = await call<RotaView>(admin, 'getRota', { from: '2026-04-01', days: 30 });
    expect(slot(april, '2026-04-03_early').draft).toEqual({ primary: [editorId], backup: expect.any(String) });

    const bad = [
      'date,shift,primary,backup',
      '2026-05-01,early,Nobody,',
      '2026-05-02,brunch,李雷,',
      '1970-01-01,early,李雷,',
      '2026-05-04,early,李雷,',
      '2026-05-04,early,王主管,',
      '2026-05-05,late,李雷;李雷,',
    ].join('\n');
    const verdicts = await call<CsvPreview>(admin, 'previewRotaCsv', { text: bad });
    expect(verdicts.rows.map((row) => [row.line, row.problems.map((problem) => problem.split(' ').slice(0, 2).join(' '))])).toEqual([
      [2, ['unknown person']],
      [3, ['unknown shift']],
      [4, ['bad date']],
      [5, []],
      [6, ['double booking:']],
      [7, ['double booking:']],
    ]);
    expect(await admin.dispatch('importRotaCsv', { text: bad })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const may = await call<RotaView>(admin, 'getRota', { from: '2026-05-01', days: 10 });
    expect(may.days.flatMap((day) => day.slots).filter((entry) => entry.draft !== null)).toEqual([]);

    const huge = ['date,shift,primary,backup', ...Array.from({ length: 10_000 }, () => '2026-06-01,early,李雷,')].join('\n');
    const tooMany = await call<CsvPreview>(admin, 'previewRotaCsv', { text: huge });
    expect(tooMany.fileProblems).toEqual(['10000 rows: at most 5000 can be imported at once']);
    expect(await admin.dispatch('importRotaCsv', { text: huge })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('imports holidays from .ics and refuses a malformed file whole', async () => {
    const { admin } = await publishedMarch();
    const ics = [
      'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN',
      'BEGIN:VEVENT', 'UID:1', 'DTSTART;VALUE=DATE:20261001', 'DTEND;VALUE=DATE:20261004', 'SUMMARY:国庆节', 'END:VEVENT',
      'BEGIN:VEVENT', 'UID:2', 'DTSTART;VALUE=DATE:20261010', 'SUMMARY:国庆节调休上班', 'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    expect(await call(admin, 'importHolidays', { ics })).toMatchObject({ added: 4 });
    const settings = await call<{ holidays: Array<{ date: string; kind: string }> }>(admin, 'getRotaSettings');
    expect(settings.holidays.map((holiday) => [holiday.date, holiday.kind])).toEqual([
      ['2026-10-01', 'holiday'], ['2026-10-02', 'holiday'], ['2026-10-03', 'holiday'], ['2026-10-10', 'workday'],
    ]);
    const broken = await admin.dispatch('importHolidays', { ics: 'BEGIN:VCALENDAR\nthis is not' });
    expect(broken).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect((await call<{ holidays: unknown[] }>(admin, 'getRotaSettings')).holidays).toHaveLength(4);
  });
});

describe('cover eligibility asks the SOPs', () => {
  it('a colleague who has not acknowledged the SOP the shift requires may not take it, and is told why; once acknowledged, may', async () => {
    const { admin, editor, leadId, syncAll } = await publishedMarch();
    const { id: sopId, revision } = await call<{ id: string; revision: string }>(editor, 'saveSopRevision', { id: null, parents: [], title: '早班巡查', body: '# 早班\n\n9 点前看完评论。\n', checklist: [], area: 'monitoring' });
    const saved = { id: sopId, revision };
    await call(editor, 'submitSopRevision', saved);
    await syncAll();
    await call(admin, 'publishSopRevision', { ...saved, minor: false });
    await call(admin, 'setSopMeta', { id: saved.id, changes: { shiftTypeIds: ['early'] } });
    const { id } = await call<{ id: string }>(editor, 'requestCover', { date: '2026-03-02', shiftTypeId: 'early', note: '' });
    await syncAll();
    type Candidates = { candidates: Array<{ memberId: string; reasons: Array<{ code: string }> }> };
    const reasonsOfLead = async () => (await call<Candidates>(admin, 'getCoverCandidates', { id })).candidates.find((candidate) => candidate.memberId === leadId)!.reasons.map((reason) => reason.code);
    expect(await reasonsOfLead()).toEqual(['sop-not-acknowledged']);

    await call(admin, 'acknowledgeSop', saved);
    expect(await reasonsOfLead()).toEqual([]);
    expect(await call<TakeCoverOutcome>(admin, 'takeCover', { id })).toEqual({ outcome: 'taken' });
    await syncAll();
    const view = await call<RotaView>(editor, 'getRota', MARCH);
    expect(slot(view, '2026-03-02_early').duty?.people).toEqual([{ memberId: leadId, via: 'cover', for: await memberIdOf(editor) }]);
  });
});

describe('checks over the whole period', () => {
  it('finds, from March, a run of days that goes on into April, and marks it in April though the run began in March', async () => {
    const { admin, editorId } = await publishedMarch();
    for (let day = 0; day < 8; day += 1) {
      const date = new Date(Date.UTC(2026, 2, 27 + day)).toISOString().slice(0, 10);
      await call(admin, 'setRotaSlot', { date, shiftTypeId: 'early', primary: [editorId], backup: null });
    }
    const march = await call<RotaView>(admin, 'getRota', MARCH);
    const runs = (view: RotaView) => view.checks.filter((check) => check.code === 'days-in-row').map((check) => check.key);
    // 27 March to 3 April: the 7th day in a row (2 April) is past the team's six, though April is not shown.
    expect(runs(march)).toEqual(['2026-04-02_early']);
    const april = await call<RotaView>(admin, 'getRota', { from: '2026-04-01', days: 30 });
    expect(runs(april)).toEqual(['2026-04-02_early']);
    expect(slot(april, '2026-04-02_early').checks.map((check) => check.code)).toContain('days-in-row');
  });
});
