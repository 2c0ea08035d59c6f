import { describe, expect, it } from 'vitest';
import { DEFAULT_TEAM_SETTINGS, MAX_DEPARTMENT_CONTACT_CHARS, TEAM_SETTINGS_ID, currentShift, teamSettings, teamSettingsOf, validateTeamSettingsChange, type TeamSettingsFields } from '../../shared/team-settings';
import { createSyncState, lwwSetData, type Op, type SyncState } from '../../shared/sync';
import { ALICE, BOB, MONDAY_9AM, TestDevice } from '../sync/devices';
import { nodeCrypto } from '../sync/node-crypto';
import { replica } from '../handover/harness';

const ENTITY = `teamSettings:${TEAM_SETTINGS_ID}`;

function edit(device: TestDevice, view: SyncState, wallMs: number, changes: Partial<TeamSettingsFields>): Op {
  return device.op(wallMs, 'teamSettings.set', ENTITY, { ...lwwSetData(view.get(teamSettings, TEAM_SETTINGS_ID)?.fields, changes) });
}

describe('team settings', () => {
  it('defaults when nothing was written: 早班 08–16, 晚班 16–24, four departments, 2 h, Asia/Shanghai', () => {
    const settings = teamSettingsOf(replica().get(teamSettings, TEAM_SETTINGS_ID));
    expect(settings).toBe(DEFAULT_TEAM_SETTINGS);
    expect(settings.shiftTypes.map((type) => [type.name['zh-CN'], type.start, type.end])).toEqual([
      ['早班', '08:00', '16:00'],
      ['晚班', '16:00', '24:00'],
    ]);
    expect(settings.departments.map((department) => department.name['zh-CN'])).toEqual(['客服部', '市场部', '电商部', '法务部']);
    expect(settings.escalationMinutes).toBe(120);
    expect(settings.timeZone).toBe('Asia/Shanghai');
  });

  it('a lead edits one setting; the others keep their defaults', () => {
    const lead = new TestDevice(ALICE);
    const op = edit(lead, replica(), MONDAY_9AM, { escalationMinutes: 60, timeZone: 'Asia/Hong_Kong' });
    const settings = teamSettingsOf(replica([op]).get(teamSettings, TEAM_SETTINGS_ID));
    expect(settings).toEqual({ ...DEFAULT_TEAM_SETTINGS, escalationMinutes: 60, timeZone: 'Asia/Hong_Kong' });
  });

  it('new shift types change the current shift', () => {
    const lead = new TestDevice(ALICE);
    const shiftTypes = [
      { id: 'day', name: { 'zh-CN': '白班', en: 'Day shift' }, start: '09:00', end: '21:00' },
      { id: 'night', name: { 'zh-CN': '夜班', en: 'Night shift' }, start: '21:00', end: '09:00' },
    ];
    const settings = teamSettingsOf(replica([edit(lead, replica(), MONDAY_9AM, { shiftTypes })]).get(teamSettings, TEAM_SETTINGS_ID));
    // Monday 08:30 Shanghai is still Sunday's night shift.
    expect(currentShift(MONDAY_9AM - 30 * 60_000, settings.shiftTypes, settings.timeZone)).toMatchObject({
      date: '2026-01-04',
      shiftTypeId: 'night',
    });
  });

  it('two leads editing the same setting offline: one winner everywhere, the other shown as a conflict', () => {
    const [alice, bob] = [new TestDevice(ALICE), new TestDevice(BOB)];
    const byAlice = edit(alice, replica(), MONDAY_9AM, { escalationMinutes: 90 });
    const byBob = edit(bob, replica(), MONDAY_9AM + 1000, { escalationMinutes: 30 });
    const forward = createSyncState([teamSettings]);
    forward.apply([byAlice, byBob]);
    const backward = createSyncState([teamSettings]);
    backward.apply([byBob, byAlice]);
    expect(forward.stateHash(nodeCrypto)).toBe(backward.stateHash(nodeCrypto));
    const state = forward.get(teamSettings, TEAM_SETTINGS_ID)!;
    expect(state.settings.escalationMinutes).toBe(30);
    expect(state.fields.escalationMinutes?.conflicts).toEqual([{ value: 90, hlc: byAlice.hlc }]);
  });

  it('a broken settings op is set aside and changes nothing', () => {
    const lead = new TestDevice(ALICE);
    const early = DEFAULT_TEAM_SETTINGS.shiftTypes[0]!;
    const state = createSyncState([teamSettings]);
    const bad = [
      lead.op(MONDAY_9AM, 'teamSettings.set', ENTITY, { set: { timeZone: 'Mars/Olympus_Mons' }, seen: {} }),
      lead.op(MONDAY_9AM + 1, 'teamSettings.set', ENTITY, { set: { shiftTypes: [early, early] }, seen: {} }),
      lead.op(MONDAY_9AM + 2, 'teamSettings.set', ENTITY, { set: { shiftTypes: [{ ...early, retired: true }] }, seen: {} }),
      lead.op(MONDAY_9AM + 3, 'teamSettings.set', ENTITY, { set: { escalationMinutes: 0 }, seen: {} }),
    ];
    expect(state.apply(bad).invalid).toHaveLength(4);
    expect(teamSettingsOf(state.get(teamSettings, TEAM_SETTINGS_ID))).toBe(DEFAULT_TEAM_SETTINGS);
  });
});

