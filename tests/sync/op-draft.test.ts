import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { followUpOps, handoverOps } from '../../shared/handover';
import { defineCapability, OpDataError, opBuilders, opDraft } from '../../shared/sync';
import { TEAM_SETTINGS_ID, TEAM_SETTINGS_SET, teamSettingsOps } from '../../shared/team-settings';

const toy = defineCapability({
  kind: 'toy',
  ops: { 'toy.named': z.object({ name: z.string().trim().min(1).max(5) }) },
  reduce: (ops) => ops.length,
});

describe('opDraft', () => {
  it('makes a draft on <kind>:<id> with the data as given, once the schema accepts it', () => {
    expect(opDraft(toy, 'toy.named', 'a1', { name: ' ab ' })).toEqual({ type: 'toy.named', entity: 'toy:a1', data: { name: ' ab ' } });
  });

  it('throws a clear error, before anything is recorded, when the data does not fit', () => {
    const attempt = () => opDraft(toy, 'toy.named', 'a1', { name: 'far too long' });
    expect(attempt).toThrow(OpDataError);
    expect(attempt).toThrow(/toy\.named: the data does not fit the op's schema[\s\S]*name/);
  });

  it('refuses an entity id the sync core would not take', () => {
    expect(() => opDraft(toy, 'toy.named', 'a b', { name: 'ab' })).toThrow(/not an entity/);
  });
});

describe('opBuilders', () => {
  it('names each builder by its op type after the kind', () => {
    expect(Object.keys(opBuilders(toy))).toEqual(['named']);
    expect(Object.keys(handoverOps).sort()).toEqual(['acknowledged', 'addendum', 'submitted']);
    expect(Object.keys(followUpOps).sort()).toEqual(['commented', 'created', 'updated']);
    expect(teamSettingsOps.set(TEAM_SETTINGS_ID, { set: { escalationMinutes: 30 }, seen: {} }).type).toBe(TEAM_SETTINGS_SET);
  });

  it('checks addenda, comments and follow-up updates against the capability schema', () => {
    const by = { memberId: 'm1', name: '小李' };
    expect(() => handoverOps.addendum('n1', { text: '', attachments: [], author: by, at: 1 })).toThrow(OpDataError);
    expect(() => followUpOps.commented('f1', { text: 'ok', by: { memberId: 'm1', name: '' }, at: 1 })).toThrow(OpDataError);
    expect(() => followUpOps.updated('f1', { set: { status: 'lost' as never }, seen: {}, by, at: 1 })).toThrow(OpDataError);
    expect(followUpOps.commented('f1', { text: 'ok', by, at: 1 }).entity).toBe('followUp:f1');
  });
});
