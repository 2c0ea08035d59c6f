import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { exportFolder } from '../../electron/services/export/export-folder';
import { FOLLOW_UP_COLUMNS } from '../../shared/export';
import type { HandoverDraft } from '../../shared/handover';
import type { Person } from '../../shared/team-settings';
import { tempDir } from '../sync-service/helpers';
import { call, openApp, team } from '../team-service/team-apps';

/** A team of one on a real shared folder with two notes and a follow-up, written through the app's operations. */
async function teamWithNotes() {
  const sharedDir = join(tempDir('export-shared'), 'team');
  mkdirSync(sharedDir, { recursive: true });
  const app = openApp(sharedDir, 'lead');
  await app.sync.ready;
  await call(app, 'createTeam', { memberName: '王主管', teamName: '微博运营组', path: sharedDir });
  const { me } = await team(app);
  await call(app, 'setMemberRoles', { memberId: me.memberId, roles: ['admin', 'lead', 'editor'] });
  const { me: person } = await call<{ me: Person }>(app, 'getShiftContext');
  for (const [date, summary] of [['2026-01-04', '周日早班，"两条"产品微博已发，\n评论区正常'], ['2026-01-05', '一条投诉已升级客服']] as const) {
    const { draft } = await call<{ draft: HandoverDraft }>(app, 'getHandoverDraft');
    const written = { ...draft, date, shiftTypeId: 'early', sections: { ...draft.sections, summary }, updatedAt: Date.now() };
    expect(await call(app, 'submitHandover', { draft: written })).toMatchObject({ ok: true });
  }
  await call(app, 'createFollowUp', { title: '跟进客服, 回复 "差评"', owner: person, dueAt: Date.now() + 3_600_000, category: 'other', departmentId: null, escalation: null });
  await call(app, 'syncNow');
  return { app, sharedDir, me: person };
}

/** Adds January's rota (the lead on the early shift of 5 and 6 Jan) and a published SOP. */
async function withRotaAndSop(app: Awaited<ReturnType<typeof teamWithNotes>>['app'], me: Person) {
  for (const date of ['2026-01-05', '2026-01-06']) {
    expect(await call(app, 'setRotaSlot', { date, shiftTypeId: 'early', primary: [me.memberId], backup: null })).toMatchObject({ queued: false });
  }
  expect(await call(app, 'publishRotaMonth', { month: '2026-01' })).toMatchObject({ queued: false });
  const saved = await call<{ ok: true; id: string; revision: string }>(app, 'saveSopRevision', { id: null, parents: [], title: '评论区回复规范', body: '# 回复\n\n先致歉，再说明。', checklist: [], area: 'fans' });
  await call(app, 'submitSopRevision', { id: saved.id, revision: saved.revision });
  expect(await call(app, 'publishSopRevision', { id: saved.id, revision: saved.revision, minor: false })).toMatchObject({ queued: false });
  await call(app, 'syncNow');
}

describe('export of everything', () => {
  it('round-trips: every note is a Markdown file, the CSV parses back to what was written, a README says what each file is', async () => {
    const { sharedDir } = await teamWithNotes();
    const out = join(tempDir('export-out'), 'export');
    const outcome = await exportFolder(sharedDir, out, Date.parse('2026-01-05T10:00:00+08:00'));
    expect(outcome.available).toBe(true);

    const notes = readdirSync(join(out, 'handovers')).sort();
    expect(notes).toHaveLength(2);
    expect(notes[0]).toMatch(/^2026-01-04-early-[A-Za-z0-9_-]+\.md$/);
    const first = readFileSync(join(out, 'handovers', notes[0]!), 'utf8');
    expect(first).toMatch(/^---\nid: ".+"\ndate: 2026-01-04\n/);
    expect(first).toContain('author: "王主管"');
    expect(first).toContain('## 本班概况 Summary\n\n周日早班，"两条"产品微博已发，\n评论区正常');

    const text = readFileSync(join(out, 'follow-ups.csv'), 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const parsed = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual([...FOLLOW_UP_COLUMNS]);
    expect(parsed.data).toHaveLength(1);
    expect(parsed.data[0]).toMatchObject({ title: '跟进客服, 回复 "差评"', status: 'open', owner: '王主管', comments: '0' });
    expect(parsed.data[0]!.due).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}\+08:00$/);

    const readme = readFileSync(join(out, 'README.md'), 'utf8');
    expect(readme).toContain('# 微博运营组');
    expect(readme).toContain('handovers/');
    expect(readme).toContain('follow-ups.csv');
  });

  it('the rota as .ics (ical.js reads it back) and CSV, every published SOP as Markdown, prizes as CSV', async () => {
    const { app, sharedDir, me } = await teamWithNotes();
    await withRotaAndSop(app, me);
    const out = join(tempDir('export-out'), 'export');
    const outcome = await exportFolder(sharedDir, out, Date.parse('2026-01-05T10:00:00+08:00'));
    expect(outcome).toMatchObject({ available: true, files: expect.arrayContaining(['rota/rota.ics', 'rota/rota.csv', 'prizes.csv']) });

    const calendar = new ICAL.Component(ICAL.parse(readFileSync(join(out, 'rota', 'rota.ics'), 'utf8')));
    const events = calendar.getAllSubcomponents('vevent').map((event) => new ICAL.Event(event));
    expect(events).toHaveLength(2);
    expect(events.map((event) => event.startDate.toJSDate().getTime()).sort()).toEqual([Date.parse('2026-01-05T08:00:00+08:00'), Date.parse('2026-01-06T08:00:00+08:00')]);
    expect(events[0]!.summary).toContain('王主管');

    const rota = Papa.parse<Record<string, string>>(readFileSync(join(out, 'rota', 'rota.csv'), 'utf8').slice(1), { header: true, skipEmptyLines: true });
    expect(rota.errors).toEqual([]);
    expect(rota.data).toHaveLength(2);

    const sops = readdirSync(join(out, 'sops'));
    expect(sops).toHaveLength(1);
    const sopText = readFileSync(join(out, 'sops', sops[0]!), 'utf8');
    expect(sopText).toMatch(/^---\nid: ".+"\ntitle: "评论区回复规范"\narea: "fans"\nversion: 1\n/);
    expect(sopText).toContain('先致歉，再说明。');

    const prizes = Papa.parse<Record<string, string>>(readFileSync(join(out, 'prizes.csv'), 'utf8').slice(1), { header: true, skipEmptyLines: true });
    expect(prizes.errors).toEqual([]);
    expect(prizes.meta.fields).toContain('record');

    const readme = readFileSync(join(out, 'README.md'), 'utf8');
    for (const file of ['rota/rota.ics', 'rota/rota.csv', 'sops/', 'prizes.csv']) expect(readme).toContain(file);
  });

  it('refuses to write into the shared folder, and says when the folder cannot be read', async () => {
    const { sharedDir } = await teamWithNotes();
    await expect(exportFolder(sharedDir, join(sharedDir, 'export'), Date.now())).rejects.toThrow(/inside the shared folder/);
    expect(await exportFolder(join(sharedDir, 'missing'), join(tempDir('export-out'), 'x'), Date.now())).toMatchObject({ available: false });
  });
});
