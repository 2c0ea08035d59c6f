import { describe, expect, it } from 'vitest';
import { lwwSetData, type OpDraft } from '../../shared/sync';
import { monthDraft, publishMonthOp, rotaChecks, slotSetOp } from '../../shared/rota';
import { teamSettingsFields } from '../../shared/team-settings';
import { LEAD, RotaTeam, SHIFT_TYPES, WANG } from './harness';

/** What the rota settings wrote before people needed and colour became fields of the shift types. */
const legacyExtras = (extras: Record<string, { needed: number; colour: string }>): OpDraft => ({
  type: 'rota.teamSet',
  entity: 'rotaTeam:team',
  data: { ...lwwSetData(undefined, { shiftExtras: extras }) },
});

describe('people needed and colour are fields of the shift types', () => {
  it('staffs and colours each shift as its type says, defaults for a type that says nothing', () => {
    const types = [{ ...SHIFT_TYPES[0]!, needed: 2, colour: '#123456' }, SHIFT_TYPES[1]!, SHIFT_TYPES[2]!];
    const team = new RotaTeam({ shiftTypes: types });
    team.write(LEAD, slotSetOp(undefined, '2026-03-02', 'early', { primary: [WANG.memberId], backup: null }));
    team.write(LEAD, publishMonthOp('2026-03', monthDraft(team.world(), '2026-03'), team.clock));
    const world = team.world();
    expect(world.settings.extras).toEqual({ early: { needed: 2, colour: '#123456' }, late: { needed: 1, colour: '#f59e0b' }, night: { needed: 1, colour: '#8b5cf6' } });
    expect(world.duties.get('2026-03-02_early')!.needed).toBe(2);
    const peopleOn = (key: string) => world.duties.get(key)?.people.map((person) => person.memberId);
    expect(rotaChecks(world.settings, peopleOn, '2026-03-02', '2026-03-02')[0]).toEqual({ code: 'under-staffed', key: '2026-03-02_early', count: 1, needed: 2 });
  });

  it('keeps what a team set in the rota settings before, until the shift type has its own', () => {
    const team = new RotaTeam();
    team.write(LEAD, legacyExtras({ early: { needed: 3, colour: '#abcdef' } }));
    expect(team.world().settings.extras.early).toEqual({ needed: 3, colour: '#abcdef' });
    team.write(LEAD, {
      type: 'teamSettings.set',
      entity: 'teamSettings:team',
      data: { ...lwwSetData(undefined, { shiftTypes: [{ ...SHIFT_TYPES[0]!, needed: 2 }, SHIFT_TYPES[1]!, SHIFT_TYPES[2]!] }) },
    });
    expect(team.world().settings.extras.early).toEqual({ needed: 2, colour: '#abcdef' });
  });

  it('shift types written before the fields existed stay valid; a bad count or colour is refused', () => {
    expect(teamSettingsFields.shiftTypes.safeParse(SHIFT_TYPES).success).toBe(true);
    expect(teamSettingsFields.shiftTypes.safeParse([{ ...SHIFT_TYPES[0]!, needed: 0 }]).success).toBe(false);
    expect(teamSettingsFields.shiftTypes.safeParse([{ ...SHIFT_TYPES[0]!, needed: 31 }]).success).toBe(false);
    expect(teamSettingsFields.shiftTypes.safeParse([{ ...SHIFT_TYPES[0]!, colour: 'red' }]).success).toBe(false);
  });
});
