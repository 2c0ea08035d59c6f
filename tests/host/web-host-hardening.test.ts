import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startHost } from './host';

const firstRun = { memberName: '小林', sharedFolder: { kind: 'embedded' } };

describe('the web host and the bridge, as an attacker calls them over HTTP (issue 16)', () => {
  it('a malformed percent-encoding in a static URL answers 400, without a stack trace in the log', async () => {
    const { get, logFile } = await startHost();
    expect((await get('/app.js')).status).toBe(200);
    for (const path of ['/%ff', '/%', '/%zz', '/assets/%E0%A4%A']) {
      const answer = await get(path);
      expect(answer.status, path).toBe(400);
      expect(answer.text).not.toMatch(/URIError|at /);
    }
    expect(readFileSync(logFile, 'utf8')).not.toMatch(/URIError|ERROR/);
  });

  it('a 10 MB unknown key is refused with a short answer and a short log line', async () => {
    const { op, logFile } = await startHost();
    const key = 'k'.repeat(10 * 1024 * 1024);
    const answer = await op('getSettings', `{${JSON.stringify(key)}:1}`);
    expect(answer.json).toMatchObject({ ok: false, error: { code: 'invalid-input', issues: [{ path: '', message: expect.stringMatching(/^Unrecognized key: "k+…\(\d+ more characters\)$/) }] } });
    expect(answer.text.length).toBeLessThan(2000);
    const unknownName = await op('x'.repeat(8000), {});
    expect(unknownName.json).toMatchObject({ ok: false, error: { code: 'unknown-operation' } });
    expect(unknownName.text.length).toBeLessThan(1000);
    expect(statSync(logFile).size).toBeLessThan(4000);
  });

  it('nested objects refuse unknown keys like the top level does', async () => {
    const { op } = await startHost();
    for (const [name, body, path] of [
      ['completeFirstRun', { ...firstRun, sharedFolder: { kind: 'embedded', zzz: 1 } }, 'sharedFolder'],
      ['updateSettings', { sharedFolder: { kind: 'path', path: '/tmp/x', extra: true } }, 'sharedFolder'],
      ['createFollowUp', { title: 't', owner: { memberId: 'm', name: 'n', extra: 1 }, dueAt: null, category: 'other', departmentId: null, escalation: null }, 'owner'],
    ] as const) {
      expect((await op(name, body)).json, name).toMatchObject({ ok: false, error: { code: 'invalid-input', issues: [{ path, message: expect.stringMatching(/^Unrecognized key: "(zzz|extra)"$/) }] } });
    }
    // Nothing was applied by the refused calls.
    expect((await op('getSettings', {})).json).toMatchObject({ ok: true, value: { firstRunDone: false, sharedFolder: { kind: 'embedded' } } });
    expect((await op('completeFirstRun', firstRun)).json).toMatchObject({ ok: true });
  });

  it('completeFirstRun is refused once the first run is done: the folder stays as it was', async () => {
    const { op, sharedDir } = await startHost();
    expect((await op('completeFirstRun', firstRun)).json).toMatchObject({ ok: true, value: { firstRunDone: true } });
    const again = await op('completeFirstRun', { memberName: '攻击者', sharedFolder: { kind: 'path', path: sharedDir } });
    expect(again.json).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await op('getSettings', {})).json).toMatchObject({ ok: true, value: { memberName: '小林', sharedFolder: { kind: 'embedded' } } });
  });

  it('every name and title refuses control characters (NUL) and ill-formed Unicode (a lone surrogate), the same rule everywhere', async () => {
    const { op, sharedDir } = await startHost();
    const bad = ['小\u0000林', '小林\ud800', '\udc00', '小\u001b[31m林', '小\u2028林'];
    for (const name of bad) {
      for (const [operation, body, path] of [
        ['completeFirstRun', { memberName: name, sharedFolder: { kind: 'embedded' } }, 'memberName'],
        ['updateSettings', { memberName: name }, 'memberName'],
        ['createTeam', { memberName: '小林', teamName: name, path: sharedDir }, 'teamName'],
        ['joinTeam', { memberName: name, path: sharedDir, teamCode: '7KQ2M-XD4PA-9HT3B-WR6CE' }, 'memberName'],
        ['setMyDisplayName', { displayName: name }, 'displayName'],
      ] as const) {
        expect((await op(operation, body)).json, `${operation} ${JSON.stringify(name)}`).toMatchObject({ ok: false, error: { code: 'invalid-input', issues: [{ path, message: 'control characters' }] } });
      }
    }
    // A well-formed name with an emoji (a surrogate pair) and a combining mark is fine.
    expect((await op('completeFirstRun', { memberName: '小林 🌟 é', sharedFolder: { kind: 'embedded' } })).json).toMatchObject({ ok: true });
    await expect.poll(async () => ((await op('getTeam', {})).json as { value: { me: { status: string } } }).value.me.status).toBe('approved');
    expect((await op('setMyDisplayName', { displayName: '小林\u0000' })).json).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    // A follow-up's title is checked with the person's other mistakes: placed at the field, nothing published.
    for (const title of bad) {
      const created = await op('createFollowUp', { title, owner: null, dueAt: Date.now() + 86_400_000, category: 'other', departmentId: null, escalation: null });
      expect(created.json, JSON.stringify(title)).toMatchObject({ ok: true, value: { ok: false, issues: expect.arrayContaining([{ code: 'invalid', path: ['title'], params: { message: 'control characters' } }]) } });
    }
    expect((await op('listFollowUps', { scope: 'all' })).json).toMatchObject({ ok: true, value: { items: [] } });
  });
});