describe("a department's contact (who to call there, for the stand-in pack)", () => {
  const [customerService, ...others] = DEFAULT_TEAM_SETTINGS.departments;

  it('settings written before it (departments without a contact) still fold; a contact is kept, trimmed', () => {
    const lead = new TestDevice(ALICE);
    const old = lead.op(MONDAY_9AM, 'teamSettings.set', ENTITY, { set: { departments: [{ id: 'customer-service', name: { 'zh-CN': '客服部', en: 'Customer service' } }] }, seen: {} });
    expect(teamSettingsOf(replica([old]).get(teamSettings, TEAM_SETTINGS_ID)).departments).toEqual([{ id: 'customer-service', name: { 'zh-CN': '客服部', en: 'Customer service' } }]);
    const withContact = lead.op(MONDAY_9AM + 1, 'teamSettings.set', ENTITY, {
      set: { departments: [{ ...customerService, contact: '  张敏 138 0000 1234 / 企业微信：客服值班群 ' }, ...others] },
      seen: {},
    });
    const settings = teamSettingsOf(replica([old, withContact]).get(teamSettings, TEAM_SETTINGS_ID));
    expect(settings.departments[0]).toEqual({ ...customerService, contact: '张敏 138 0000 1234 / 企业微信：客服值班群' });
    expect(settings.departments.slice(1)).toEqual(others);
  });

  it(`a contact over ${MAX_DEPARTMENT_CONTACT_CHARS} characters is refused at that row's contact, saying the limit; the op is set aside`, () => {
    const long = '客'.repeat(MAX_DEPARTMENT_CONTACT_CHARS + 1);
    expect(validateTeamSettingsChange({ departments: [{ ...customerService!, contact: '客'.repeat(MAX_DEPARTMENT_CONTACT_CHARS) }] })).toEqual([]);
    expect(validateTeamSettingsChange({ departments: [...others, { ...customerService!, contact: long }] })).toEqual([
      { code: 'too-long', path: ['departments', others.length, 'contact'], params: { max: MAX_DEPARTMENT_CONTACT_CHARS, length: MAX_DEPARTMENT_CONTACT_CHARS + 1 } },
    ]);
    const state = createSyncState([teamSettings]);
    const op = new TestDevice(ALICE).op(MONDAY_9AM, 'teamSettings.set', ENTITY, { set: { departments: [{ ...customerService, contact: long }] }, seen: {} });
    expect(state.apply([op]).invalid).toHaveLength(1);
    expect(teamSettingsOf(state.get(teamSettings, TEAM_SETTINGS_ID))).toBe(DEFAULT_TEAM_SETTINGS);
  });
});
