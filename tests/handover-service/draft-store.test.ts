import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DraftStore } from '../../electron/services/handover/draft-store';
import { prefillDraft, type HandoverDraft } from '../../shared/handover';
import { teamSettingsOf } from '../../shared/team-settings';
import { memoryLog } from '../support/memory-log';
import { tempDir, withText } from './helpers';

const draftsDir = (profileDir: string) => join(profileDir, 'handover', 'drafts');
const blank = (at: number): HandoverDraft => prefillDraft({ now: at, settings: teamSettingsOf(undefined), followUps: [] });

describe('the handover draft store', () => {
  it('keeps the newest of many autosaves arriving at once and in any order, and leaves no temp file', async () => {
    const profileDir = tempDir('drafts');
    const log = memoryLog();
    const store = new DraftStore(profileDir, log);
    const start = Date.now();
    const edits = Array.from({ length: 200 }, (_, i) => withText(blank(start), { summary: `第 ${i} 次自动保存` }, start + i + 1));
    // Requests on several connections overtake each other: the newest edit comes in the middle.
    const order = [...edits.slice(150), ...edits.slice(0, 150)].reverse();
    const results = await Promise.all(order.map((draft) => store.save(draft)));
    expect(results.filter(Boolean).length).toBeGreaterThan(0);
    expect(store.read()?.sections.summary).toBe('第 199 次自动保存');
    expect(readdirSync(draftsDir(profileDir))).toEqual(['current.json']);
    expect(log.lines).toEqual([]);
  });

  it('does not bring back a discarded draft with the autosaves still on their way', async () => {
    const profileDir = tempDir('drafts');
    const store = new DraftStore(profileDir, memoryLog());
    const start = Date.now();
    const saves = Array.from({ length: 50 }, (_, i) => store.save(withText(blank(start), { summary: `写到一半 ${i}` }, start + i + 1)));
    const discarded = store.remove(start + 100);
    const late = Array.from({ length: 50 }, (_, i) => store.save(withText(blank(start), { summary: `迟到的 ${i}` }, start + 51 + i)));
    await Promise.all([...saves, discarded]);
    expect(await Promise.all(late)).toEqual(late.map(() => false));
    expect(store.read()).toBeNull();
    await expect(store.save(withText(blank(start), { summary: '新的一份' }, start + 101))).resolves.toBe(true);
    expect(store.read()?.sections.summary).toBe('新的一份');
  });

  it('saves after its folder was removed while the app ran', async () => {
    const profileDir = tempDir('drafts');
    const store = new DraftStore(profileDir, memoryLog());
    rmSync(join(profileDir, 'handover'), { recursive: true });
    const typed = withText(blank(Date.now()), { opinion: '有人在带节奏，继续观察' });
    await expect(store.save(typed)).resolves.toBe(true);
    expect(store.read()?.sections.opinion).toBe('有人在带节奏，继续观察');
  });

  it('removes the temp files a crash in the middle of a save left, and keeps the last whole draft', async () => {
    const profileDir = tempDir('drafts');
    const first = new DraftStore(profileDir, memoryLog());
    await first.save(withText(blank(Date.now()), { summary: '断电前保存好的' }));
    writeFileSync(join(draftsDir(profileDir), '.baton-tmp-current.json.0badc0de'), '{"format":');
    const again = new DraftStore(profileDir, memoryLog());
    expect(again.read()?.sections.summary).toBe('断电前保存好的');
    expect(readdirSync(draftsDir(profileDir))).toEqual(['current.json']);
    expect(readFileSync(join(draftsDir(profileDir), 'current.json'), 'utf8')).toContain('断电前保存好的');
  });
});
